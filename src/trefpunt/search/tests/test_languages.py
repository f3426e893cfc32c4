from trefpunt.search import chunking
from trefpunt.search.languages import LANGUAGES, analyse, query_language


def test_long_queries_are_stemmed_in_their_language_only():
    detected = query_language("De oorspronkelijke kerkgemeente is in de jaren dertig vertrokken")

    assert (detected.detected, detected.stem_in) == ("nl", ("nl",))


def test_short_queries_are_stemmed_in_every_language_and_their_language_is_unknown():
    detected = query_language("woningen")

    assert detected.stem_in == LANGUAGES
    assert (detected.detected, detected.gibberish) == (None, False)


def test_keyboard_noise_is_gibberish_of_no_language():
    for noise in ("xyzzy qwerty", "asdf jkl", "qwertzuiop", "kjdhf sdkjfh", "aaaaaa"):
        detected = query_language(noise)
        assert (detected.detected, detected.gibberish) == (None, True), noise
    for words in ("Lüttich", "pizza", "Pflichtversicherung Haftpflicht", "NMBS", "liberty"):
        assert query_language(words).gibberish is False, words


def test_analyse_folds_drops_stop_words_and_stems():
    assert analyse("De oude Woningen in Genk", "nl") == ["oude", "woon", "genk"]
    assert analyse("Les maisons ouvrières", "fr") == analyse("les maisons ouvrieres", "fr")
    assert analyse("Moien Lëtzebuerg", "lb") == ["moien", "letzebuerg"]


def test_plain_text_drops_markup_but_keeps_comparisons():
    assert chunking.plain_text(
        "<p>Verbruik < 90 kWh</p><script>x()</script><ul><li>a</li></ul>"
    ) == ("Verbruik < 90 kWh\na")
    assert chunking.plain_text("##Titel\nZie [het verdrag](../../x/README.md).") == (
        "Titel\nZie het verdrag."
    )


def test_sentences_do_not_end_at_abbreviations_or_initials():
    assert chunking.sentences("Zie art. 5 van het verdrag. J. Smit tekende z.B. mee. Klaar!") == [
        "Zie art. 5 van het verdrag.",
        "J. Smit tekende z.B. mee.",
        "Klaar!",
    ]


def test_passages_hold_whole_sentences_and_share_one_with_the_next():
    sentences = [f"Dit is zin nummer {n} over de samenwerking tussen steden." for n in range(40)]
    passages = chunking.passages(" ".join(sentences))

    assert all(len(p) <= chunking.MAX_CHARS for p in passages)
    assert all(p.endswith(".") for p in passages)
    for before, after in zip(passages, passages[1:], strict=False):
        assert after.startswith(before.rsplit(". ", 1)[-1])
    assert all(any(s in p for p in passages) for s in sentences)
