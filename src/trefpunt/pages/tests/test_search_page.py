"""The search page: places and organisations by name, then the knowledge base across
languages, with facets, language badges, links to the reader's translation and pages."""

import re
from datetime import date

import pytest

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices import operations
from trefpunt.practices.models import Theme

QUERY = "Dämmung alter Arbeiterhäuser"


@pytest.fixture
def knowledge(demo_directory):
    menen = Organisation.objects.get(slug="menen")
    tournai = Organisation.objects.get(slug="tournai")
    insulation = operations.create_practice(
        user=None,
        owner=menen,
        language="nl",
        title="Isolatie van oude arbeiderswoningen",
        summary="Buurtwerven isoleren daken en gevels van oude arbeiderswoningen.",
        body="<p>De stad koopt isolatie in bulk voor de oude mijnwerkershuizen.</p>",
        results="Verbruik < 90 kWh/m² na de werken & minder tocht.",
        stage="evaluated",
        period_start=date(2019, 3, 1),
        themes=[Theme.objects.get(slug="energy-efficiency-housing")],
        territories=[Territory.objects.get(code="BE-NIS:34027")],
    )
    operations.save_translation(
        insulation,
        user=None,
        language="fr",
        title="Isolation des anciennes maisons ouvrières",
        summary="Des chantiers de quartier isolent toits et façades des maisons ouvrières.",
        origin="machine",
    )
    green_roofs = operations.create_practice(
        user=None,
        owner=tournai,
        language="fr",
        title="Toitures végétalisées contre les îlots de chaleur",
        summary="Des toits verts sur les écoles pour rafraîchir la ville en été.",
        stage="pilot",
        period_start=date(2022, 5, 1),
        themes=[Theme.objects.get(slug="climate-adaptation")],
        territories=[Territory.objects.get(code="BE-NIS:57081")],
    )
    draft = operations.create_practice(
        user=None,
        owner=menen,
        language="nl",
        title="Geheime isolatie van arbeiderswoningen",
        summary="Nog niet klaar: isolatie van oude arbeiderswoningen.",
        status="draft",
    )
    return {"insulation": insulation, "green_roofs": green_roofs, "draft": draft}


def _hits(response) -> list[tuple[str, str]]:
    return [(hit.title, hit.language) for hit in response.context["hits"]]


def test_a_german_question_finds_the_practice_written_in_dutch(client, knowledge):
    response = client.get("/de/search/", {"q": QUERY})

    assert response.context["response"].detected_language == "de"
    # Shown in its best matching text (no German one exists), with the record's languages.
    hit = response.context["hits"][0]
    assert (hit.id, hit.languages) == (str(knowledge["insulation"].pk), ["fr", "nl"])


def test_the_dutch_text_of_a_hit_has_its_badge_and_link(
    client, knowledge, django_assert_max_num_queries
):
    client.get("/de/search/", {"q": "warm-up"})  # the index is read into memory once
    # Measured: 11 queries (5 for places and organisations, 4 for the index and the hits' texts,
    # 2 for the theme names of the facets), whatever the number of hits.
    with django_assert_max_num_queries(12):
        response = client.get("/de/search/", {"q": QUERY, "language": "nl"})

    assert response.status_code == 200
    assert _hits(response)[0] == ("Isolatie van oude arbeiderswoningen", "nl")
    hit = response.context["hits"][0]
    pk = knowledge["insulation"].pk
    # The hit leads to the Dutch text; there is no German translation to offer.
    assert (hit.url, hit.reader_url) == (f"/de/practices/{pk}/?lang=nl", "")
    html = response.content.decode()
    article = html[html.index('<article class="hit" lang="nl"') :]
    article = article[: article.index("</article>")]
    assert f'<a href="/de/practices/{pk}/?lang=nl" hreflang="nl">' in article
    assert '<span class="lang-badge" aria-hidden="true">NL</span>' in article
    assert "read-in-my-language" not in article


def test_a_hit_offers_the_reader_s_translation(client, knowledge):
    response = client.get("/fr/search/", {"q": QUERY, "language": "nl"})

    pk = knowledge["insulation"].pk
    hit = response.context["hits"][0]
    assert (hit.title, hit.language, hit.languages) == (
        "Isolatie van oude arbeiderswoningen",
        "nl",
        ["fr", "nl"],
    )
    assert hit.reader_url == f"/fr/practices/{pk}/?lang=fr"
    assert (
        f'<a class="read-in-my-language" href="/fr/practices/{pk}/?lang=fr" hreflang="fr">'
        in response.content.decode()
    )


def test_the_snippet_marks_the_words_and_escapes_the_text(client, knowledge):
    response = client.get("/nl/search/", {"q": "verbruik kWh tocht"})

    hit = next(h for h in response.context["hits"] if h.id == str(knowledge["insulation"].pk))
    assert "<mark>Verbruik</mark> &lt; 90 <mark>kWh</mark>/m² na de werken &amp; minder" in (
        hit.snippet
    )
    assert hit.snippet in response.content.decode()


def test_drafts_stay_out_of_the_results_of_readers(client, knowledge):
    response = client.get("/nl/search/", {"q": "isolatie van oude arbeiderswoningen"})

    titles = [title for title, _language in _hits(response)]
    assert "Isolatie van oude arbeiderswoningen" in titles
    assert "Geheime isolatie van arbeiderswoningen" not in titles


def test_the_facets_count_and_name_their_values(client, knowledge):
    response = client.get("/en/search/", {"q": "houses roofs heat"})

    facets = {group["key"]: group for group in response.context["facets"]}
    assert list(facets) == ["type", "language", "theme", "country", "stage", "year"]
    languages = {v["value"]: (v["label"], v["count"]) for v in facets["language"]["values"]}
    assert languages == {"nl": ("Dutch", 1), "fr": ("French", 2)}
    themes = {v["value"]: v["label"] for v in facets["theme"]["values"]}
    assert themes == {
        "energy-efficiency-housing": "Energy efficiency of existing housing",
        "climate-adaptation": "Climate adaptation",
    }
    html = response.content.decode()
    assert re.search(
        r'<input type="checkbox" name="stage" value="pilot" id="(facet-stage-\d)">\s*'
        r'<label for="\1">Pilot <span class="count">\(1\)</span></label>',
        html,
    )


def test_a_facet_narrows_the_results_and_stays_checked(client, knowledge):
    response = client.get(
        "/en/search/", {"q": "groene daken tegen de hitte", "stage": "pilot", "year": "2022"}
    )

    assert _hits(response) == [("Toitures végétalisées contre les îlots de chaleur", "fr")]
    stages = {v["value"]: v["selected"] for v in response.context["facets"][4]["values"]}
    assert stages == {"pilot": True}
    html = response.content.decode()
    assert re.search(r'name="stage" value="pilot" id="facet-stage-1" checked>', html)
    assert '<a href="?q=groene+daken+tegen+de+hitte">Clear filters</a>' in html


def test_filters_that_leave_nothing_about_the_question_find_nothing(client, knowledge):
    # The only pilot of 2022 is about green roofs, not about insulating workers' houses.
    response = client.get(
        "/en/search/", {"q": "isolatie arbeiderswoningen", "stage": "pilot", "year": "2022"}
    )

    assert response.context["response"].count == 0
    assert '<a href="?q=isolatie+arbeiderswoningen">Clear filters</a>' in response.content.decode()


def test_the_results_are_paginated_with_the_filters_kept(client, knowledge, monkeypatch):
    monkeypatch.setattr("trefpunt.pages.views.site_search.PAGE_SIZE", 1)
    query = {"q": "houses roofs heat", "type": "practice"}

    first = client.get("/en/search/", query)
    second = client.get("/en/search/", {**query, "page": 2})

    assert first.context["page"].paginator.num_pages == 2
    assert len(_hits(first)) == len(_hits(second)) == 1
    assert _hits(first) != _hits(second)
    assert (
        'href="?q=houses+roofs+heat&amp;type=practice&amp;page=2">Next</a>'
        in first.content.decode()
    )
    assert second.context["page"].number == 2
    assert '<ol class="hits" start="2">' in second.content.decode()


def test_no_results_says_so_and_suggests_what_to_try(client, knowledge):
    response = client.get("/en/search/", {"q": "isolatie", "country": "LU"})

    assert response.context["response"].count == 0
    html = response.content.decode()
    assert "No results for “isolatie”." in html
    assert '<a href="?q=isolatie">Search again without the filters</a>' in html
    assert '<a href="/en/practices/">Browse all good practices</a>' in html
    # A value chosen but absent from the results stays on the page, to be unchosen.
    countries = response.context["facets"][0]
    assert (countries["key"], countries["values"][0]["selected"]) == ("country", True)


def test_places_and_organisations_are_still_found_beside_the_knowledge(client, knowledge):
    response = client.get("/nl/search/", {"q": "Menen"})

    assert response.context["territories"][0].code == "BE-NIS:34027"
    assert [o.slug for o in response.context["organisations"]] == ["menen"]
    html = response.content.decode()
    assert html.index('id="knowledge-title"') < html.index('id="places-title"')


def test_the_empty_search_page_shows_only_the_form(client, knowledge):
    response = client.get("/en/search/")

    html = response.content.decode()
    assert response.context["response"] is None
    assert '<input id="q" name="q" type="search" value=""' in html
    assert "knowledge-title" not in html


@pytest.mark.parametrize("page", ["999999999999999999999", "-5", "1e9", "9" * 5000])
def test_any_page_number_shows_a_page(client, knowledge, page):
    response = client.get("/en/search/", {"q": QUERY, "page": page})

    assert response.status_code == 200
