"""Snippets of a hit: the passage that holds most of the query's words (stemmed as the index
stems them), cut around the first of them, everything escaped and only the matched words
wrapped in ``<mark>``."""

import html
import re
from functools import lru_cache

from . import languages as lang

SNIPPET_CHARS = 240
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1024)
def _query_stems(q: str, language: str, query_language) -> frozenset[str]:
    stem_in = tuple(dict.fromkeys((language, *query_language.stem_in)))
    return frozenset(term for group in lang.query_terms(q, stem_in) for term in group)


@lru_cache(maxsize=200_000)
def _index_term(word: str, language: str) -> str | None:
    """The index term of one word of a text (None for a stop word)."""
    folded = word.lower() if word.isascii() else lang.fold(word)
    if not folded or folded in lang.STOP_WORDS.get(language, ()):
        return None
    return lang.stem_words([folded.split()[0]], language)[0]


def _marked_spans(text: str, language: str, stems: frozenset[str]) -> list[tuple[int, int]]:
    # Snowball changes endings only: a word can match only if it starts as a stem does
    # (words starting with other letters than ASCII are stemmed anyway). Skipping the others
    # keeps snippets of long passages cheap (measured: much of a hybrid query's time).
    heads = _heads(stems)
    spans = []
    for match in _WORD.finditer(text):
        word = match.group()
        head = word[:2].lower()
        if head not in heads and head.isascii():
            continue
        if _index_term(word, language) in stems:
            spans.append(match.span())
    return spans


@lru_cache(maxsize=1024)
def _heads(stems: frozenset[str]) -> frozenset[str]:
    return frozenset(stem[:2] for stem in stems)


def snippet(passages, language, q, query_language, semantic_position) -> tuple[str, str]:
    """The snippet (HTML) and the passage it comes from."""
    if not passages:
        return "", ""
    stems = _query_stems(q, language, query_language)
    if len(passages) > 1:  # chunk 0 is the title, shown anyway
        passages = passages[1:]
    best, best_spans, best_key = passages[0][1], [], (-1, False)
    for position, text in passages:
        spans = _marked_spans(text, language, stems)
        distinct = len({text[a:b].lower() for a, b in spans})
        key = (distinct, position == semantic_position)
        if key > best_key:
            best, best_spans, best_key = text, spans, key
    start = 0
    if best_spans and best_spans[0][0] > SNIPPET_CHARS // 3:
        start = best.rfind(" ", 0, best_spans[0][0] - SNIPPET_CHARS // 4) + 1
    end = min(len(best), start + SNIPPET_CHARS)
    if end < len(best):
        end = max(best.rfind(" ", start, end), start + SNIPPET_CHARS // 2)
    parts = ["…"] if start > 0 else []
    cursor = start
    for a, b in best_spans:
        if a < start or b > end:
            continue
        parts.append(html.escape(best[cursor:a]))
        parts.append(f"<mark>{html.escape(best[a:b])}</mark>")
        cursor = b
    parts.append(html.escape(best[cursor:end]))
    if end < len(best):
        parts.append("…")
    return "".join(parts), best
