"""Knowing when nothing matches: the decision per query (crafted scores) and its inputs."""

from types import SimpleNamespace

import numpy as np
import pytest

from trefpunt.search import answering, query
from trefpunt.search.answering import answers
from trefpunt.search.languages import QueryLanguage
from trefpunt.search.lexical import LexicalHit, get_backend
from trefpunt.search.query import search


def never_asked():
    raise AssertionError("the sentences were read although the passages decide")


@pytest.mark.parametrize(
    ("best", "second", "expected"),
    [
        (0.40, 0.30, True),  # (0.40 + 0.5 x 0.30) / 1.5 = 0.367
        (0.33, 0.29, True),  # 0.317
        (0.35, 0.0, True),  # one passage close enough by itself
        (0.15, 0.04, False),  # one passage only (a title): 0.113, below the floor
        (0.12, 0.10, False),  # 0.113
    ],
)
def test_the_passages_alone_decide_far_from_the_threshold(best, second, expected):
    assert answers(best, second, never_asked) is expected


@pytest.mark.parametrize(("closest", "expected"), [(0.62, True), (0.35, True), (0.34, False)])
def test_in_between_the_closest_sentence_decides(closest, expected):
    # evidence (0.26 + 0.5 x 0.20) / 1.5 = 0.240: neither answered nor below the floor
    assert answers(0.26, 0.20, lambda: closest) is expected


def test_the_vocabulary_raises_a_close_sentence_only(monkeypatch):
    monkeypatch.setattr(answering, "closest_sentence", lambda *args: 0.27)
    asked = []

    def known():
        asked.append(True)
        return 0.8

    assert answering.sentence_evidence(None, None, None, [], known)() == pytest.approx(0.35)
    monkeypatch.setattr(answering, "closest_sentence", lambda *args: 0.20)
    assert answering.sentence_evidence(None, None, None, [], known)() == pytest.approx(0.20)
    assert len(asked) == 1  # too far to be raised enough: the vocabulary is not read


def fake_index(records: list[str]):
    """One document row per record; ``records`` gives each one's type."""
    return SimpleNamespace(
        doc_record=SimpleNamespace(data=np.arange(len(records))),
        records=[SimpleNamespace(doc_type=doc_type) for doc_type in records],
        row_of={100 + row: row for row in range(len(records))},
        doc_language=["nl"] * len(records),
    )


UNKNOWN = QueryLanguage(None, 0.0, ("nl", "fr", "de", "en", "lb"))


def test_an_unanswered_query_keeps_only_texts_holding_all_its_words():
    index = fake_index(["practice"] * 3)
    semantic = [(0, 0, 0.22), (1, 0, 0.20), (2, 0, 0.18)]  # one passage each: no agreement
    lexical = [LexicalHit(101, 3.0, 0.5), LexicalHit(102, 2.0, 1.0)]

    fused = query._fuse(index, UNKNOWN, lexical, semantic, 10, closest_sentence=lambda: 0.0)

    assert [record for record, _score in fused.ranked] == [2]


def test_an_answered_query_counts_every_close_record_and_partial_lexical_matches():
    index = fake_index(["practice"] * 4)
    semantic = [(0, 1, 0.62), (0, 2, 0.55), (1, 1, 0.40), (2, 1, 0.05)]
    lexical = [LexicalHit(103, 3.0, 0.5)]

    fused = query._fuse(index, UNKNOWN, lexical, semantic, 10, closest_sentence=never_asked)

    # record 2 is below SEMANTIC_MIN; record 3 counts by its words only
    assert [record for record, _score in fused.ranked] == [0, 1, 3]
    assert fused.ranked[0][1] == pytest.approx(0.62)


def test_without_a_semantic_side_lexical_matches_count_as_before():
    index = fake_index(["practice", "practice"])
    lexical = [LexicalHit(100, 4.0, 0.5), LexicalHit(101, 2.0, 1.0)]

    fused = query._fuse(index, UNKNOWN, lexical, [], 10, semantic_ran=False)

    assert sorted(record for record, _score in fused.ranked) == [0, 1]


def test_the_second_passage_is_the_best_records_own(db):
    index = fake_index(["practice", "practice"])
    semantic = [(0, 0, 0.50), (1, 0, 0.45), (0, 3, 0.30), (1, 2, 0.10)]

    assert answering.best_record_similarities(index, semantic) == (0.50, 0.30)
    assert answering.best_record_similarities(index, semantic[:2]) == (0.50, 0.45)
    assert answering.best_record_similarities(index, []) == (0.0, 0.0)


def test_the_vocabulary_share_counts_words_in_any_language(corpus):
    backend = get_backend()

    assert backend.known_share("deelfietsen Maastricht") == 1.0
    assert backend.known_share("deelfietsen pannenkoeken") == 0.5
    assert backend.known_share("Pikachu Kilimandscharo") == 0.0
    assert backend.known_share("the of") == 0.0  # stop words only: nothing to know


@pytest.mark.parametrize(
    "q",
    [
        "recept voor pannenkoeken met spek",
        "comment tricoter une écharpe",
        "Kilimandscharo Besteigung Route",
        "Pikachu evolution level",
    ],
)
def test_off_topic_questions_find_nothing_in_the_corpus(corpus, q):
    assert search(q).count == 0


def test_relevant_questions_in_another_language_are_still_answered(corpus):
    assert search("isolation maisons ouvrières anciennes").results[0].id == "genk-insulation"
    assert search("Hochwasser an der Maas").results[0].id == "venlo-floods"
