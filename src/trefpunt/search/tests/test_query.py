"""Ranking across languages, filters, facets, grouping per record, snippets, visibility."""

from trefpunt.search import index
from trefpunt.search.query import more_like_this, search

from .conftest import document

MOBILITY = "buses and bikes across the border"


def keys(response) -> list[str]:
    return [hit.id for hit in response.results]


def test_a_french_query_finds_the_dutch_text_about_workers_houses_first(corpus):
    response = search("isolation maisons ouvrières anciennes")

    assert response.detected_language == "fr"
    assert keys(response)[0] == "genk-insulation"
    assert response.results[0].language == "nl"


def test_a_german_query_finds_the_french_green_roofs(corpus):
    assert keys(search("Gründächer auf Schulen gegen Hitze"))[0] == "charleroi-roofs"


def test_an_exact_word_in_the_text_language_ranks_its_text_first(corpus):
    response = search("deelfiets")

    assert keys(response)[0] == "maastricht-bikes"
    assert "<mark>deelfiets</mark>" in response.results[0].snippet


def test_filters_apply_before_ranking(corpus):
    response = search("ambulances across the border", country="LU")

    assert set(keys(response)) <= {"esch-hospital", "arlon-school"}
    assert keys(response)[0] in {"esch-hospital", "arlon-school"}
    assert response.facets["country"]["LU"] == response.count


def test_several_filters_combine(corpus):
    response = search(MOBILITY, theme="mobility", stage="pilot")

    assert keys(response) == ["maastricht-bikes"]
    assert search(MOBILITY, theme="mobility", year=2021).results[0].id == "aachen-bus"
    assert keys(search(MOBILITY, languages=["de"], theme="mobility")) == ["aachen-bus"]
    assert keys(search(MOBILITY, types=["territory"])) == []


def test_facets_count_matching_records(corpus):
    response = search("Maastricht Luik fietsen")

    assert response.count == len(
        {hit.id for hit in search("Maastricht Luik fietsen", limit=100).results}
    )
    assert response.facets["type"] == {"practice": response.count}
    assert sum(response.facets["language"].values()) == response.count
    assert response.facets["theme"]["mobility"] >= 1


def test_a_record_in_two_languages_is_one_hit_in_the_readers_language(corpus):
    index.index_record(
        "practice",
        "genk-insulation",
        [
            document(
                "genk-insulation",
                "nl",
                "Isolatie van oude arbeiderswoningen",
                "Genk isoleert oude arbeiderswoningen.",
            ),
            document(
                "genk-insulation",
                "fr",
                "Isolation des anciennes maisons ouvrières",
                "Genk isole les anciennes maisons ouvrières.",
                is_original=False,
            ),
        ],
    )

    for reader, expected in (("fr", "fr"), ("nl", "nl")):
        response = search("isolation maisons ouvrières", reader_language=reader, limit=20)
        hits = [hit for hit in response.results if hit.id == "genk-insulation"]
        assert len(hits) == 1
        assert hits[0].language == expected
        assert hits[0].languages == ["fr", "nl"]


def test_snippets_escape_the_text_and_mark_only_matched_words(db):
    text = 'Een woning <script>alert("x")</script>met "tuin" & < 90 kWh/m² verbruik.'
    index.index_record("practice", "xss", [document("xss", "nl", "Woningen <b>", text)])

    hit = search("woning").results[0]

    assert hit.title == "Woningen <b>"  # titles are data: the API and templates escape them
    assert hit.snippet == (
        "Een <mark>woning</mark> met &quot;tuin&quot; &amp; &lt; 90 kWh/m² verbruik."
    )


def test_restricted_documents_are_for_curators_only(db, curator, outsider):
    index.index_record(
        "practice",
        "draft",
        [
            document(
                "draft", "nl", "Geheime isolatie", "Isolatie van woningen.", visibility="restricted"
            )
        ],
    )

    assert keys(search("isolatie")) == []
    assert keys(search("isolatie", user=outsider)) == []
    assert keys(search("isolatie", user=curator)) == ["draft"]


def test_removed_records_leave_the_results(corpus):
    index.remove_record("practice", "maastricht-bikes")

    assert "maastricht-bikes" not in keys(search("deelfiets Maastricht", limit=20))


def test_an_empty_query_finds_nothing(corpus):
    response = search("  ")

    assert (response.count, response.results, response.detected_language) == (0, [], None)


def test_paging_continues_the_same_ranking(corpus):
    everything = keys(search("cross-border cooperation", limit=8))

    assert keys(search("cross-border cooperation", limit=3, offset=3)) == everything[3:6]


def test_more_like_this_finds_neighbours_but_not_itself(corpus):
    hits = more_like_this("practice", "aachen-bus", limit=3)

    assert "maastricht-bikes" in [hit.id for hit in hits]
    assert "aachen-bus" not in [hit.id for hit in hits]
    assert len(hits) == 3
