"""Lexical (full-text) index behind one interface: SQLite FTS5 or PostgreSQL tsvector, or a
tantivy index on disk (``TREFPUNT_LEXICAL_ENGINE=tantivy``, see ``lexical_tantivy``).

SQLite: an FTS5 table (``search_lexical``, rowid = document id) over text analysed in Python
(folded, stop words dropped, Snowball-stemmed in the document's language; see
``languages.analyse``), ranked by BM25 with the title weighted above the body.

PostgreSQL: ``search_lexical(document_id, tsv)`` with a GIN index; ``tsv`` is built by the
database with the document language's configuration (``trefpunt_dutch`` … = ``unaccent`` +
Snowball, made by migration 0002), ranked with ``ts_rank`` (title weight A, body B).

Both receive the query as groups of words with the languages to stem them in (the detected
language, or all of them for short or uncertain queries, OR-ed) and apply the filters in SQL
before ranking, so a filtered search still returns its best matches. A document must match
enough of the words (``required_matches``) and says how many it matched (``coverage``). Words
in more than 5% of a large index are left out (BM25 gives them almost nothing, and matching
them cost 40 ms at 100k documents); at most the 12 rarest words are matched. SQLite counts
documents per term with ``fts5vocab``; PostgreSQL reads the most common lexemes and their
frequencies from its planner statistics (``pg_stats`` of the tsvector column, kept by ANALYZE /
autovacuum), so neither scans the index to find them.
"""

import contextlib
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from . import languages as lang
from . import lexical_tantivy
from .filters import Filters
from .lexical_tantivy import Row

TITLE_WEIGHT = 4.0  # bm25 column weight of the title against 1.0 for the body
COMMON_SHARE = 0.05  # words in more of the documents than this are not matched (SQLite)
MIN_DOCUMENTS_TO_PRUNE = 2000  # below this, every word is matched
MAX_WORDS = 12  # the rarest this many words of a long query are matched
_frequency_cache: dict[str, int] = {}  # term -> documents (SQLite, per process)
_frequency_basis = [0]  # documents in the index when the counts were read
_pg_common: dict[str, float] = {}  # lexeme -> share of documents (PostgreSQL, per process)
_pg_basis = [-1]


def required_matches(words: int) -> int:
    """Query words a document must match to count as a lexical match ("minimum should match"):
    any one of one or two words, half of longer queries. An OR over a sentence's words
    matches nearly everything; half of them is what a relevant text in that language shares,
    and a text in another language rarely does."""
    return 1 if words <= 2 else (words + 1) // 2


@dataclass(frozen=True)
class LexicalHit:
    document_id: int
    score: float  # higher is better; comparable within one query only
    coverage: float  # share of the query's words the document matches (0–1]


class LexicalBackend:
    vendor = ""

    def insert(self, rows: list[Row]) -> None:
        """Index these documents (``lexical_tantivy.Row``)."""
        raise NotImplementedError

    def delete(self, ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def search(
        self,
        query: str,
        stem_in: tuple[str, ...],
        filters: Filters,
        limit: int,
        documents: int = 0,
    ) -> list[LexicalHit]:
        """The best documents matching enough of the query's words, best first.
        ``documents``: how many the index holds (lets a backend skip near-stop words)."""
        raise NotImplementedError

    def bulk(self):
        """A context for many writes at once (``index.bulk_index``)."""
        return contextlib.nullcontext()

    def warm_up(self) -> None:
        """Load what the first query would (start-up)."""

    def known_share(self, query: str) -> float:
        """The share of the query's words (stemmed in every language) that some indexed text
        holds: the corpus vocabulary's coverage of the query, whatever the filters."""
        groups = lang.query_terms(query, lang.LANGUAGES)[:MAX_WORDS]
        if not groups:
            return 0.0
        return sum(self._known(group) for group in groups) / len(groups)

    def _known(self, terms: set[str]) -> bool:
        raise NotImplementedError


def _chunks(items: list, size: int = 500):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class SQLiteBackend(LexicalBackend):
    vendor = "sqlite"

    def insert(self, rows):
        if not rows:
            return
        self.delete([row.document_id for row in rows])  # ids can return after a rollback
        values = [
            (
                row.document_id,
                " ".join(lang.analyse(row.title, row.language)),
                " ".join(lang.analyse(row.text, row.language)),
            )
            for row in rows
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_lexical (rowid, title, body) VALUES (%s, %s, %s)", values
            )

    def delete(self, ids):
        with connection.cursor() as cursor:
            for part in _chunks(list(ids)):
                cursor.execute(
                    f"DELETE FROM search_lexical WHERE rowid IN ({', '.join(['%s'] * len(part))})",
                    part,
                )

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_lexical")

    @staticmethod
    def _match(terms) -> str:
        return " OR ".join(f'"{term}"' for term in sorted(terms))

    def _frequencies(self, cursor, documents: int) -> dict[str, int]:
        """Documents holding each term, read in one pass over the index (fts5vocab counts by
        reading posting lists, so one term at a time costs as much as matching it). Kept per
        process and read again when the index has grown or shrunk by a fifth: the counts only
        steer which words are worth matching."""
        if _frequency_cache and abs(documents - _frequency_basis[0]) <= 0.2 * documents:
            return _frequency_cache
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_lexical_vocab "
            "USING fts5vocab(main, search_lexical, 'row')"
        )
        cursor.execute("SELECT term, doc FROM temp.search_lexical_vocab")
        _frequency_cache.clear()
        _frequency_cache.update(cursor.fetchall())
        _frequency_basis[0] = documents
        return _frequency_cache

    def _informative(self, cursor, groups: list[set[str]], documents: int) -> list[set[str]]:
        """Without words found in more than COMMON_SHARE of the documents (they match
        everything and score nearly nothing), and at most MAX_WORDS of the rarest."""
        if documents < MIN_DOCUMENTS_TO_PRUNE:
            return groups[:MAX_WORDS]
        frequencies = self._frequencies(cursor, documents)

        def frequency(group: set[str]) -> int:
            return max(frequencies.get(term, 0) for term in group)

        ranked = sorted(groups, key=frequency)
        kept = [group for group in ranked if frequency(group) <= COMMON_SHARE * documents]
        return (kept or ranked[:1])[:MAX_WORDS]

    def _known(self, terms):
        with connection.cursor() as cursor:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM search_lexical(%s))", [self._match(terms)])
            return bool(cursor.fetchone()[0])

    def search(self, query, stem_in, filters, limit, documents=0):
        groups = lang.query_terms(query, stem_in)
        if not groups:
            return []
        with connection.cursor() as cursor:
            groups = self._informative(cursor, groups, documents)
            everything = self._match({term for group in groups for term in group})
            if len(groups) == 1:
                coverage, coverage_params = "1", []
            else:
                coverage = " + ".join(
                    ["(m.rowid IN (SELECT rowid FROM search_lexical(%s)))"] * len(groups)
                )
                coverage_params = [self._match(group) for group in groups]
            where, params = filters.sql("d")
            join = f"JOIN search_searchdocument d ON d.id = m.rowid WHERE {where}" if params else ""
            sql = (
                "SELECT * FROM ("
                f"SELECT m.rowid AS id, bm25(search_lexical, {TITLE_WEIGHT}, 1.0) AS rank, "
                f"{coverage} AS matched FROM search_lexical(%s) m {join}"
                ") WHERE matched >= %s ORDER BY rank LIMIT %s"
            )
            cursor.execute(
                sql,
                [*coverage_params, everything, *params, required_matches(len(groups)), limit],
            )
            # bm25() is lower-is-better (negative); turn it around.
            return [
                LexicalHit(doc_id, -rank, matched / len(groups))
                for doc_id, rank, matched in cursor.fetchall()
            ]


class PostgresBackend(LexicalBackend):
    vendor = "postgresql"

    @staticmethod
    def config(language: str) -> str:
        return lang.PG_CONFIGS.get(language, lang.PG_SIMPLE)

    def insert(self, rows):
        if not rows:
            return
        self.delete([row.document_id for row in rows])
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_lexical (document_id, tsv) VALUES (%s, "
                "setweight(to_tsvector(%s::regconfig, %s), 'A') || "
                "setweight(to_tsvector(%s::regconfig, %s), 'B'))",
                [
                    (
                        row.document_id,
                        self.config(row.language),
                        row.title,
                        self.config(row.language),
                        row.text,
                    )
                    for row in rows
                ],
            )

    def delete(self, ids):
        with connection.cursor() as cursor:
            for part in _chunks(list(ids)):
                cursor.execute("DELETE FROM search_lexical WHERE document_id = ANY(%s)", [part])

    def clear(self):
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_lexical")

    def _groups(self, query: str, stem_in: tuple[str, ...]) -> list[tuple[str, list]]:
        """Per query word: ``to_tsquery`` in each language where it is no stop word, OR-ed."""
        groups = []
        for word in dict.fromkeys(lang.fold(query).split()):
            parts, params = [], []
            for language in stem_in:
                if word not in lang.STOP_WORDS.get(language, ()):
                    parts.append("to_tsquery(%s::regconfig, %s)")
                    params.extend([self.config(language), word])
            if parts:
                groups.append((" || ".join(parts), params))
        return groups

    def _common(self, cursor, documents: int) -> dict[str, float]:
        """The most common lexemes of the index and the share of documents holding each, from
        the planner's statistics; read again when the index has grown or shrunk by a fifth."""
        if _pg_basis[0] >= 0 and abs(documents - _pg_basis[0]) <= 0.2 * documents:
            return _pg_common
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE tablename = 'search_lexical' AND attname = 'tsv' "
            "AND schemaname = current_schema()"
        )
        row = cursor.fetchone()
        _pg_common.clear()
        if row and row[0]:
            _pg_common.update(zip(row[0], row[1], strict=False))
        _pg_basis[0] = documents
        return _pg_common

    def _informative(self, cursor, groups: list[tuple[str, list]], documents: int) -> list:
        """Without words whose lexeme is in more than COMMON_SHARE of the documents, and at
        most MAX_WORDS of the rarest (the same rule as SQLite's)."""
        if documents < MIN_DOCUMENTS_TO_PRUNE:
            return groups[:MAX_WORDS]
        common = self._common(cursor, documents)
        if not common:  # never analysed yet
            return groups[:MAX_WORDS]
        pairs = [
            (params[i], params[i + 1], n)
            for n, (_part, params) in enumerate(groups)
            for i in range(0, len(params), 2)
        ]
        cursor.execute(
            "SELECT g.n, l.lexeme FROM unnest(%s::text[], %s::text[], %s::int[]) "
            "AS g(config, word, n), "
            "unnest(to_tsvector(g.config::regconfig, g.word)) AS l(lexeme, positions, weights)",
            [[c for c, _w, _n in pairs], [w for _c, w, _n in pairs], [n for _c, _w, n in pairs]],
        )
        frequency = [0.0] * len(groups)
        for n, lexeme in cursor.fetchall():
            frequency[n] = max(frequency[n], common.get(lexeme, 0.0))
        ranked = sorted(range(len(groups)), key=lambda n: frequency[n])
        kept = [n for n in ranked if frequency[n] <= COMMON_SHARE]
        return [groups[n] for n in sorted((kept or ranked[:1])[:MAX_WORDS])]

    def known_share(self, query):
        groups = self._groups(query, lang.LANGUAGES)[:MAX_WORDS]
        if not groups:
            return 0.0
        known = " + ".join(
            f"(EXISTS (SELECT 1 FROM search_lexical WHERE tsv @@ ({part})))::int"
            for part, _params in groups
        )
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {known}", [p for _part, params in groups for p in params])
            return cursor.fetchone()[0] / len(groups)

    def search(self, query, stem_in, filters, limit, documents=0):
        groups = self._groups(query, stem_in)
        if not groups:
            return []
        with connection.cursor() as cursor:
            groups = self._informative(cursor, groups, documents)
        if not groups:
            return []
        expression = " || ".join(part for part, _params in groups)
        query_params = [param for _part, params in groups for param in params]
        coverage = " + ".join(f"(l.tsv @@ ({part}))::int" for part, _params in groups)
        where, params = filters.sql("d")
        sql = (
            "SELECT * FROM ("
            f"SELECT l.document_id, ts_rank(l.tsv, x.q, 1) AS score, {coverage} AS matched "
            f"FROM (SELECT {expression} AS q) x, search_lexical l "
            "JOIN search_searchdocument d ON d.id = l.document_id "
            f"WHERE l.tsv @@ x.q AND {where}"
            ") hits WHERE matched >= %s ORDER BY score DESC, document_id LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                sql,
                [*query_params, *query_params, *params, required_matches(len(groups)), limit],
            )
            return [
                LexicalHit(doc_id, float(score), matched / len(groups))
                for doc_id, score, matched in cursor.fetchall()
            ]


class TantivyBackend(LexicalBackend):
    """The tantivy index (``lexical_tantivy``): written once the database transaction has
    committed, searched without the database."""

    vendor = "tantivy"
    _bulk = threading.local()

    def _deferred(self) -> bool:
        return getattr(self._bulk, "depth", 0) > 0

    def insert(self, rows):
        if rows and not self._deferred():
            engine = lexical_tantivy.get_engine()
            transaction.on_commit(lambda: engine.apply([], list(rows)), robust=True)

    def delete(self, ids):
        if ids and not self._deferred():
            engine = lexical_tantivy.get_engine()
            transaction.on_commit(lambda: engine.apply(list(ids), []), robust=True)

    def clear(self):
        transaction.on_commit(lexical_tantivy.get_engine().clear, robust=True)

    @contextlib.contextmanager
    def bulk(self):
        """Writes inside are not sent one batch at a time; at the end the index is brought
        to the database's state in one commit (``lexical_tantivy.sync``)."""
        self._bulk.depth = getattr(self._bulk, "depth", 0) + 1
        try:
            yield
        finally:
            self._bulk.depth -= 1
        if not self._deferred():
            transaction.on_commit(lexical_tantivy.sync, robust=True)

    def warm_up(self):
        lexical_tantivy.check_and_repair()

    def _known(self, terms):
        engine = lexical_tantivy.get_engine()
        searcher = engine.searcher()
        return any(engine.document_frequency(searcher, term) for term in terms)

    def search(self, query, stem_in, filters, limit, documents=0):
        groups = lang.query_terms(query, stem_in)
        if not groups:
            return []
        engine = lexical_tantivy.get_engine()
        # One searcher (one look at the files) per query: every call that releases the GIL
        # can wait a whole switch interval for the semantic thread.
        searcher = engine.searcher()
        documents = searcher.num_docs
        if documents >= MIN_DOCUMENTS_TO_PRUNE:
            cache: dict[str, int] = {}

            def frequency(group: set[str]) -> int:
                for term in group:
                    if term not in cache:
                        cache[term] = engine.document_frequency(searcher, term)
                return max(cache[term] for term in group)

            ranked = sorted(groups, key=frequency)
            kept = [group for group in ranked if frequency(group) <= COMMON_SHARE * documents]
            groups = (kept or ranked[:1])[:MAX_WORDS]
        else:
            groups = groups[:MAX_WORDS]
        return [
            LexicalHit(document_id, score, matched / len(groups))
            for document_id, score, matched in engine.search(
                searcher, groups, required_matches(len(groups)), filters, limit
            )
        ]


BACKENDS = {"sqlite": SQLiteBackend, "postgresql": PostgresBackend}


def get_backend() -> LexicalBackend:
    if settings.TREFPUNT_LEXICAL_ENGINE == "tantivy":
        return TantivyBackend()
    try:
        return BACKENDS[connection.vendor]()
    except KeyError:
        raise NotImplementedError(
            f"Search has no lexical index for {connection.vendor}; use SQLite or PostgreSQL."
        ) from None
