"""A collection compiled into a printable toolkit (PDF) in the reader's language."""

import hashlib
import re
from dataclasses import dataclass, field

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from trefpunt.lib.languages import LANGUAGE_LABELS
from trefpunt.lib.pdf import html_to_pdf

from .models import (
    Collection,
    CollectionItem,
    CollectionTranslation,
    Origin,
    Practice,
    PracticeTranslation,
    Status,
)

TEMPLATE = "practices/collection_pdf.html"
# Raise it when the template or the layout changes: every cached toolkit is then made afresh.
PDF_FORMAT = 1
CACHE_SECONDS = 7 * 24 * 3600
_PLACEHOLDER = re.compile(r"%\((page|pages)\)s")


@dataclass
class Section:
    """One practice as the reader sees it: translated where possible, with a note if not."""

    number: int
    anchor: str
    title: str
    summary: SafeString
    body: SafeString
    results: SafeString
    transferability: SafeString
    note: str = ""
    editor_note: SafeString = mark_safe("")
    territories: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    stage: str = ""
    period: str = ""


def _rich(value: str) -> SafeString:
    """Stored rich text is cleaned on write (``lib.richtext.sanitise``); plain text is
    escaped."""
    if "<" in value:
        return mark_safe(value)  # noqa: S308 (cleaned by nh3 when it was saved)
    return mark_safe(linebreaks(value, autoescape=True))  # noqa: S308 (escaped just now)


def _language_name(code: str) -> str:
    return str(LANGUAGE_LABELS.get(code, code))


def _note(original_language: str, translation) -> str:
    if translation is None:
        return _("Not yet translated: original in %(language)s.") % {
            "language": _language_name(original_language)
        }
    if translation.origin == Origin.MACHINE:
        return _("Machine translation from %(language)s.") % {
            "language": _language_name(original_language)
        }
    return ""


def _period(practice: Practice) -> str:
    start, end = practice.period_start, practice.period_end
    if start and end:
        return _("%(start)s–%(end)s") % {"start": start.year, "end": end.year}
    if start:
        return _("since %(year)s") % {"year": start.year}
    return ""


def _section(number: int, item: CollectionItem, language: str) -> Section:
    practice = item.practice
    translation = practice.translation_in(language) if practice.language != language else None
    shown = translation or practice
    return Section(
        number=number,
        anchor=f"practice-{practice.pk}",
        title=shown.title,
        summary=_rich(shown.summary),
        body=_rich(shown.body),
        results=_rich(shown.results),
        transferability=_rich(shown.transferability),
        note="" if practice.language == language else _note(practice.language, translation),
        editor_note=_rich(item.note),
        territories=[t.name_in(language) for t in practice.territories.all()],
        themes=[theme.name_in(language) for theme in practice.themes.all()],
        stage=practice.get_stage_display(),
        period=_period(practice),
    )


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return '"' + escaped.replace("<", "\\3c ") + '"'


def _page_counter_css() -> SafeString:
    """The CSS ``content`` of the page footer, e.g. ``"Page " counter(page) " of " …``."""
    label = _("Page %(page)s of %(pages)s")
    parts = []
    for position, piece in enumerate(_PLACEHOLDER.split(label)):
        if position % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(_css_string(piece))
    return mark_safe(" ".join(parts))  # noqa: S308 (quoted by _css_string)


def collection_context(collection: Collection, language: str) -> dict:
    """What the template shows; call inside ``override(language)``."""
    # A compiled toolkit is public: it never includes drafts or archived practices.
    items = (
        CollectionItem.objects.filter(collection=collection, practice__status=Status.PUBLISHED)
        .select_related("practice")
        .prefetch_related(
            "practice__translations",
            "practice__themes__names",
            "practice__territories__names",
        )
        .order_by("position")
    )
    translation = collection.translation_in(language) if collection.language != language else None
    shown = translation or collection
    collection_note = ""
    if collection.language != language:
        collection_note = _note(collection.language, translation)
    sections = [_section(number, item, language) for number, item in enumerate(items, start=1)]
    return {
        "language": language,
        "title": shown.title,
        "introduction": _rich(shown.introduction),
        "collection_note": collection_note,
        "kind": collection.get_kind_display(),
        "sections": sections,
        "printed": date_format(timezone.localdate(), "DATE_FORMAT"),
        "page_counter": _page_counter_css(),
    }


def render_collection_html(collection: Collection, language: str) -> str:
    """The HTML the PDF is made from (handy in tests and for a print preview)."""
    with override(language):
        return render_to_string(TEMPLATE, collection_context(collection, language))


def render_collection_pdf(collection: Collection, language: str) -> bytes:
    """The collection as a PDF toolkit in ``language`` (translations where they exist)."""
    return html_to_pdf(render_collection_html(collection, language))


def pdf_stamp(collection: Collection, language: str) -> str:
    """What the toolkit is made of, in three small queries: the collection (its ``updated_at``
    moves with every change of fields, items, order or translation), its translations, and
    each item's position, note and practice (status, version, ``updated_at``) with the
    practices' translations. Any change gives another stamp, so a fresh PDF; the printing date
    is part of it too."""
    collection_row = Collection.objects.filter(pk=collection.pk).values_list(
        "updated_at", "title", "introduction", "language", "kind", "review", "status"
    )
    items = CollectionItem.objects.filter(collection=collection).values_list(
        "practice_id",
        "position",
        "note",
        "practice__status",
        "practice__version",
        "practice__updated_at",
        "practice__language",
    )
    translations = (
        CollectionTranslation.objects.filter(collection=collection)
        .order_by("language")
        .values_list("language", "title", "introduction", "origin")
    )
    practice_translations = (
        PracticeTranslation.objects.filter(practice__collection_items__collection=collection)
        .order_by("practice_id", "language")
        .values_list("practice_id", "language", "updated_at", "origin")
    )
    payload = repr(
        (
            PDF_FORMAT,
            language,
            str(timezone.localdate()),
            list(collection_row),
            list(items.order_by("position")),
            list(translations),
            list(practice_translations),
        )
    )
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def cached_collection_pdf(collection: Collection, language: str) -> bytes:
    """The toolkit from the cache while nothing in it changed, else rendered and cached."""
    key = f"practices:collection-pdf:{collection.pk}:{language}:{pdf_stamp(collection, language)}"
    data = cache.get(key)
    if data is None:
        data = render_collection_pdf(collection, language)
        cache.set(key, data, CACHE_SECONDS)
    return data
