"""The web pages of organisations and people, and editing an organisation in the browser."""

import pytest

from trefpunt.organisations.models import Organisation


@pytest.fixture(autouse=True)
def _data(demo_directory):
    pass


def _form(organisation: Organisation, **changes) -> dict:
    names = organisation.names_by_language()
    data = {
        "version": organisation.version,
        "name": organisation.name,
        "acronym": organisation.acronym,
        "website": organisation.website,
        "description": organisation.description,
        **{f"name_{code}": names.get(code, "") for code in ("nl", "fr", "de", "en")},
    }
    return {**data, **changes}


def _state(slug: str):
    organisation = Organisation.objects.get(slug=slug)
    return (
        organisation.version,
        organisation.website,
        organisation.description,
        organisation.history.count(),
        sorted(organisation.names.values_list("language", "name")),
    )


def test_the_list_filters_by_kind(client):
    response = client.get("/en/organisations/", {"kind": "crisis_centre"})

    assert response.status_code == 200
    slugs = [o.slug for o in response.context["page"].object_list]
    # Ordered by official name; the Belgian and Dutch centres share theirs.
    assert slugs[0] == "hcpn-lu"
    assert sorted(slugs[1:]) == ["ncc-nl", "nccn-be"]


def test_the_secretariat_shows_its_teams_and_secretary_general(
    client, django_assert_max_num_queries
):
    # Measured: 16 queries for an anonymous reader (with its meetings, practices and news;
    # 2 for the names of related bodies in the relations graph).
    with django_assert_max_num_queries(16):
        response = client.get("/en/organisations/benelux-secretariat-general/")

    html = response.content.decode()
    assert "<h1>General Secretariat of the Benelux Union" in html
    assert [child.slug for child in response.context["children"]] == [
        "benelux-college-secretaries-general",
        "sg-team-economy",
        "sg-team-cross-border",
        "sg-team-security",
    ]
    structure = html[html.index('id="structure-title"') : html.index('id="people-title"')]
    assert (
        '<li><a href="/en/organisations/sg-team-security/">Security and Crisis Management team</a>'
        in structure
    )
    assert [(p.person.slug, p.role) for p in response.context["current_posts"]] == [
        ("elise-martens", "secretary_general")
    ]
    assert '<a href="/en/people/elise-martens/">Elise Martens</a>, Secretary-General' in html


def test_a_team_page_leads_back_to_the_secretariat(client):
    response = client.get("/fr/organisations/sg-team-security/")

    html = response.content.decode()
    assert "<h1>Équipe Sécurité et gestion de crise</h1>" in html
    assert '<a href="/fr/organisations/benelux-secretariat-general/">' in html


def test_menen_shows_its_mayor_and_the_one_before(client, django_assert_max_num_queries):
    # Measured: 14 queries.
    with django_assert_max_num_queries(14):
        response = client.get("/nl/organisations/menen/")

    assert [p.person.slug for p in response.context["current_posts"]] == [
        "pieter-declercq",
        "anneleen-vercruysse",
    ]
    assert [p.person.slug for p in response.context["past_posts"]] == ["geert-callewaert"]
    html = response.content.decode()
    people = html[html.index('id="people-title"') : html.index('id="relations-title"')]
    now, before = people.split("<h3>")
    assert '<a href="/nl/people/anneleen-vercruysse/">Anneleen Vercruysse</a>' in now
    assert '<a href="/nl/people/geert-callewaert/">Geert Callewaert</a>' in before
    assert "(2013–2018)" in before


def test_brussels_shows_its_1956_twinnings(client):
    response = client.get("/en/organisations/brussels/")

    others = {
        (r.kind, r.target.slug, r.since.year)
        for r in response.context["relations"]
        if r.source.slug == "brussels"
    }
    assert others == {
        ("twinned_with", "luxembourg-city", 1956),
        ("twinned_with", "amsterdam", 1956),
    }
    assert '<a href="/en/organisations/amsterdam/">City of Amsterdam</a>' in (
        response.content.decode()
    )


def test_a_person_page_lists_their_posts(client):
    response = client.get("/en/people/geert-callewaert/")

    html = response.content.decode()
    assert "<h1>Geert Callewaert" in html
    assert '<a href="/en/organisations/menen/">Stad Menen</a>' in html
    assert "(2013–2018)" in html


def test_unknown_organisations_and_people_are_404(client):
    assert client.get("/en/organisations/atlantis/").status_code == 404
    assert client.get("/en/people/nobody/").status_code == 404


def test_only_editors_see_the_edit_link(client, editor_of_menen, outsider):
    link = 'href="/en/organisations/menen/edit/"'
    assert link not in client.get("/en/organisations/menen/").content.decode()

    client.force_login(outsider)
    assert link not in client.get("/en/organisations/menen/").content.decode()

    client.force_login(editor_of_menen)
    assert link in client.get("/en/organisations/menen/").content.decode()


def test_the_organisation_page_of_a_signed_in_editor_stays_within_bounds(
    client, editor_of_menen, django_assert_max_num_queries
):
    client.force_login(editor_of_menen)

    # Measured: 24 queries (session, user, roles, memberships and the meetings the user
    # takes part in come on top of the 16).
    with django_assert_max_num_queries(24):
        response = client.get("/en/organisations/benelux-secretariat-general/")

    assert response.status_code == 200


def test_editing_needs_a_login(client):
    response = client.get("/en/organisations/menen/edit/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/organisations/menen/edit/"


def test_an_outsider_cannot_edit_and_nothing_changes(client, outsider):
    before = _state("menen")
    menen = Organisation.objects.get(slug="menen")
    client.force_login(outsider)

    shown = client.get("/en/organisations/menen/edit/")
    posted = client.post(
        "/en/organisations/menen/edit/", _form(menen, website="https://evil.example")
    )

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert _state("menen") == before


def test_the_editor_saves_and_the_page_shows_the_change_in_its_history(client, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    client.force_login(editor_of_menen)
    assert client.get("/en/organisations/menen/edit/").status_code == 200

    response = client.post(
        "/en/organisations/menen/edit/",
        _form(menen, website="www.menen.be", name_de="Stadt Menen"),
        follow=True,
    )

    assert response.redirect_chain == [("/en/organisations/menen/", 302)]
    menen.refresh_from_db()
    assert (menen.version, menen.website) == (2, "https://www.menen.be")
    assert menen.names_by_language() == {
        "nl": "Stad Menen",
        "fr": "Ville de Menin",
        "de": "Stadt Menen",
    }
    latest = menen.history.order_by("-history_id").first()
    assert (latest.history_type, latest.history_user) == ("~", editor_of_menen)
    html = response.content.decode()
    history = html[html.index('id="history-title"') :]
    assert "by editor.menen" in history
    assert '<a href="https://www.menen.be" rel="external">' in html


def test_a_stale_form_shows_the_conflict_and_nothing_changes(client, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    stale = _form(menen, description="Written from an old tab.")
    client.force_login(editor_of_menen)
    client.post("/en/organisations/menen/edit/", _form(menen, acronym="MEN"))
    before = _state("menen")

    response = client.post("/en/organisations/menen/edit/", stale)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this organisation meanwhile; reload and try again."
    ]
    assert _state("menen") == before


def test_an_invalid_form_shows_field_errors_and_nothing_changes(client, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    before = _state("menen")
    client.force_login(editor_of_menen)

    response = client.post(
        "/en/organisations/menen/edit/", _form(menen, name="", website="not a url")
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "name": ["This field is required."],
        "website": ["Enter a valid URL."],
    }
    assert _state("menen") == before
