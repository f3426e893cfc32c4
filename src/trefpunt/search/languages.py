"""Languages of text in the index: query language detection, folding, stop words, stemming.

Both sides go through ``analyse``: text is folded first (``lib.text.fold``: no accents, no
case, no punctuation), stop words of the language are dropped, and the rest is stemmed with
Snowball (PyStemmer). Folding before stemming keeps the two sides equal whether or not a
reader types the accents (``ouvrieres`` and ``ouvrières`` give one stem), and it matches what
PostgreSQL's ``unaccent`` + Snowball configurations do on that backend.
"""

import re
import threading
from array import array
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import Stemmer

from trefpunt.lib.text import fold

from . import mapped

# Languages of the index; Luxembourgish has no Snowball stemmer and is only folded.
LANGUAGES = ("nl", "fr", "de", "en", "lb")
SNOWBALL = {"nl": "dutch", "fr": "french", "de": "german", "en": "english"}
# PostgreSQL text search configurations made by migration 0002 (unaccent + Snowball).
PG_CONFIGS = {
    "nl": "trefpunt_dutch",
    "fr": "trefpunt_french",
    "de": "trefpunt_german",
    "en": "trefpunt_english",
}
PG_SIMPLE = "trefpunt_simple"

# A query this short, or one detected with less confidence, is stemmed in every language.
SHORT_QUERY_WORDS = 3
MIN_CONFIDENCE = 0.8

# The Snowball stop word lists (as shipped with PostgreSQL), folded.
_STOP = {
    "nl": """aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen
        door dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe
        hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
        niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw
        van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij
        zijn zo zonder zou""",
    "fr": """a ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez
        aurions aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayante
        ayantes ayants ayez ayons c ce ces d dans de des du elle en es est et etaient etais etait
        etant etante etantes etants ete etee etees etes etiez etions eu eue eues eumes eurent eus
        eusse eussent eusses eussiez eussions eut eutes eux fumes furent fus fusse fussent fusses
        fussiez fussions fut futes il j je l la le leur lui m ma mais me meme mes moi mon n ne
        nos notre nous on ont ou par pas pour qu que qui s sa se sera serai seraient serais
        serait seras serez seriez serions serons seront ses soient sois soit sommes son sont
        soyez soyons suis sur t ta te tes toi ton tu un une vos votre vous y""",
    "de": """aber alle allem allen aller alles als also am an ander andere anderem anderen
        anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann
        das dass dasselbe dazu dein deine deinem deinen deiner deines dem demselben den denn
        denselben der derer derselbe derselben des desselben dessen dich die dies diese dieselbe
        dieselben diesem diesen dieser dieses dir doch dort du durch ein eine einem einen einer
        eines einig einige einigem einigen einiger einiges einmal er es etwas euch euer eure
        eurem euren eurer eures fur gegen gewesen hab habe haben hat hatte hatten hier hin hinter
        ich ihm ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem jeden
        jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines
        konnen konnte machen man manche manchem manchen mancher manches mein meine meinem meinen
        meiner meines mich mir mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr
        sein seine seinem seinen seiner seines selbst sich sie sind so solche solchem solchen
        solcher solches soll sollte sondern sonst uber um und uns unse unsem unsen unser unses
        unter viel vom von vor wahrend war waren warst was weg weil weiter welche welchem welchen
        welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte wurde
        wurden zu zum zur zwar zwischen""",
    "en": """a about above after again against all am an and any are as at be because been
        before being below between both but by can did do does doing don down during each few
        for from further had has have having he her here hers herself him himself his how i if
        in into is it its itself just me more most my myself no nor not now of off on once only
        or other our ours ourselves out over own s same she should so some such t than that the
        their theirs them themselves then there these they this those through to too under until
        up very was we were what when where which while who whom why will with you your yours
        yourself yourselves""",
    "lb": """a an as d de dat den der dee déi een eng en et fir mat net ass sinn vun zu
        op bei ech du hien si mir dir hir""",
}
STOP_WORDS: dict[str, frozenset[str]] = {
    code: frozenset(fold(words).split()) for code, words in _STOP.items()
}

_local = threading.local()  # PyStemmer objects are not thread-safe: one set per thread


def _stemmer(language: str):
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        algorithm = SNOWBALL.get(language)
        stemmers[language] = Stemmer.Stemmer(algorithm) if algorithm else None
    return stemmers[language]


def stem_words(words: list[str], language: str) -> list[str]:
    stemmer = _stemmer(language)
    return stemmer.stemWords(words) if stemmer is not None else list(words)


def analyse(text: str, language: str) -> list[str]:
    """Index terms of ``text`` in ``language``: folded, without stop words, stemmed."""
    stop = STOP_WORDS.get(language, frozenset())
    words = [word for word in fold(text).split() if word not in stop]
    return stem_words(words, language)


_LANGID_PARTS = ("ptc", "pc", "classes", "nextmove", "row", "output")


def _langid_model(model_file: Path) -> tuple:
    """py3langid's model arrays. The package ships them LZMA-compressed (decompressing took
    2–5 s of every cold start on the loaded 2-core machine); they are memory-mapped from an
    uncompressed copy instead (``mapped``: one copy of the 28 MB table in the page cache)."""
    from py3langid import modelio  # noqa: PLC0415 (heavy, loaded on first use)

    def make() -> dict[str, np.ndarray]:
        ptc, pc, classes, nextmove, row, output = modelio.load_model(model_file)
        values = (ptc, pc, np.array(classes), _typed(nextmove), _typed(row), np.array(output))
        return dict(zip(_LANGID_PARTS, values, strict=True))

    arrays = mapped.load_or_make(f"langid-{model_file.stat().st_size}", make)
    return (
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        memoryview(arrays["nextmove"]),  # read a byte at a time: a memoryview gives ints
        memoryview(arrays["row"]),
        arrays["output"].tolist(),
    )


_WIDTHS = {"H": np.uint16, "I": np.uint32, "L": np.uint64}


def _typed(values: array) -> np.ndarray:
    return np.frombuffer(values, dtype=_WIDTHS[values.typecode])


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier  # noqa: PLC0415 (heavy, loaded on first use)

    ptc, pc, classes, nextmove, row, output = _langid_model(Path(MODEL_DIR) / MODEL_FILE)
    identifier = LanguageIdentifier(
        ptc, np.asarray(pc), classes, nextmove, output, norm_probs=True, tk_row=row
    )
    identifier.set_languages(list(LANGUAGES))
    return identifier


_detect_lock = threading.Lock()


def detect(text: str) -> tuple[str, float]:
    """The most likely of our languages for ``text`` and its probability (0–1)."""
    with _detect_lock:
        language, probability = _identifier().classify(text)
    return str(language), float(probability)


@dataclass(frozen=True)
class QueryLanguage:
    detected: str | None  # the query's language; None ("unknown") when short or uncertain
    confidence: float
    stem_in: tuple[str, ...]  # languages the query terms are stemmed in
    gibberish: bool = False  # most words look like keyboard noise: nothing can match

    @property
    def is_certain(self) -> bool:
        return len(self.stem_in) == 1


# Keyboard rows (QWERTY, AZERTY, QWERTZ), both ways: five keys in a row are noise, not a word.
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop")
_ROW_RUNS = frozenset(
    row[i : i + 5] for base in _ROWS for row in (base, base[::-1]) for i in range(len(row) - 4)
)
_VOWEL = re.compile(r"[aeiou]")
_REPEATED = re.compile(r"(\w)\1{3}")


def looks_like_noise(word: str) -> bool:
    """A word no language of ours writes: five keys along a keyboard row ("qwert", "asdfg"), no
    vowel at all, or one letter four times. Acronyms (typed in capitals) and words with digits
    are kept: "NMBS", "A2", "BWBV0004497"."""
    if not word.isalpha() or word.isupper():
        return False
    folded = fold(word)
    return (
        any(folded[i : i + 5] in _ROW_RUNS for i in range(len(folded) - 4))
        or _VOWEL.search(folded) is None
        or _REPEATED.search(folded) is not None
    )


def query_language(query: str) -> QueryLanguage:
    """The query's language when it can be told (``SHORT_QUERY_WORDS`` words or more, detected
    with ``MIN_CONFIDENCE``); otherwise ``detected`` is None and the words are stemmed in every
    language. A query whose words are mostly keyboard noise is marked ``gibberish``."""
    words = fold(query).split()
    if not words:
        return QueryLanguage(None, 0.0, LANGUAGES)
    noise = sum(looks_like_noise(word) for word in query.split())
    if 2 * noise >= len(query.split()):
        return QueryLanguage(None, 0.0, LANGUAGES, gibberish=True)
    language, confidence = detect(query)
    if len(words) < SHORT_QUERY_WORDS or confidence < MIN_CONFIDENCE:
        return QueryLanguage(None, confidence, LANGUAGES)
    return QueryLanguage(language, confidence, (language,))


def query_terms(query: str, languages: tuple[str, ...]) -> list[set[str]]:
    """One set of alternative index terms per query word (its stem in each language where it
    is not a stop word); words that are stop words everywhere are left out."""
    groups = []
    for word in fold(query).split():
        alternatives = {
            stem_words([word], language)[0]
            for language in languages
            if word not in STOP_WORDS.get(language, ())
        }
        if alternatives:
            groups.append(alternatives)
    return groups
