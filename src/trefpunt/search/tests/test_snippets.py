"""Snippets mark every word of the text that has a query word's stem, accented or not."""

from trefpunt.search import languages as lang
from trefpunt.search import snippets


def snippet(text: str, language: str, q: str) -> str:
    query_language = lang.QueryLanguage(None, 0.0, (language,))
    return snippets.snippet([(1, text)], language, q, query_language, None)[0]


def test_accented_words_are_marked_for_a_query_without_accents():
    assert snippet("Des écoles et une École.", "fr", "ecoles") == (
        "Des <mark>écoles</mark> et une <mark>École</mark>."
    )
    assert snippet("Alte Häuser werden gedämmt.", "de", "hauser") == (
        "Alte <mark>Häuser</mark> werden gedämmt."
    )


def test_only_words_with_the_stem_are_marked():
    assert snippet("Houses, a house, a hose and a mouse.", "en", "house") == (
        "<mark>Houses</mark>, a <mark>house</mark>, a hose and a mouse."
    )
