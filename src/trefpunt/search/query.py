"""Searching: lexical and semantic candidates, fused per record, with facets and snippets.

1. The query's language is detected (``languages.query_language``); short or uncertain queries
   are stemmed in every language and their language is "unknown" (None). A query made mostly
   of keyboard noise ("xyzzy qwerty") finds nothing.
2. Lexical: the backend's best documents for the stemmed words, filters applied in SQL.
   Semantic: the query vector against every allowed chunk vector (``memory.py``).
3. A document counts as a lexical match only when it holds enough of the query's words
   (``lexical.required_matches``: half of a long query).
4. Fusion by score, per record: its best chunk similarity, plus LEXICAL_WEIGHT x its lexical
   evidence (coverage**COVERAGE_POWER x bm25 / the query's best bm25, x LEXICAL_OTHER for a
   text in another language than the query's). Lexical evidence only adds, so words that
   every text shares cannot push the right text down: on every set measured the hybrid's
   recall is at least the semantic signal's, and its MRR too except on NTREX (0.926 against
   0.929: a text in the query's language about the same event is lifted over the one the
   set calls relevant), see benchmarks/search_quality.py.
5. Knowing when nothing matches is decided per query (``answering.answers``), before any
   record counts: from the best record's passage similarities, and in between from the
   closest sentence of the best passages. A query not answered keeps only texts holding ALL
   its words (a name, a rare word). An answered query counts records with a best similarity
   of SEMANTIC_MIN or more and within SEMANTIC_MARGIN of the best, or with lexical evidence.
   Places and organisations (``registry.register(by_name=True)``) count by their names only.
6. Each record is shown in one language: the reader's if that text matched, else the best
   matching one, with a snippet around the matched words (``<mark>``, everything escaped).
"""

import logging
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields

import numpy as np
from django.utils.safestring import SafeString, mark_safe

from trefpunt.accounts.permissions import is_curator

from . import languages as lang
from . import registry
from .answering import answers, best_record_similarities, sentence_evidence
from .documents import FACET_KEYS
from .embedders import get_embedder
from .filters import Filters
from .lexical import get_backend
from .memory import IndexMismatch, get_index
from .models import SearchChunk
from .snippets import snippet as make_snippet

logger = logging.getLogger(__name__)

LEXICAL_DEPTH = 1000  # lexical matches considered (and counted in facets)
SEMANTIC_CHUNKS = 400  # nearest chunks considered …
SEMANTIC_RECORDS = 50  # … of which this many records count as matches
# Fusion (calibrated with benchmarks/search_quality.py, see the module docstring):
SEMANTIC_MIN = 0.10  # once the query is answered, a record below this similarity is no evidence
SEMANTIC_MARGIN = 0.30  # nor is one this far below the query's best similarity
LEXICAL_WEIGHT = 0.15  # similarity points for the strongest lexical evidence (1.0)
LEXICAL_OTHER = 0.5  # evidence from a text in another language than the query's
COVERAGE_POWER = 3  # evidence = coverage**COVERAGE_POWER * bm25 / best bm25
LEXICAL_MIN = 0.0  # lexical evidence below this does not make a record a match
LEXICAL_LEADS = 0.5  # evidence from which the lexically matched text is the one shown


@dataclass
class SearchHit:
    type: str
    id: str  # the record's object_key
    external_id: str
    title: str
    language: str
    path: str
    score: float
    snippet: str  # HTML: escaped text with <mark>…</mark> around matched words
    languages: list[str] = field(default_factory=list)


@dataclass
class SearchResponse:
    query: str
    detected_language: str | None
    count: int
    results: list[SearchHit]
    facets: dict[str, dict[str, int]]
    warning: str | None = None  # e.g. vectors of another model: answered lexically


def search(
    q: str,
    *,
    types=None,
    languages=None,
    country=None,
    theme=None,
    stage=None,
    organisation=None,
    year=None,
    limit: int = 10,
    offset: int = 0,
    user=None,
    reader_language: str | None = None,
    strict: bool = False,
    mode: str = "hybrid",
) -> SearchResponse:
    """Search the index. ``strict``: raise ``IndexMismatch`` instead of answering lexically
    when the stored vectors were made by another model than the configured one."""
    q = (q or "").strip()
    filters = Filters.build(
        types=types,
        languages=languages,
        include_restricted=_is_curator(user),
        country=country,
        theme=theme,
        stage=stage,
        organisation=organisation,
        year=year,
    )
    query_language = lang.query_language(q)
    if query_language.gibberish or not lang.fold(q).split():
        return SearchResponse(q, None, 0, [], {})
    embedder = get_embedder()
    index = get_index(embedder)
    warning = index.mismatch
    if warning:
        if strict:
            raise IndexMismatch(warning)
        logger.warning("%s Answering lexically.", warning)

    # The semantic side (query vector, vector scan: numpy, no database) runs in a thread
    # while this one waits on the lexical query; both release the GIL, so a request costs
    # about the slower of the two instead of their sum.
    pending = None
    if embedder.enabled and not warning and mode != "lexical":
        k = max(SEMANTIC_CHUNKS, 4 * (offset + limit))
        pending = _semantic_pool.submit(_semantic, embedder, index.snapshot(filters), q, k)
    depth = max(LEXICAL_DEPTH, 2 * (offset + limit))
    # With no restricted document in the index, visibility needs no SQL join.
    lexical_filters = filters.without_visibility() if index.all_public else filters
    lexical = []
    if mode != "semantic" or pending is None:
        lexical = get_backend().search(
            q, query_language.stem_in, lexical_filters, depth, documents=index.documents
        )
    vector, semantic = pending.result() if pending is not None else (None, [])

    fused = _fuse(
        index,
        query_language,
        lexical,
        semantic,
        offset + limit,
        closest_sentence=sentence_evidence(
            embedder, vector, index, semantic, lambda: get_backend().known_share(q)
        ),
        semantic_ran=pending is not None,
    )
    page = fused.ranked[offset : offset + limit]
    results = _hits(index, q, query_language, page, fused, reader_language)
    return SearchResponse(
        query=q,
        detected_language=query_language.detected,
        count=len(fused.ranked),
        results=results,
        facets=_facets(index, fused),
        warning=warning,
    )


_semantic_pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="search-semantic")


def _semantic(embedder, snapshot, q: str, k: int) -> tuple[np.ndarray, list]:
    """The query vector, and ``(document row, chunk position, similarity)`` of the ``k``
    nearest chunks."""
    vector = embedder.query(q)
    chunks, similarities = snapshot.nearest_chunks(vector, k)
    return vector, [
        (int(snapshot.chunk_doc[c]), int(snapshot.chunk_position[c]), float(s))
        for c, s in zip(chunks, similarities, strict=True)
    ]


def safe_snippet(snippet: str) -> SafeString:
    """A hit's snippet for templates: the engine already escaped it and added only <mark>."""
    return mark_safe(snippet)  # noqa: S308 - built by _snippet from escaped text


# --- fusion ---------------------------------------------------------------------------------


@dataclass
class Fused:
    ranked: list[tuple[int, float]]  # (record index, score), best first
    matched_rows: dict[int, list[int]]  # record -> matched document rows, best first
    best_chunk: dict[int, int]  # document row -> best semantic chunk position


def _fuse(
    index,
    query_language,
    lexical,
    semantic,
    needed: int,
    closest_sentence=lambda: 1.0,
    semantic_ran: bool = True,
) -> Fused:
    """Score fusion: a record's best chunk similarity, plus its lexical evidence weighted by
    LEXICAL_WEIGHT (see the module docstring); only records with enough evidence count, and
    none but full lexical matches when the query has no answer (``answering.answers``)."""
    matched: dict[int, list[int]] = defaultdict(list)
    best_chunk: dict[int, int] = {}
    similarity: dict[int, tuple[float, int]] = {}  # record -> (best chunk similarity, row)
    evidence: dict[int, tuple[float, int]] = {}  # record -> (lexical evidence, row)
    complete: set[int] = set()  # records with a text holding every word of the query

    def note(record: int, row: int) -> None:
        if row not in matched[record]:
            matched[record].append(row)

    by_name = registry.name_types()
    top_lexical = max((hit.score for hit in lexical), default=0.0)
    for hit in lexical:
        row = index.row_of.get(hit.document_id)
        if row is None:  # written after this process's last refresh
            continue
        record = int(index.doc_record.data[row])
        same = index.doc_language[row] in query_language.stem_in
        # A name matches or not: bm25 over lists of names says nothing more.
        names = index.records[record].doc_type in by_name
        relative = 1.0 if names or top_lexical <= 0 else hit.score / top_lexical
        strength = hit.coverage**COVERAGE_POWER * relative
        strength *= 1.0 if same else LEXICAL_OTHER
        if strength > evidence.get(record, (-1.0, 0))[0]:
            evidence[record] = (strength, row)
        if hit.coverage >= 1.0:
            complete.add(record)

    top_similarity = semantic[0][2] if semantic else 0.0
    if semantic_ran and not answers(*best_record_similarities(index, semantic), closest_sentence):
        semantic = []
        evidence = {r: value for r, value in evidence.items() if r in complete}

    floor = max(SEMANTIC_MIN, top_similarity - SEMANTIC_MARGIN)
    lowest = semantic[-1][2] if semantic else 0.0
    depth = max(SEMANTIC_RECORDS, needed)
    for row, position, chunk_similarity in semantic:
        best_chunk.setdefault(row, position)
        record = int(index.doc_record.data[row])
        if index.records[record].doc_type in by_name and record not in evidence:
            continue
        if record in similarity:
            if similarity[record][0] >= floor or record in evidence:
                note(record, row)
            continue
        similarity[record] = (chunk_similarity, row)

    scores: dict[int, float] = {}
    strongest: dict[int, int] = {}
    ranked_semantic = sorted(similarity.items(), key=lambda item: -item[1][0])[:depth]
    for record, (value, row) in ranked_semantic:
        if value >= floor:
            scores[record] = value
            strongest[record] = row
    for record, (strength, row) in evidence.items():
        if strength < LEXICAL_MIN:
            continue
        value = similarity.get(record, (lowest, row))[0]
        scores[record] = value + LEXICAL_WEIGHT * strength
        if record not in strongest or strength >= LEXICAL_LEADS:
            strongest[record] = row
    for record, row in strongest.items():
        note(record, row)
        rows = matched[record]
        rows.insert(0, rows.pop(rows.index(row)))
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return Fused(ranked, {r: matched[r] for r in scores}, best_chunk)


# --- results --------------------------------------------------------------------------------


def _display_row(rows: list[int], index, reader_language: str | None) -> int:
    if reader_language:
        for row in rows:
            if index.doc_language[row] == reader_language:
                return row
    return rows[0]


def _hits(index, q, query_language, page, fused: Fused, reader_language) -> list[SearchHit]:
    chosen = {
        record: _display_row(fused.matched_rows[record], index, reader_language)
        for record, _score in page
    }
    ids = [index.doc_ids[row] for row in chosen.values()]
    # One question for the documents and their passages: every document has a chunk 0 (its
    # title), so each one shown comes with its own columns on its first chunk.
    documents: dict[int, _Shown] = {}
    passages: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for document_id, position, text, *columns in (
        SearchChunk.objects.filter(document_id__in=ids)
        .order_by("document_id", "position")
        .values_list("document_id", "position", "text", *_SHOWN_COLUMNS)
    ):
        if document_id not in documents:
            documents[document_id] = _Shown(document_id, *columns)
        passages[document_id].append((position, text))
    results = []
    for record, score in page:
        row = chosen[record]
        document = documents.get(index.doc_ids[row])
        if document is None:  # removed since this process's last refresh
            continue
        entry = index.records[record]
        snippet, passage = make_snippet(
            passages.get(document.id, []),
            document.language,
            q,
            query_language,
            fused.best_chunk.get(row),
        )
        results.append(
            SearchHit(
                type=document.doc_type,
                id=document.object_key,
                external_id=document.external_id,
                title=document.title,
                language=document.language,
                path=_located(document, passage),
                score=round(score, 6),
                snippet=snippet,
                languages=sorted(
                    {index.doc_language[r] for r in entry.rows if index.doc_alive.data[r]}
                ),
            )
        )
    return results


@dataclass
class _Shown:
    """What a hit shows of its document."""

    id: int
    doc_type: str
    object_key: str
    language: str
    external_id: str
    title: str
    path: str


_SHOWN_COLUMNS = tuple(f"document__{column.name}" for column in fields(_Shown)[1:])


def _located(document, passage: str) -> str:
    """The address of the part of the record holding the passage shown, where its type can
    tell (``registry.register(locate=...)``), else the document's."""
    source = registry.SOURCES.get(document.doc_type)
    if source is None or source.locate is None or not passage:
        return document.path
    return source.locate(document.object_key, document.language, passage) or document.path


def _facets(index, fused: Fused) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter] = {key: Counter() for key in FACET_KEYS}
    for record, _score in fused.ranked:
        pairs = {pair for row in fused.matched_rows[record] for pair in index.doc_facets[row]}
        for key, value in pairs:
            if key in counts:
                counts[key][value] += 1
    return {key: dict(counter.most_common()) for key, counter in counts.items() if counter}


def _is_curator(user) -> bool:
    return user is not None and is_curator(user)


# --- more like this -------------------------------------------------------------------------


def more_like_this(doc_type: str, object_key: str, limit: int = 5, user=None) -> list[SearchHit]:
    """Records whose passages are nearest to this record's, itself excluded."""
    embedder = get_embedder()
    index = get_index(embedder)
    if not embedder.enabled or index.mismatch:
        return []
    vectors = index.record_vectors(doc_type, object_key)
    if not len(vectors):
        return []
    centre = vectors.mean(axis=0)
    centre /= max(float(np.linalg.norm(centre)), 1e-12)
    snapshot = index.snapshot(Filters(include_restricted=_is_curator(user)))
    chunks, _similarities = snapshot.nearest_chunks(centre, SEMANTIC_CHUNKS)
    own = index.record_of.get((doc_type, object_key))
    ranked: list[tuple[int, float]] = []
    matched: dict[int, list[int]] = {}
    best_chunk: dict[int, int] = {}
    for c, similarity in zip(chunks, _similarities, strict=True):
        row = int(snapshot.chunk_doc[c])
        record = int(index.doc_record.data[row])
        best_chunk.setdefault(row, int(snapshot.chunk_position[c]))
        if record == own or record in matched:
            continue
        matched[record] = [row]
        ranked.append((record, float(similarity)))
        if len(ranked) == limit:
            break
    no_words = lang.QueryLanguage(None, 0.0, ())
    return _hits(index, "", no_words, ranked, Fused(ranked, matched, best_chunk), None)
