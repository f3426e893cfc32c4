"""Cross-lingual search quality, in-process: recall@10 and MRR per language pair and tag,
lexical-only against hybrid (lexical + semantic), on the evaluation sets in ../shared/eval.

    .venv/bin/python benchmarks/search_quality.py                      # both public sets
    .venv/bin/python benchmarks/search_quality.py --set ../shared/eval/ntrex_public.jsonl

Each set's documents are indexed as practices (``search.index.bulk_index``) into a temporary
SQLite database (or DATABASE_URL), once with the configured embedder; lexical-only runs the
same queries with ``TREFPUNT_EMBEDDER=none``. ``../shared/eval/xling_eval.py`` measures the
same through the CLI and the HTTP API.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
EVAL = Path(os.environ.get("TREFPUNT_SHARED_EVAL", ROOT.parent / "shared" / "eval"))
DEFAULT_SETS = [EVAL / "ntrex_public.jsonl", EVAL / "treaties_keywords_public.jsonl"]


def setup_django() -> Path | None:
    temporary = None
    if not os.environ.get("DATABASE_URL"):
        temporary = Path(tempfile.mkdtemp(prefix="trefpunt-search-quality-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary / 'quality.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return temporary


def load(path: Path) -> tuple[list[dict], list[dict]]:
    docs, queries = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            (docs if record["kind"] == "doc" else queries).append(record)
    return docs, queries


def index_set(docs: list[dict]) -> float:
    from trefpunt.search import index, memory
    from trefpunt.search.documents import DocumentData

    index.reindex_all()  # empties the index (no sources are registered here but ours)
    memory.forget()
    started = time.perf_counter()
    index.bulk_index(
        (
            "practice",
            doc["external_id"],
            [
                DocumentData(
                    doc_type="practice",
                    object_key=doc["external_id"],
                    language=doc["language"],
                    title=doc["title"],
                    text=doc["body"],
                    path=f"/practices/{number}/",
                    external_id=doc["external_id"],
                )
            ],
        )
        for number, doc in enumerate(docs, 1)
    )
    return time.perf_counter() - started


def evaluate(queries: list[dict], docs: list[dict], embedder: str) -> dict:
    from django.conf import settings

    from trefpunt.search.query import search

    language_of = {doc["external_id"]: doc["language"] for doc in docs}
    settings.TREFPUNT_EMBEDDER = embedder
    scores = defaultdict(lambda: {"n": 0, "r10": 0, "mrr": 0.0})
    timings = []
    for query in queries:
        started = time.perf_counter()
        response = search(query["text"], types=["practice"], limit=10)
        timings.append(time.perf_counter() - started)
        ranked = [hit.external_id for hit in response.results]
        rank = next((i + 1 for i, e in enumerate(ranked) if e in query["relevant"]), None)
        pair = f"{query['language']}->{language_of[query['relevant'][0]]}"
        kind = query.get("tag", "").split()[-1] if query.get("tag") else "all"
        for key in (f"pair {pair}", f"kind {kind}", "ALL"):
            scores[key]["n"] += 1
            scores[key]["r10"] += rank is not None
            scores[key]["mrr"] += 1 / rank if rank else 0.0
    timings.sort()
    scores["ALL"]["p95_ms"] = timings[int(0.95 * (len(timings) - 1))] * 1000
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", type=Path, help="evaluation set (JSONL)")
    parser.add_argument("--embedder", default=None, help="hybrid embedder (default: settings)")
    args = parser.parse_args()
    temporary = setup_django()
    from django.conf import settings

    embedder = args.embedder or settings.TREFPUNT_EMBEDDER
    try:
        for path in args.set or DEFAULT_SETS:
            docs, queries = load(path)
            settings.TREFPUNT_EMBEDDER = embedder
            seconds = index_set(docs)
            lexical = evaluate(queries, docs, "none")
            hybrid = evaluate(queries, docs, embedder)
            print(
                f"\n{path.name}: {len(docs)} documents indexed in {seconds:.1f} s "
                f"({embedder}), {len(queries)} queries"
            )
            print(f"{'':24} {'lexical R@10':>12} {'MRR':>6}   {'hybrid R@10':>11} {'MRR':>6}")
            for key in sorted(hybrid, key=lambda k: (k == "ALL", k)):
                a, b = lexical[key], hybrid[key]
                print(
                    f"{key:24} {a['r10'] / a['n']:12.3f} {a['mrr'] / a['n']:6.3f}   "
                    f"{b['r10'] / b['n']:11.3f} {b['mrr'] / b['n']:6.3f}   n={b['n']}"
                )
            print(
                f"p95 in-process: lexical {lexical['ALL']['p95_ms']:.1f} ms, "
                f"hybrid {hybrid['ALL']['p95_ms']:.1f} ms"
            )
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
