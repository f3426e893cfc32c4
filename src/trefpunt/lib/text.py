"""Text normalisation shared by name lookup and search keys."""

import re

from unidecode import unidecode

_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: ``"Liège"`` → ``"liege"``.

    ``Lüttich`` folds to ``luttich`` (Unidecode drops the umlaut); German transliteration
    ``ue`` is handled by also indexing the ``ue``/``oe``/``ae`` spelling, see ``variants``.
    """
    return _NON_ALNUM.sub(" ", unidecode(text).lower()).strip()


def variants(text: str) -> set[str]:
    """Folded keys of a name, including the German ``ü → ue`` transliteration."""
    keys = {fold(text)}
    german = (
        text.replace("ü", "ue")
        .replace("ö", "oe")
        .replace("ä", "ae")
        .replace("Ü", "Ue")
        .replace("Ö", "Oe")
        .replace("Ä", "Ae")
        .replace("ß", "ss")
    )
    keys.add(fold(german))
    return {key for key in keys if key}
