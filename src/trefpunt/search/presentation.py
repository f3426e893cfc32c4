"""How a search hit is shown: its type and language in words, the links to the text it was
found in and to the reader's translation, and its safe snippet. The site's search page and the
practices list share it."""

from dataclasses import dataclass

from django.urls import get_script_prefix

from trefpunt.lib.languages import LANGUAGE_LABELS

from . import query as engine
from .registry import type_labels


@dataclass
class PresentedHit:
    """A search hit with the addresses the page links to."""

    hit: object
    url: str  # the record in the language the hit was found in
    reader_url: str  # the same record in the reader's language, when a translation exists
    type_label: str
    language_label: str
    snippet: str

    def __getattr__(self, name):
        return getattr(self.hit, name)


def present_hits(hits, reader: str) -> list[PresentedHit]:
    """Links for each hit: to the text it was found in and, when the record has one, to the
    translation in the reader's language (``?lang=`` picks the text on the practice page)."""
    prefix = f"{get_script_prefix()}{reader}"
    labels = type_labels()
    presented = []
    for hit in hits:
        base = f"{prefix}{hit.path}"
        languages = list(hit.languages or [hit.language])
        several = len(languages) > 1
        presented.append(
            PresentedHit(
                hit=hit,
                url=f"{base}?lang={hit.language}" if several and hit.language else base,
                reader_url=f"{base}?lang={reader}"
                if reader != hit.language and reader in languages
                else "",
                type_label=labels.get(hit.type, hit.type),
                language_label=LANGUAGE_LABELS.get(hit.language, hit.language),
                # The engine escapes the indexed text and adds only <mark> (snippets.snippet).
                snippet=engine.safe_snippet(hit.snippet),
            )
        )
    return presented
