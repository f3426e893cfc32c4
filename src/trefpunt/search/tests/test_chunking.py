"""Passages are bounded whatever the text: the embedder never sees more than MAX_CHARS."""

import time

from trefpunt.search import chunking


def test_a_word_longer_than_a_passage_is_cut():
    parts = chunking.passages("a" * 3000)

    assert [len(part) for part in parts] == [600, 600, 600, 600, 600]
    assert "".join(parts) == "a" * 3000


def test_no_passage_of_an_unbroken_text_exceeds_the_maximum():
    parts = chunking.passages("word " * 10 + "x" * 300_000 + " end.")

    assert max(len(part) for part in parts) <= chunking.MAX_CHARS
    assert parts[-1].endswith("end.")


def test_a_text_has_at_most_max_passages():
    text = " ".join(f"Sentence number {n} is here." for n in range(50_000))

    assert len(chunking.passages(text)) == chunking.MAX_PASSAGES


def test_markup_that_never_closes_is_cut_in_linear_time():
    texts = [
        "<!--" * 75_000,
        "<script " * 40_000,
        "<p " * 100_000,
        "[x](" * 75_000,
        " \n" * 150_000,
        "A. B. " * 50_000,
    ]
    started = time.perf_counter()

    counts = [len(chunking.passages(chunking.plain_text(text))) for text in texts]

    assert time.perf_counter() - started < 5
    assert counts == [500, 534, 500, 500, 0, 500]


def test_markup_is_still_removed():
    text = "<style>p {}</style><p>One <b>bold</b> <!-- note --> [link](https://x.eu).</p>## Two"

    assert chunking.plain_text(text) == "One bold link.\nTwo"
