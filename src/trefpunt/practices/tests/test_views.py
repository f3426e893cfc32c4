"""The pages of the knowledge base: list and export, a practice in the reader's language,
creating and editing (with translations beside the original), versions, collections."""

import csv
import io
import json
import re
from datetime import date

import pytest

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices import operations
from trefpunt.practices.models import Collection, Practice, PracticeTranslation, Theme

INSULATION_NL = "Isolatie van oude arbeiderswoningen"


@pytest.fixture
def knowledge(demo_directory):
    """Three practices of Menen (one a draft) and one of Tournai, translated and collected."""
    menen = Organisation.objects.get(slug="menen")
    tournai = Organisation.objects.get(slug="tournai")
    housing = Theme.objects.get(slug="energy-efficiency-housing")
    climate = Theme.objects.get(slug="climate-adaptation")
    insulation = operations.create_practice(
        user=None,
        owner=menen,
        language="nl",
        title=INSULATION_NL,
        summary="Buurtwerven isoleren <strong>daken en gevels</strong> van mijnwerkershuizen.",
        body="<p>De stad koopt isolatie <em>in bulk</em>.</p><script>alert(1)</script>",
        results="312 woningen geïsoleerd.",
        costs="€ 4.200 per woning",
        transferability="Een gemeentelijk renovatieloket.",
        contacts="energie@menen.be",
        url="https://www.menen.be/isolatie",
        stage="evaluated",
        period_start=date(2019, 3, 1),
        period_end=date(2023, 6, 30),
        themes=[housing],
        territories=[Territory.objects.get(code="BE-NIS:34027")],
        organisations=[menen, tournai],
    )
    operations.save_translation(
        insulation,
        user=None,
        language="fr",
        title="Isolation des anciennes maisons ouvrières",
        summary="Des chantiers de quartier isolent toits et façades.",
        body="<p>La ville achète l'isolant en gros.</p>",
        results="312 logements isolés.",
        origin="machine",
    )
    operations.save_translation(
        insulation,
        user=None,
        language="de",
        title="Dämmung alter Arbeiterhäuser",
        summary="Nachbarschaftsbaustellen dämmen Dächer und Fassaden.",
        origin="human",
    )
    green_roofs = operations.create_practice(
        user=None,
        owner=tournai,
        language="fr",
        title="Toitures végétalisées contre les îlots de chaleur",
        summary="Des toits verts sur les écoles.",
        stage="pilot",
        themes=[climate],
        territories=[Territory.objects.get(code="BE-NIS:57081")],
    )
    draft = operations.create_practice(
        user=None,
        owner=menen,
        language="nl",
        title="Deelfietsen voor grensarbeiders",
        stage="idea",
        status="draft",
    )
    collection = operations.create_collection(
        user=None,
        slug="housing-toolkit",
        language="en",
        title="Housing toolkit",
        introduction="Practices for old houses.",
        review="final",
        status="published",
    )
    operations.set_collection_items(
        collection,
        user=None,
        practices=[green_roofs, insulation, draft],
        notes={insulation.pk: "Start here."},
    )
    return {
        "insulation": insulation,
        "green_roofs": green_roofs,
        "draft": draft,
        "collection": collection,
    }


def _state(practice: Practice):
    practice = Practice.objects.get(pk=practice.pk)
    return (
        practice.version,
        practice.title,
        practice.summary,
        practice.history.count(),
        sorted(practice.translations.values_list("language", "title", "origin")),
    )


def _form(practice: Practice, **changes) -> dict:
    data = {
        "version": practice.version,
        "owner": practice.owner_id,
        "language": practice.language,
        "title": practice.title,
        "summary": practice.summary,
        "body": practice.body,
        "results": practice.results,
        "costs": practice.costs,
        "transferability": practice.transferability,
        "contacts": practice.contacts,
        "url": practice.url,
        "stage": practice.stage,
        "period_start": practice.period_start.isoformat() if practice.period_start else "",
        "period_end": practice.period_end.isoformat() if practice.period_end else "",
        "themes": [t.pk for t in practice.themes.all()],
        "territories": ", ".join(t.code for t in practice.territories.all()),
        "organisations": [o.pk for o in practice.organisations.all()],
    }
    return {**data, **changes}


def _article(html: str) -> tuple[str, str]:
    """The ``lang`` of the practice's article and its heading."""
    match = re.search(
        r'<article class="practice" lang="([a-z]{2})"[^>]*>\s*<h1[^>]*>([^<]+)</h1>', html
    )
    assert match, html
    return match.group(1), match.group(2)


# The list ----------------------------------------------------------------------------------


def test_the_list_shows_published_practices_titled_in_the_reader_s_language(
    client, knowledge, django_assert_max_num_queries
):
    # Measured: 8 queries (the theme filter's choices and their names, count, page, then the
    # page's themes, theme names, territories and translations), whatever the page size.
    with django_assert_max_num_queries(8):
        response = client.get("/fr/practices/")

    assert response.status_code == 200
    titles = [p.reading.title for p in response.context["page"].object_list]
    assert titles == [
        "Toitures végétalisées contre les îlots de chaleur",
        "Isolation des anciennes maisons ouvrières",
    ]
    html = response.content.decode()
    pk = knowledge["insulation"].pk
    assert f'lang="fr"><a href="/fr/practices/{pk}/">Isolation' in html
    assert "Deelfietsen" not in html
    assert "/fr/practices/new/" not in html
    # Each title's badge names the language it is shown in.
    assert html.count('<span class="lang-badge" aria-hidden="true">FR</span>') == 2


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "climate-adaptation"}, ["Toitures végétalisées contre les îlots de chaleur"]),
        ({"stage": "evaluated"}, [INSULATION_NL]),
        ({"country": "BE", "language": "de"}, [INSULATION_NL]),
        ({"language": "fr"}, ["Toitures végétalisées contre les îlots de chaleur", INSULATION_NL]),
        ({"country": "NL"}, []),
    ],
)
def test_the_list_filters(client, knowledge, query, expected):
    response = client.get("/nl/practices/", query)

    assert [p.title for p in response.context["page"].object_list] == expected


def test_an_empty_list_says_so_and_offers_a_way_back(client, knowledge):
    html = client.get("/en/practices/", {"country": "LU"}).content.decode()

    assert '<p class="empty">No practice matches these filters.</p>' in html
    assert '<a href="/en/practices/">Show all practices</a>' in html


def test_the_list_is_paginated(client, knowledge, monkeypatch):
    monkeypatch.setattr("trefpunt.practices.views.reading.PAGE_SIZE", 1)

    response = client.get("/en/practices/", {"stage": "", "page": 2})

    page = response.context["page"]
    assert (page.number, page.paginator.num_pages) == (2, 2)
    assert [p.title for p in page.object_list] == [INSULATION_NL]
    assert 'href="?stage=&amp;page=1">Previous</a>' in response.content.decode()


def test_an_editor_sees_their_draft_in_the_list(client, knowledge, editor_of_menen):
    client.force_login(editor_of_menen)

    response = client.get("/en/practices/")

    assert '<a href="/en/practices/new/">Add a practice</a>' in response.content.decode()
    assert [p.title for p in response.context["page"].object_list] == [
        "Deelfietsen voor grensarbeiders",
        "Toitures végétalisées contre les îlots de chaleur",
        INSULATION_NL,
    ]


def test_the_filtered_list_exports_as_csv(client, knowledge):
    response = client.get("/en/practices/export.csv", {"theme": "energy-efficiency-housing"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="practices.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert {k: row[k] for k in ("title", "language", "translations", "stage", "owner")} == {
        "title": INSULATION_NL,
        "language": "nl",
        "translations": "de|fr",
        "stage": "evaluated",
        "owner": "menen",
    }
    assert (row["territories"], row["countries"], row["period_end"]) == (
        "BE-NIS:34027",
        "BE",
        "2023-06-30",
    )


def test_the_list_exports_as_json_without_drafts(client, knowledge):
    response = client.get("/en/practices/export.json")

    data = json.loads(response.content)
    assert [(p["title"], p["themes"]) for p in data["practices"]] == [
        ("Toitures végétalisées contre les îlots de chaleur", ["climate-adaptation"]),
        (INSULATION_NL, ["energy-efficiency-housing"]),
    ]
    assert client.get("/en/practices/export.xml").status_code == 404


# A practice --------------------------------------------------------------------------------


def test_the_practice_is_shown_in_the_reader_s_language_with_a_banner(
    client, knowledge, django_assert_max_num_queries
):
    insulation = knowledge["insulation"]

    # Measured: 21 queries (practice, 9 prefetches, more like this, 2 history, collections…).
    with django_assert_max_num_queries(22):
        response = client.get(f"/fr/practices/{insulation.pk}/")

    html = response.content.decode()
    assert _article(html) == ("fr", "Isolation des anciennes maisons ouvrières")
    banner = re.search(r'<p class="notice translation-banner"[^>]*>(.*?)</p>', html, re.S)
    assert '<a class="read-original" href="?lang=nl" hreflang="nl">' in banner.group(1)
    # Plain text in paragraphs, escaped.
    assert '<div class="lead"><p>Des chantiers de quartier isolent toits et façades.</p></div>' in (
        html
    )
    languages = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    assert '<strong aria-current="true" lang="fr">français</strong>' in languages
    assert '<a href="?lang=nl" hreflang="nl" lang="nl">Nederlands</a>' in languages


def test_a_machine_translation_says_so_until_it_is_reviewed(client, knowledge):
    insulation = knowledge["insulation"]

    html = client.get(f"/en/practices/{insulation.pk}/", {"lang": "fr"}).content.decode()

    banner = re.search(r'<p class="notice translation-banner"[^>]*>(.*?)</p>', html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", banner.group(1)).split())
    assert text == (
        "You are reading the French translation (machine) of a text written in Dutch."
        " Not reviewed yet. — read the original"
    )


def test_the_banner_names_the_translation_and_links_the_original(client, knowledge):
    insulation = knowledge["insulation"]

    html = client.get(f"/en/practices/{insulation.pk}/", {"lang": "de"}).content.decode()

    assert _article(html) == ("de", "Dämmung alter Arbeiterhäuser")
    banner = re.search(r'<p class="notice translation-banner"[^>]*>(.*?)</p>', html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", banner.group(1)).split())
    assert text == (
        "You are reading the German translation (human) of a text written in Dutch."
        " — read the original"
    )


def test_without_a_translation_the_original_is_shown_with_its_language(client, knowledge):
    insulation = knowledge["insulation"]

    html = client.get(f"/en/practices/{insulation.pk}/").content.decode()

    assert _article(html) == ("nl", INSULATION_NL)
    assert "translation-banner" not in html
    assert "Original text, written in Dutch." in html
    assert "No translation into your language yet." in html
    # Rich text is kept, scripts are not; plain text keeps its paragraphs.
    assert "<p>De stad koopt isolatie <em>in bulk</em>.</p>" in html
    assert "isoleren <strong>daken en gevels</strong> van" in html
    assert "<script>alert(1)" not in html
    assert "<p>312 woningen geïsoleerd.</p>" in html


def test_the_original_offers_the_reader_s_translation(client, knowledge):
    insulation = knowledge["insulation"]

    html = client.get(f"/de/practices/{insulation.pk}/", {"lang": "nl"}).content.decode()

    assert _article(html)[0] == "nl"
    assert '<a class="read-in-my-language" href="?lang=de" hreflang="de">' in html


def test_the_practice_page_shows_its_facts_documents_and_collections(client, knowledge):
    insulation = knowledge["insulation"]

    response = client.get(f"/en/practices/{insulation.pk}/")

    html = response.content.decode()
    assert "<dd>Evaluated</dd>" in html
    assert '<a href="/en/places/BE-NIS:34027/">Menen</a> (BE)' in html
    assert '<a href="/en/organisations/tournai/">Ville de Tournai</a>' in html
    assert '<a href="/en/practices/?theme=energy-efficiency-housing">' in html
    assert '<dd lang="nl">€ 4.200 per woning</dd>' in html
    assert (
        '<a href="/en/practices/collections/housing-toolkit/" lang="en">Housing toolkit</a>' in html
    )
    assert [entry.kind for entry in response.context["history"]] == ["+"]
    assert "read-in-my-language" not in html


def test_drafts_are_hidden_from_readers_outside_the_organisation(
    client, knowledge, outsider, editor_of_menen
):
    url = f"/en/practices/{knowledge['draft'].pk}/"
    assert client.get(url).status_code == 404
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(editor_of_menen)
    assert client.get(url).status_code == 200
    assert client.get("/en/practices/999999/").status_code == 404


def test_only_editors_of_the_owner_see_the_edit_and_translate_links(
    client, knowledge, editor_of_menen, outsider
):
    insulation, green_roofs = knowledge["insulation"], knowledge["green_roofs"]
    edit = f'href="/en/practices/{insulation.pk}/edit/"'
    assert edit not in client.get(f"/en/practices/{insulation.pk}/").content.decode()
    client.force_login(outsider)
    assert edit not in client.get(f"/en/practices/{insulation.pk}/").content.decode()

    client.force_login(editor_of_menen)
    html = client.get(f"/en/practices/{insulation.pk}/").content.decode()
    assert edit in html
    assert f'href="/en/practices/{insulation.pk}/translate/en/">English</a>' in html
    other = client.get(f"/en/practices/{green_roofs.pk}/").content.decode()
    assert f'href="/en/practices/{green_roofs.pk}/edit/"' not in other


# Creating and editing ----------------------------------------------------------------------


def test_adding_a_practice_needs_a_login(client, knowledge):
    response = client.get("/en/practices/new/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/practices/new/"


def test_an_outsider_cannot_add_a_practice_and_nothing_is_created(client, knowledge, outsider):
    before = Practice.objects.count()
    client.force_login(outsider)
    menen = Organisation.objects.get(slug="menen")

    shown = client.get("/en/practices/new/")
    posted = client.post(
        "/en/practices/new/",
        {"owner": menen.pk, "language": "nl", "title": "Spam", "stage": "idea"},
    )

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert Practice.objects.count() == before


def test_an_editor_adds_a_practice_for_their_organisation(client, knowledge, editor_of_menen):
    menen = Organisation.objects.get(slug="menen")
    tournai = Organisation.objects.get(slug="tournai")
    client.force_login(editor_of_menen)
    form = client.get("/en/practices/new/").context["form"]
    assert list(form.fields["owner"].queryset) == [menen]

    response = client.post(
        "/en/practices/new/",
        {
            "owner": menen.pk,
            "language": "nl",
            "title": "Grensoverschrijdende energiecoach",
            "summary": "Een coach voor <b>beide</b> kanten.",
            "stage": "pilot",
            "status": "published",
            "themes": [Theme.objects.get(slug="energy-efficiency-housing").pk],
            "territories": "BE-NIS:34027, BE-NIS:57081",
            "organisations": [tournai.pk],
        },
    )

    practice = Practice.objects.get(title="Grensoverschrijdende energiecoach")
    assert response.status_code == 302
    assert response["Location"] == f"/en/practices/{practice.pk}/"
    assert (practice.owner, practice.status, practice.version) == (menen, "published", 1)
    assert sorted(practice.territories.values_list("code", flat=True)) == [
        "BE-NIS:34027",
        "BE-NIS:57081",
    ]
    assert practice.history.get().history_user == editor_of_menen


def test_an_editor_cannot_add_a_practice_for_another_organisation(
    client, knowledge, editor_of_menen
):
    before = Practice.objects.count()
    client.force_login(editor_of_menen)

    response = client.post(
        "/en/practices/new/",
        {
            "owner": Organisation.objects.get(slug="tournai").pk,
            "language": "fr",
            "title": "Pas pour Menen",
            "stage": "idea",
            "status": "published",
        },
    )

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["owner"]
    assert Practice.objects.count() == before


def test_an_outsider_cannot_edit_and_nothing_changes(client, knowledge, outsider):
    insulation = knowledge["insulation"]
    before = _state(insulation)
    client.force_login(outsider)

    shown = client.get(f"/en/practices/{insulation.pk}/edit/")
    posted = client.post(f"/en/practices/{insulation.pk}/edit/", _form(insulation, title="X"))

    assert (shown.status_code, posted.status_code) == (403, 403)
    assert _state(insulation) == before


def test_the_editor_saves_and_the_history_names_them(client, knowledge, editor_of_menen):
    insulation = knowledge["insulation"]
    client.force_login(editor_of_menen)
    assert client.get(f"/en/practices/{insulation.pk}/edit/").status_code == 200

    response = client.post(
        f"/en/practices/{insulation.pk}/edit/",
        _form(insulation, title="Isolatie van arbeiderswoningen", stage="implemented"),
        follow=True,
    )

    assert response.redirect_chain == [(f"/en/practices/{insulation.pk}/", 302)]
    insulation.refresh_from_db()
    assert (insulation.version, insulation.title, insulation.stage) == (
        2,
        "Isolatie van arbeiderswoningen",
        "implemented",
    )
    latest = response.context["history"][0]
    assert (latest.kind, latest.user) == ("~", editor_of_menen)
    assert sorted(latest.changes) == ["stage", "title"]


def test_a_stale_form_shows_the_conflict_and_nothing_changes(client, knowledge, editor_of_menen):
    insulation = knowledge["insulation"]
    stale = _form(insulation, summary="Written from an old tab.")
    client.force_login(editor_of_menen)
    client.post(f"/en/practices/{insulation.pk}/edit/", _form(insulation, costs="€ 5.000"))
    before = _state(insulation)

    response = client.post(f"/en/practices/{insulation.pk}/edit/", stale)

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this practice meanwhile; reload it and try again."
    ]
    assert _state(insulation) == before


def test_an_invalid_form_shows_described_field_errors_and_nothing_changes(
    client, knowledge, editor_of_menen
):
    insulation = knowledge["insulation"]
    before = _state(insulation)
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/practices/{insulation.pk}/edit/",
        _form(
            insulation,
            title="",
            territories="Menen, XX-NOWHERE",
            period_end="2018-01-01",
        ),
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "title": ["This field is required."],
        "territories": ["No place is called “XX-NOWHERE”."],
        "period_end": ["The end comes before the start."],
    }
    html = response.content.decode()
    assert '<p class="error" id="id_title_error">This field is required.</p>' in html
    assert re.search(r'<input[^>]*aria-describedby="id_title_error"[^>]*id="id_title"', html)
    assert _state(insulation) == before


# Translations ------------------------------------------------------------------------------


def test_the_translation_is_edited_beside_the_original(client, knowledge, editor_of_menen):
    insulation = knowledge["insulation"]
    client.force_login(editor_of_menen)

    response = client.get(f"/en/practices/{insulation.pk}/translate/fr/")

    html = response.content.decode()
    assert response.context["form"].initial["title"] == "Isolation des anciennes maisons ouvrières"
    assert '<div class="original" lang="nl" aria-labelledby="original-title">' in html
    assert re.search(r'<input[^>]*lang="fr"[^>]*id="id_title"', html)
    assert "<strong>daken en gevels</strong>" in html


def test_the_editor_saves_a_reviewed_translation(client, knowledge, editor_of_menen):
    insulation = knowledge["insulation"]
    client.force_login(editor_of_menen)

    response = client.post(
        f"/en/practices/{insulation.pk}/translate/en/",
        {
            "title": "Insulating old workers' houses",
            "summary": "Neighbourhood sites insulate roofs and walls.",
            "origin": "human",
            "reviewed": "on",
        },
        follow=True,
    )

    assert response.redirect_chain == [(f"/en/practices/{insulation.pk}/?lang=en", 302)]
    translation = PracticeTranslation.objects.get(practice=insulation, language="en")
    assert (translation.title, translation.origin, translation.reviewed_by) == (
        "Insulating old workers' houses",
        "human",
        editor_of_menen,
    )
    html = response.content.decode()
    assert _article(html) == ("en", "Insulating old workers&#x27; houses")
    assert "Reviewed by editor.menen." in html


def test_an_outsider_cannot_translate_and_nothing_changes(client, knowledge, outsider):
    insulation = knowledge["insulation"]
    before = _state(insulation)
    client.force_login(outsider)

    posted = client.post(
        f"/en/practices/{insulation.pk}/translate/fr/", {"title": "Vandalisé", "origin": "human"}
    )

    assert posted.status_code == 403
    assert _state(insulation) == before


def test_the_original_language_and_unknown_languages_cannot_be_translated_into(
    client, knowledge, editor_of_menen
):
    insulation = knowledge["insulation"]
    client.force_login(editor_of_menen)

    assert client.get(f"/en/practices/{insulation.pk}/translate/nl/").status_code == 404
    assert client.get(f"/en/practices/{insulation.pk}/translate/xx/").status_code == 404


# Versions ----------------------------------------------------------------------------------


def test_two_versions_are_compared_side_by_side(client, knowledge, editor_of_menen):
    insulation = knowledge["insulation"]
    operations.update_practice(
        insulation,
        user=editor_of_menen,
        version=1,
        title="Isolatie van oude mijnwerkershuizen",
        themes=[],
    )

    response = client.get(f"/en/practices/{insulation.pk}/versions/")

    rows = {row["label"]: row for row in response.context["comparison"]}
    assert [label for label, row in rows.items() if row["changed"]] == ["title", "themes"]
    assert rows["title"]["old"] == "Isolatie van oude <del>arbeiderswoningen</del>"
    assert rows["title"]["new"] == "Isolatie van oude <ins>mijnwerkershuizen</ins>"
    assert (rows["themes"]["old"], rows["themes"]["new"]) == (
        "<del>Energy efficiency of existing housing</del>",
        "",
    )
    assert rows["stage"] == {
        "label": "stage",
        "changed": False,
        "old": "Evaluated",
        "new": "Evaluated",
    }
    # Rich text is compared as the text a reader sees.
    assert rows["summary"]["old"] == "Buurtwerven isoleren daken en gevels van mijnwerkershuizen."
    html = response.content.decode()
    assert '<tr class="changed"><th scope="row">Title <span class="badge">changed</span>' in html
    first = insulation.history.earliest().pk
    assert f'<option value="{first}" selected>Version 1, ' in html


def test_a_practice_with_one_version_has_nothing_to_compare(client, knowledge):
    response = client.get(f"/en/practices/{knowledge['green_roofs'].pk}/versions/")

    assert response.context["comparison"] == []
    assert "There is only one version so far: nothing to compare." in response.content.decode()


# Collections -------------------------------------------------------------------------------


def test_the_collections_list_links_the_pdfs(client, knowledge):
    html = client.get("/de/practices/collections/").content.decode()

    assert '<a href="/de/practices/collections/housing-toolkit/">Housing toolkit</a>' in html
    for code in ("nl", "fr", "de", "en"):
        assert f'href="/de/practices/collections/housing-toolkit/{code}.pdf"' in html


def test_a_collection_lists_its_visible_practices_in_order(
    client, knowledge, django_assert_max_num_queries
):
    # Measured: 9 queries (collection, translations, items, 4 prefetches…).
    with django_assert_max_num_queries(9):
        response = client.get("/fr/practices/collections/housing-toolkit/")

    items = response.context["items"]
    assert [(item.position, item.practice.reading.title) for item in items] == [
        (1, "Toitures végétalisées contre les îlots de chaleur"),
        (2, "Isolation des anciennes maisons ouvrières"),
    ]
    html = response.content.decode()
    assert "Start here." in html
    assert '<div class="lead"><p>Practices for old houses.</p></div>' in html
    assert client.get("/fr/practices/collections/nothing/").status_code == 404


def test_a_collection_downloads_as_pdf_in_four_languages(client, knowledge):
    response = client.get("/en/practices/collections/housing-toolkit/fr.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="housing-toolkit-fr.pdf"'
    assert response.content.startswith(b"%PDF")
    assert client.get("/en/practices/collections/housing-toolkit/xx.pdf").status_code == 404
    assert Collection.objects.count() == 1
