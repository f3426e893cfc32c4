"""The lexical index as a tantivy index on disk: derived data, rebuilt from the database.

``TREFPUNT_LEXICAL_ENGINE=tantivy`` puts it behind ``lexical.get_backend()`` in place of the
database's own full-text index (SQLite FTS5 / PostgreSQL GIN, the default, which needs no files
and suits small installs). It lives in ``<TREFPUNT_INDEX_DIR>/lexical-v<FORMAT>/``; every
process opens it read-only (memory-mapped segments: one copy in the page cache for all).

Analysis is the same as SQLite's: ``languages.analyse`` in the document's language (folded,
stop words dropped, Snowball-stemmed) stored as whitespace-separated terms, so both engines
match the same words and rank with BM25 (title boosted TITLE_WEIGHT against the body).
Filters are raw terms (type, language, visibility, ``key=value`` facets) matched inside the
query, so a filtered search still returns its best matches.

"Enough of the words" (``lexical.required_matches``) is the boolean query's minimum number of
matching groups; how many groups a hit matched is read from its score: every group adds the
constant COVERAGE_SCORE when it matches, on top of its BM25 (which stays far below it).

Consistency (docs/decisions.md, 2026-12-04): the database is the truth. A write changes the
database, then, once its transaction has committed (``on_commit``), this index (one writer at
a time across processes: tantivy's lock file, retried). A crash between the two leaves the
index behind: every write replaces a document by a new row (new id), so the fingerprint
``(documents, sum of ids)`` of the database and of this index differ after any lost write.
``check()`` compares them (at warm-up) and ``sync()`` repairs by the difference of the id sets;
``trefpunt reindex`` rebuilds from scratch.
"""

import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import tantivy
from django.conf import settings
from django.db import connection, transaction

from . import languages as lang
from .filters import Filters, facet_pairs
from .models import SearchDocument

logger = logging.getLogger(__name__)

FORMAT = 1
TITLE_WEIGHT = 4.0  # as lexical.TITLE_WEIGHT
COVERAGE_SCORE = 10_000.0  # added per matched group; BM25 of one group stays below ~200
WRITER_HEAP = 50_000_000
LOCK_WAIT = 30.0  # seconds a write waits for another process's writer
LOAD_BATCH = 5_000


@dataclass(frozen=True)
class Row:
    """What the index holds of one search document."""

    document_id: int
    language: str
    title: str
    text: str
    doc_type: str = ""
    visibility: str = "public"
    facets: dict | None = None


def folder() -> Path:
    return Path(settings.TREFPUNT_INDEX_DIR) / f"lexical-v{FORMAT}"


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    for name in ("title", "body"):
        builder.add_text_field(name, tokenizer_name="whitespace", index_option="freq")
    for name in ("type", "language", "visibility", "facet"):
        builder.add_text_field(name, tokenizer_name="raw", index_option="basic")
    return builder.build()


SCHEMA = _schema()


class Engine:
    """One per process and folder: the reader, reloaded when another process committed."""

    def __init__(self, path: Path):
        self.path = path
        self.lock = threading.Lock()
        self._index: tantivy.Index | None = None
        self._seen: tuple[int, int] | None = None

    # --- reading -----------------------------------------------------------------------------

    def index(self) -> tantivy.Index:
        with self.lock:
            if self._index is None:
                self.path.mkdir(parents=True, exist_ok=True)
                self._index = tantivy.Index(SCHEMA, path=str(self.path), reuse=True)
                self._seen = self._meta()
            return self._index

    def _meta(self) -> tuple[int, int] | None:
        try:
            meta = os.stat(self.path / "meta.json")
        except OSError:
            return None
        return meta.st_mtime_ns, meta.st_size

    def searcher(self) -> tantivy.Searcher:
        """The searcher of the last commit (of any process: tantivy replaces meta.json on
        every commit, one stat per query tells)."""
        index = self.index()
        meta = self._meta()
        if meta != self._seen:
            index.reload()
            self._seen = meta
        return index.searcher()

    def ids(self) -> list[int]:
        searcher = self.searcher()
        total = searcher.num_docs
        if not total:
            return []
        hits = searcher.search(tantivy.Query.all_query(), total, count=False).hits
        return searcher.fast_field_values("id", [address for _score, address in hits])

    def fingerprint(self) -> tuple[int, int]:
        ids = self.ids()
        return len(ids), sum(ids)

    # --- writing -----------------------------------------------------------------------------

    def _writer(self) -> tantivy.IndexWriter:
        index = self.index()
        deadline = time.monotonic() + LOCK_WAIT
        while True:
            try:
                return index.writer(heap_size=WRITER_HEAP, num_threads=1)
            except ValueError:  # another process holds the writer lock
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def apply(self, removed: list[int], added: list[Row]) -> None:
        """Remove documents by id and add others, in one commit."""
        if not removed and not added:
            return
        writer = self._writer()
        try:
            for document_id in removed:
                writer.delete_documents_by_term("id", document_id)
            for row in added:
                writer.delete_documents_by_term("id", row.document_id)
                writer.add_document(_document(row))
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        finally:
            del writer

    def clear(self) -> None:
        writer = self._writer()
        try:
            writer.delete_all_documents()
            writer.commit()
            writer.wait_merging_threads()
        finally:
            del writer

    def destroy(self) -> None:
        """Remove the files (tests; a new format)."""
        with self.lock:
            self._index = None
            self._seen = None
        shutil.rmtree(self.path, ignore_errors=True)

    # --- searching ---------------------------------------------------------------------------

    def search(self, searcher, groups: list[set[str]], required: int, filters: Filters, limit):
        """``(document id, bm25, matched groups)`` of the best documents matching at least
        ``required`` groups, best BM25 first."""
        clauses = []
        for group in groups:
            terms = []
            for term in sorted(group):
                terms.append(
                    (
                        tantivy.Occur.Should,
                        tantivy.Query.boost_query(
                            tantivy.Query.term_query(SCHEMA, "title", term, "freq"), TITLE_WEIGHT
                        ),
                    )
                )
                terms.append(
                    (tantivy.Occur.Should, tantivy.Query.term_query(SCHEMA, "body", term, "freq"))
                )
            words = tantivy.Query.boolean_query(terms)
            matched = tantivy.Query.const_score_query(words, COVERAGE_SCORE)
            group_query = tantivy.Query.boolean_query(
                [(tantivy.Occur.Should, matched), (tantivy.Occur.Should, words)]
            )
            clauses.append((tantivy.Occur.Should, group_query))
        query = tantivy.Query.boolean_query(clauses, minimum_number_should_match=required)
        restrictions = _filter_clauses(filters)
        if restrictions:
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, query), *restrictions])
        hits = searcher.search(query, limit, count=False).hits
        if not hits:
            return []
        ids = searcher.fast_field_values("id", [address for _score, address in hits])
        found = []
        for (score, _address), document_id in zip(hits, ids, strict=True):
            matched = int(score // COVERAGE_SCORE)
            found.append((document_id, score - matched * COVERAGE_SCORE, matched))
        found.sort(key=lambda hit: (-hit[1], hit[0]))
        return found

    @staticmethod
    def document_frequency(searcher, term: str) -> int:
        return max(searcher.doc_freq("body", term), searcher.doc_freq("title", term))


def _filter_clauses(filters: Filters) -> list:
    """Must-clauses (scoring nothing) for the filters."""
    wanted: list[tuple[str, list[str]]] = []
    if not filters.include_restricted:
        wanted.append(("visibility", ["public"]))
    if filters.types:
        wanted.append(("type", list(filters.types)))
    if filters.languages:
        wanted.append(("language", list(filters.languages)))
    for key, values in filters.facets:
        wanted.append(("facet", [f"{key}={value[:120]}" for value in values]))
    return [
        (
            tantivy.Occur.Must,
            tantivy.Query.const_score_query(
                tantivy.Query.term_set_query(SCHEMA, field, values), 0.0
            ),
        )
        for field, values in wanted
    ]


def _document(row: Row) -> tantivy.Document:
    document = tantivy.Document()
    document.add_integer("id", row.document_id)
    document.add_text("title", " ".join(lang.analyse(row.title, row.language)))
    document.add_text("body", " ".join(lang.analyse(row.text, row.language)))
    document.add_text("type", row.doc_type)
    document.add_text("language", row.language)
    document.add_text("visibility", row.visibility)
    for key, value in facet_pairs(row.facets or {}):
        document.add_text("facet", f"{key}={value[:120]}")
    return document


_engines: dict[Path, Engine] = {}
_engines_lock = threading.Lock()


def get_engine() -> Engine:
    path = folder()
    with _engines_lock:
        engine = _engines.get(path)
        if engine is None:
            engine = _engines[path] = Engine(path)
        return engine


def forget() -> None:
    """Drop this process's readers (tests)."""
    with _engines_lock:
        _engines.clear()


# --- the database side ----------------------------------------------------------------------


def database_fingerprint() -> tuple[int, int]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*), COALESCE(SUM(id), 0) FROM search_searchdocument")
        count, total = cursor.fetchone()
    return int(count), int(total)


def check() -> bool:
    """Whether the index holds exactly the database's documents (fingerprints equal)."""
    return get_engine().fingerprint() == database_fingerprint()


def rows(ids: list[int]) -> list[Row]:
    """The index rows of these documents, read from the database."""
    found = []
    for start in range(0, len(ids), LOAD_BATCH):
        found += [
            Row(*values)
            for values in SearchDocument.objects.filter(id__in=ids[start : start + LOAD_BATCH])
            .order_by("id")
            .values_list("id", "language", "title", "text", "doc_type", "visibility", "facets")
        ]
    return found


def sync() -> tuple[int, int]:
    """Make the index hold exactly the database's documents: add the missing ones, remove
    those gone; returns ``(added, removed)``. Cheap when nothing drifted."""
    engine = get_engine()
    with transaction.atomic():
        stored = set(SearchDocument.objects.values_list("id", flat=True))
    indexed = set(engine.ids())
    missing = sorted(stored - indexed)
    gone = sorted(indexed - stored)
    if not missing and not gone:
        return 0, 0
    writer = engine._writer()
    try:
        for document_id in gone:
            writer.delete_documents_by_term("id", document_id)
        for start in range(0, len(missing), LOAD_BATCH):
            for row in rows(missing[start : start + LOAD_BATCH]):
                writer.add_document(_document(row))
        writer.commit()
        writer.wait_merging_threads()
    except BaseException:
        writer.rollback()
        raise
    finally:
        del writer
    logger.info("lexical index synchronised: %d added, %d removed", len(missing), len(gone))
    return len(missing), len(gone)


def check_and_repair() -> tuple[int, int]:
    """At start-up: repair drift left by a crash between a commit and its index write."""
    if check():
        return 0, 0
    added, removed = sync()
    if added or removed:
        logger.warning(
            "The lexical index had drifted from the database (%d missing, %d extra): repaired.",
            added,
            removed,
        )
    return added, removed
