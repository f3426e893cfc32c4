"""Derive extra evaluation sets from public parallel text available offline (the multilingual
treaty texts in ../shared/data/nl-crossborder-treaties), in the format of
../shared/eval/xling_eval.py, so ranking is never tuned to the published query files alone.

    .venv/bin/python benchmarks/build_sets.py        # writes benchmarks/data/*.jsonl

- ``treaty_titles.jsonl``: the 425 acts as Dutch documents (title + first 3,000 characters, as
  the public keyword set); queries: the French, German or English title of the acts that carry
  one (the heading of that language's section), cut to its first 12 words.
- ``treaty_articles.jsonl``: Dutch articles of the acts that carry another authentic language
  as documents; queries: the first sentence of the same article in French, German or English
  (short, everyday-length sentences whose answer is a short Dutch text).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trefpunt.legal import parsing  # noqa: E402

SOURCE = ROOT.parent / "shared" / "data" / "nl-crossborder-treaties"
OUT = ROOT / "benchmarks" / "data"
QUERY_LANGUAGES = ("fr", "de", "en")
MAX_ARTICLE_QUERIES = 240


def _acts():
    with open(SOURCE / "treaties_crossborder_BE_LU_DE_FR.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def _plain(text: str) -> str:
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"[#*]+", " ", text)


def _first_sentence(text: str, words: int = 30) -> str:
    sentence = re.split(r"(?<=[.;:])\s", " ".join(_plain(text).split()), maxsplit=1)[0]
    return " ".join(sentence.split()[:words])


def _write(name: str, docs: list[dict], queries: list[dict]) -> None:
    with open(OUT / name, "w", encoding="utf-8") as f:
        for record in [*docs, *queries]:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{name}: {len(docs)} documents, {len(queries)} queries")


def main() -> None:
    title_docs, title_queries, article_docs, article_queries = [], [], [], []
    for act in _acts():
        bwb = act["bwb_id"]
        text = act["text"]
        title_docs.append(
            {
                "kind": "doc",
                "external_id": f"treaty-{bwb}",
                "language": "nl",
                "title": act["title"],
                "body": text[:3000],
            }
        )
        articles = parsing.split_articles(text, "nl")
        for language, title in parsing.section_titles(text, articles, "nl").items():
            if language in QUERY_LANGUAGES:
                title_queries.append(
                    {
                        "kind": "query",
                        "qid": f"title-{bwb}-{language}",
                        "language": language,
                        "text": " ".join(_plain(title).split()[:12]),
                        "relevant": [f"treaty-{bwb}"],
                        "tag": f"{language}->nl title",
                    }
                )
        dutch = {
            a.number.lower(): a for a in articles if a.language == "nl" and a.anchor.count("-") == 1
        }
        others = [a for a in articles if a.language in QUERY_LANGUAGES]
        if not others:
            continue
        for article in dutch.values():
            if len(article.text) >= 120:
                article_docs.append(
                    {
                        "kind": "doc",
                        "external_id": f"{bwb}-{article.anchor}",
                        "language": "nl",
                        "title": f"Artikel {article.number}",
                        "body": _plain(article.text),
                    }
                )
        for other in others:
            target = dutch.get(other.number.lower())
            sentence = _first_sentence(other.text)
            if target is None or len(target.text) < 120 or len(sentence.split()) < 6:
                continue
            article_queries.append(
                {
                    "kind": "query",
                    "qid": f"article-{bwb}-{other.anchor}",
                    "language": other.language,
                    "text": sentence,
                    "relevant": [f"{bwb}-{target.anchor}"],
                    "tag": f"{other.language}->nl article",
                }
            )
    # Spread the article queries over the acts (every k-th), not the first acts only.
    step = max(1, len(article_queries) // MAX_ARTICLE_QUERIES)
    article_queries = article_queries[::step][:MAX_ARTICLE_QUERIES]
    _write("treaty_titles.jsonl", title_docs, title_queries)
    _write("treaty_articles.jsonl", article_docs, article_queries)


if __name__ == "__main__":
    main()
