"""The lexical index on the database in use (CI runs this on SQLite and on PostgreSQL)."""

import pytest
from django.db import connection

from trefpunt.search import index, lexical
from trefpunt.search.filters import Filters
from trefpunt.search.languages import LANGUAGES
from trefpunt.search.lexical import get_backend, required_matches
from trefpunt.search.models import SearchDocument

from .conftest import document

pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture
def texts(db):
    for key, language, title, text in [
        ("nl", "nl", "Woning isoleren", "Een oude woning krijgt een nieuw dak."),
        ("fr", "fr", "Maisons ouvrières", "L'isolation des maisons ouvrières anciennes."),
        ("de", "de", "Häuser dämmen", "Alte Arbeiterhäuser werden gedämmt."),
        ("en", "en", "Insulating houses", "Old workers' houses are being insulated."),
    ]:
        index.index_record("practice", key, [document(key, language, title, text)])


def found(query: str, stem_in=LANGUAGES, filters: Filters | None = None) -> list[str]:
    hits = get_backend().search(query, stem_in, filters or Filters(), 10)
    keys = dict(SearchDocument.objects.values_list("id", "object_key"))
    return [keys[hit.document_id] for hit in hits]


def test_the_backend_follows_the_database(db):
    assert get_backend().vendor == connection.vendor


def test_dutch_plural_matches_the_singular(texts):
    assert found("woningen") == ["nl"]
    assert found("woningen", stem_in=("nl",)) == ["nl"]


def test_accents_are_optional(texts):
    assert found("ouvrieres") == ["fr"]
    assert found("arbeiterhauser") == ["de"]
    assert found("HÄUSER") == ["de"]


def test_english_stems_and_stop_words(texts):
    assert found("the insulated house", stem_in=("en",)) == ["en"]
    assert found("the of and") == []


def test_long_queries_must_match_half_their_words(texts):
    assert required_matches(1) == 1
    assert required_matches(4) == 2
    assert found("isolation des maisons en bois, paille, béton et acier", stem_in=("fr",)) == []
    assert found("isolation des maisons ouvrières en bois", stem_in=("fr",)) == ["fr"]


def test_filters_apply_inside_the_lexical_query(texts):
    assert found("woning houses", filters=Filters.build(languages=["en"])) == ["en"]
    assert found("woning", filters=Filters.build(types=["territory"])) == []


def test_restricted_documents_need_the_flag(db):
    index.index_record(
        "practice", "r", [document("r", "nl", "Woning", "Woning.", visibility="restricted")]
    )

    assert found("woning") == []
    assert found("woning", filters=Filters(include_restricted=True)) == ["r"]


def test_removing_a_record_removes_its_lexical_row(texts):
    index.remove_record("practice", "nl")

    assert found("woning") == []


def test_words_in_most_documents_of_a_large_index_are_not_matched(db, monkeypatch):
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL matches every word")

    monkeypatch.setattr(lexical, "_frequency_cache", {"gemeent": 9000, "fiets": 40, "deel": 700})
    monkeypatch.setattr(lexical, "_frequency_basis", [10_000])
    groups = [{"gemeent"}, {"fiets"}, {"deel"}, {"onbekend"}]

    with connection.cursor() as cursor:
        kept = get_backend()._informative(cursor, groups, 10_000)
        small = get_backend()._informative(cursor, groups, 100)

    assert kept == [{"onbekend"}, {"fiets"}]
    assert small == groups


def test_postgresql_leaves_out_words_its_statistics_find_in_most_documents(db, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite counts terms with fts5vocab (test above)")
    monkeypatch.setattr(lexical, "_pg_common", {"gemeent": 0.9, "deel": 0.07, "fiets": 0.01})
    monkeypatch.setattr(lexical, "_pg_basis", [10_000])
    backend = get_backend()
    groups = backend._groups("gemeente deelfiets fietsen onbekend", ("nl",))

    with connection.cursor() as cursor:
        kept = backend._informative(cursor, groups, 10_000)
        small = backend._informative(cursor, groups, 100)

    assert [params[1] for _part, params in kept] == ["deelfiets", "fietsen", "onbekend"]
    assert small == groups
