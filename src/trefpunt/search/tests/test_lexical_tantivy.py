"""The tantivy lexical engine: same matches as the database's, written after commit, drift
detected and repaired."""

import pytest
from django.db import transaction

from trefpunt.search import index, lexical_tantivy, query
from trefpunt.search.filters import Filters
from trefpunt.search.languages import LANGUAGES
from trefpunt.search.lexical import TantivyBackend, get_backend
from trefpunt.search.models import SearchDocument
from trefpunt.search.warmup import warm_up

from .conftest import document

pytestmark = pytest.mark.usefixtures("lexical_only", "tantivy")

TEXTS = [
    ("nl", "nl", "Woning isoleren", "Een oude woning krijgt een nieuw dak."),
    ("fr", "fr", "Maisons ouvrières", "L'isolation des maisons ouvrières anciennes."),
    ("de", "de", "Häuser dämmen", "Alte Arbeiterhäuser werden gedämmt."),
    ("en", "en", "Insulating houses", "Old workers' houses are being insulated."),
]


@pytest.fixture
def tantivy(settings):
    settings.TREFPUNT_LEXICAL_ENGINE = "tantivy"
    lexical_tantivy.forget()
    yield
    lexical_tantivy.forget()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Writes inside run their after-commit index writes on leaving (the test's transaction
    is never committed)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def texts(db, committed):
    with committed():
        for key, language, title, text in TEXTS:
            index.index_record("practice", key, [document(key, language, title, text)])


def found(q: str, stem_in=LANGUAGES, filters: Filters | None = None) -> list[str]:
    hits = get_backend().search(q, stem_in, filters or Filters(), 10)
    keys = dict(SearchDocument.objects.values_list("id", "object_key"))
    return [keys[hit.document_id] for hit in hits]


def test_the_engine_is_chosen_by_the_setting(db):
    assert isinstance(get_backend(), TantivyBackend)


def test_each_language_is_stemmed_and_folded_as_in_the_database(texts):
    assert found("woningen", stem_in=("nl",)) == ["nl"]
    assert found("ouvrieres") == ["fr"]
    assert found("HÄUSER") == ["de"]
    assert found("the insulated house", stem_in=("en",)) == ["en"]
    assert found("the of and") == []


def test_long_queries_must_match_half_their_words(texts):
    assert found("isolation des maisons en bois, paille, béton et acier", stem_in=("fr",)) == []
    hits = get_backend().search("isolation des maisons ouvrières en bois", ("fr",), Filters(), 10)
    assert [round(hit.coverage, 2) for hit in hits] == [0.75]
    assert hits[0].score > 0


def test_the_title_counts_more_than_the_body(db, committed):
    with committed():
        index.index_record("practice", "body", [document("body", "nl", "Dak", "Een woning.")])
        index.index_record("practice", "title", [document("title", "nl", "Woning", "Een dak.")])

    assert found("woning") == ["title", "body"]


def test_filters_and_visibility_apply_inside_the_query(texts, committed):
    restricted_text = document("r", "nl", "Woning", "Woning.", {"country": ["BE"]})
    restricted_text.visibility = "restricted"
    with committed():
        index.index_record("practice", "r", [restricted_text])

    assert found("woning houses", filters=Filters.build(languages=["en"])) == ["en"]
    assert found("woning", filters=Filters.build(types=["territory"])) == []
    assert found("woning") == ["nl"]
    restricted = Filters.build(include_restricted=True, country="BE")
    assert found("woning", filters=restricted) == ["r"]


def test_nothing_is_written_before_the_database_commits(texts):
    with pytest.raises(RuntimeError), transaction.atomic():
        index.index_record("practice", "x", [document("x", "nl", "Fietsen", "Fietsen.")])
        raise RuntimeError("rolled back")

    assert found("fietsen") == []
    assert lexical_tantivy.check()


def test_removing_and_replacing_a_record(texts, committed):
    with committed():
        index.remove_record("practice", "nl")
        index.index_record("practice", "fr", [document("fr", "fr", "Vélos", "Des vélos.")])

    assert found("woning") == []
    assert found("maisons") == []
    assert found("velos") == ["fr"]
    assert lexical_tantivy.check()


def test_another_process_sees_the_commits(texts, committed):
    reader = lexical_tantivy.Engine(lexical_tantivy.folder())
    assert reader.fingerprint()[0] == 4

    with committed():
        index.remove_record("practice", "nl")

    assert reader.fingerprint()[0] == 3


def test_a_write_lost_after_the_commit_is_detected_and_repaired(texts, monkeypatch):
    def crash(*args):
        raise OSError("killed between the commit and the index write")

    monkeypatch.setattr(lexical_tantivy.Engine, "apply", crash)
    with transaction.atomic():  # on_commit of a nested atomic in a test: never runs
        index.index_record("practice", "nl", [document("nl", "nl", "Fietsen", "Fietsen.")])
        index.remove_record("practice", "de")
    monkeypatch.undo()

    assert not lexical_tantivy.check()
    stale = get_backend().search("woning", LANGUAGES, Filters(), 10)  # the old text's row
    assert len(stale) == 1
    assert not SearchDocument.objects.filter(id=stale[0].document_id).exists()

    assert lexical_tantivy.check_and_repair() == (1, 2)

    assert lexical_tantivy.check()
    assert found("woning") == []
    assert found("fietsen") == ["nl"]
    assert found("hauser") == []


def test_warm_up_repairs_drift(texts):
    lexical_tantivy.get_engine().clear()
    assert not lexical_tantivy.check()

    warm_up()

    assert lexical_tantivy.check()
    assert found("ouvrieres") == ["fr"]


def test_reindex_rebuilds_in_one_commit(db, committed, monkeypatch):
    commits = []
    monkeypatch.setattr(lexical_tantivy.Engine, "apply", lambda *args: commits.append(args))
    items = [
        ("practice", key, [document(key, language, title, text)])
        for key, language, title, text in TEXTS
    ]
    with committed():
        assert index.bulk_index(items) == 4

    assert commits == []  # no write per batch: one synchronisation at the end
    assert lexical_tantivy.check()
    assert found("woning dak") == ["nl"]


def test_search_through_the_query_layer(texts):
    response = query.search("maisons ouvrières", mode="lexical")

    assert [hit.id for hit in response.results] == ["fr"]
    assert response.count == 1


def test_the_vocabulary_share_is_read_from_the_index(texts):
    backend = get_backend()

    assert backend.known_share("woningen isoleren") == 1.0
    assert backend.known_share("maisons Pikachu") == 0.5
    assert backend.known_share("Pikachu Kilimandscharo") == 0.0
