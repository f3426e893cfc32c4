"""Search quality, in-process: recall@10 and MRR per set and tag for the hybrid ranking, the
semantic signal alone and the lexical one alone (``search(mode=...)``, as ``mode=`` of the
API), and the share of unrelated queries that wrongly find something on each set's documents:
benchmarks/data/unrelated_queries.txt (135 queries in four languages, invented words and
keyboard noise; the thresholds were chosen on it) and unrelated_heldout.txt (96 others of the
same kinds, never used to choose anything).

    .venv/bin/python benchmarks/search_quality.py          # public sets + the derived ones
    .venv/bin/python benchmarks/search_quality.py --set ../shared/eval/ntrex_public.jsonl

Sets: the two public ones in ../shared/eval and those derived from the multilingual treaty
texts by benchmarks/build_sets.py (written on first use). Each set's documents are indexed as
practices (``search.index.bulk_index``) into a temporary SQLite database (or DATABASE_URL).
``../shared/eval/xling_eval.py`` measures the same through the CLI and the HTTP API.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
EVAL = Path(os.environ.get("TREFPUNT_SHARED_EVAL", ROOT.parent / "shared" / "eval"))
DATA = ROOT / "benchmarks" / "data"
DEFAULT_SETS = [
    EVAL / "ntrex_public.jsonl",
    EVAL / "treaties_keywords_public.jsonl",
    DATA / "treaty_titles.jsonl",
    DATA / "treaty_articles.jsonl",
]
MODES = ("hybrid", "semantic", "lexical")


UNRELATED = {"tuned": "unrelated_queries.txt", "held-out": "unrelated_heldout.txt"}


def unrelated_queries(name: str = "unrelated_queries.txt") -> list[str]:
    with open(DATA / name, encoding="utf-8") as f:
        return [line.split("\t", 1)[1].strip() for line in f if line.strip() and line[0] != "#"]


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


def evaluate(queries: list[dict], mode: str) -> dict:
    from trefpunt.search.query import search

    scores = defaultdict(lambda: {"n": 0, "r10": 0, "mrr": 0.0})
    for query in queries:
        response = search(query["text"], types=["practice"], limit=10, mode=mode)
        ranked = [hit.external_id for hit in response.results]
        rank = next((i + 1 for i, e in enumerate(ranked) if e in query["relevant"]), None)
        for key in (query.get("tag") or "all", "ALL"):
            scores[key]["n"] += 1
            scores[key]["r10"] += rank is not None
            scores[key]["mrr"] += 1 / rank if rank else 0.0
    return scores


def false_positives(mode: str, name: str = "unrelated_queries.txt") -> float:
    from trefpunt.search.query import search

    queries = unrelated_queries(name)
    found = sum(1 for q in queries if search(q, types=["practice"], mode=mode).count)
    return found / len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", type=Path, help="evaluation set (JSONL)")
    args = parser.parse_args()
    sets = args.set or DEFAULT_SETS
    if any(not path.exists() and path.parent == DATA for path in sets):
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "build_sets.py")], check=True)
    temporary = setup_django()
    summary = []
    try:
        for path in sets:
            docs, queries = load(path)
            seconds = index_set(docs)
            results = {mode: evaluate(queries, mode) for mode in MODES}
            unrelated = {mode: false_positives(mode) for mode in MODES}
            held_out = {mode: false_positives(mode, UNRELATED["held-out"]) for mode in MODES}
            print(
                f"\n{path.name}: {len(docs)} documents indexed in {seconds:.1f} s, "
                f"{len(queries)} queries"
            )
            print(f"{'':22}" + "".join(f"{mode + ' R@10':>14} {'MRR':>6}" for mode in MODES))
            for key in sorted(results["hybrid"], key=lambda k: (k == "ALL", k)):
                cells = "".join(
                    f"{r[key]['r10'] / r[key]['n']:14.3f} {r[key]['mrr'] / r[key]['n']:6.3f}"
                    for r in results.values()
                )
                print(f"{key:22}{cells}   n={results['hybrid'][key]['n']}")
            for label, shares in (("tuned", unrelated), ("held-out", held_out)):
                print(
                    f"{'unrelated ' + label:22}"
                    + "".join(f"{shares[m]:14.0%} {'':6}" for m in MODES)
                )
            summary.append((path.name, results, unrelated, held_out))
        print(
            "\nset                          "
            + "".join(f"{m + ' R@10':>14} {'MRR':>6}" for m in MODES)
            + "  unrelated answered (hybrid): tuned, held-out"
        )
        for name, results, unrelated, held_out in summary:
            cells = "".join(
                f"{r['ALL']['r10'] / r['ALL']['n']:14.3f} {r['ALL']['mrr'] / r['ALL']['n']:6.3f}"
                for r in results.values()
            )
            print(f"{name:29}{cells}  {unrelated['hybrid']:.0%}, {held_out['hybrid']:.0%}")
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
