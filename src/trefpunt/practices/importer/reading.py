"""Reading practices and collections to import: JSON Lines, one object per line, each line
parsed into a record whose fields are cleaned (``docs/import-formats.md`` describes the format).
A line that cannot be read becomes an ``ImportProblem`` naming it."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from trefpunt.lib.richtext import sanitise
from trefpunt.places.importers.base import ImportProblem, count_lines, json_lines

from ..models import CONTENT_LANGUAGES, CollectionKind, Origin, Stage, Status

LANGUAGES = tuple(code for code, _label in CONTENT_LANGUAGES)
RICH_TEXT_FIELDS = ("summary", "body")
IMPORT_SCALARS = (
    "language",
    "title",
    "summary",
    "body",
    "results",
    "costs",
    "transferability",
    "contacts",
    "url",
    "stage",
    "period_start",
    "period_end",
)
IMPORT_LISTS = ("themes", "territories", "organisations")
IMPORT_KEYS = frozenset(
    ("external_id", "owner", "status", "is_demo", "translations", *IMPORT_SCALARS, *IMPORT_LISTS)
)
IMPORT_STATUSES = (Status.PUBLISHED, Status.DRAFT)
TRANSLATION_KEYS = frozenset(
    ("language", "title", "summary", "body", "results", "transferability", "origin")
)
COLLECTION_KEYS = frozenset(
    ("slug", "kind", "language", "title", "introduction", "owner", "is_demo", "items")
    + ("translations",)
)
COLLECTION_TRANSLATION_KEYS = frozenset(("language", "title", "introduction", "origin"))


@dataclass(slots=True)
class PracticeRecord:
    """One practice to import; ``values`` holds only the fields the source gives."""

    line: int
    external_id: str
    values: dict
    themes: list[str] | None = None
    territories: list[str] | None = None
    organisations: list[str] | None = None
    owner: str | None = None
    translations: list[dict] | None = None  # each with its language and its cleaned fields


@dataclass(slots=True)
class CollectionRecord:
    """One collection to import: its fields, its practices (external ids) in order."""

    line: int
    slug: str
    values: dict
    owner: str | None = None
    items: list[str] = field(default_factory=list)
    translations: list[dict] = field(default_factory=list)


_url = URLValidator(schemes=["http", "https"])


def _text(data: dict, key: str, line: int, *, limit: int | None = None) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ImportProblem(_("“%(field)s” must be text") % {"field": key}, line=line)
    value = value.strip()
    if limit and len(value) > limit:
        raise ImportProblem(
            _("“%(field)s” is longer than %(limit)s characters") % {"field": key, "limit": limit},
            line=line,
        )
    return value


def _date(data: dict, key: str, line: int) -> date | None:
    value = data.get(key)
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ImportProblem(
            _("“%(field)s” is not a date like 2024-03-31: %(value)r")
            % {"field": key, "value": value},
            line=line,
        ) from None


def _codes(data: dict, key: str, line: int) -> list[str] | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ImportProblem(
            _("“%(field)s” must be a list of identifiers") % {"field": key}, line=line
        )
    return list(dict.fromkeys(item.strip() for item in value if item.strip()))


def _unknown_keys(data: dict, known: frozenset, line: int) -> None:
    unknown = sorted(set(data) - known)
    if unknown:
        raise ImportProblem(
            _("unknown field(s) %(fields)s") % {"fields": ", ".join(unknown)}, line=line
        )


def _translation_list(data: dict, original: str, known: frozenset, line: int) -> list[dict]:
    """The objects of ``data["translations"]``, each in another language than ``original``
    (once) and made by a human or a machine; ``origin`` defaults to human."""
    value = data.get("translations")
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        raise ImportProblem(_("“translations” must be a list of objects"), line=line)
    seen = set()
    for item in value:
        _unknown_keys(item, known, line)
        language = item.get("language")
        if language not in LANGUAGES or language == original:
            raise ImportProblem(
                _("unknown translation language %(value)r; use another of %(known)s")
                % {"value": language, "known": ", ".join(LANGUAGES)},
                line=line,
            )
        if language in seen:
            raise ImportProblem(
                _("the translation into %(language)s appears twice") % {"language": language},
                line=line,
            )
        seen.add(language)
        if item.get("origin", Origin.HUMAN) not in Origin.values:
            raise ImportProblem(
                _("unknown origin %(value)r; use %(known)s")
                % {"value": item["origin"], "known": ", ".join(Origin.values)},
                line=line,
            )
        if not _text(item, "title", line):
            raise ImportProblem(
                _("the translation into %(language)s has no title") % {"language": language},
                line=line,
            )
    return value


def _translations(data: dict, original: str, line: int) -> list[dict] | None:
    if "translations" not in data:
        return None
    return [
        {
            "language": item["language"],
            "title": _text(item, "title", line, limit=1000),
            "summary": sanitise(_text(item, "summary", line)),
            "body": sanitise(_text(item, "body", line)),
            "results": _text(item, "results", line),
            "transferability": _text(item, "transferability", line),
            "origin": item.get("origin", Origin.HUMAN),
        }
        for item in _translation_list(data, original, TRANSLATION_KEYS, line)
    ]


def parse_record(data, line: int) -> PracticeRecord:
    """Check one decoded source object; raises ``ImportProblem`` naming the line."""
    if not isinstance(data, dict):
        raise ImportProblem(_("expected a JSON object"), line=line)
    unknown = sorted(set(data) - IMPORT_KEYS)
    if unknown:
        raise ImportProblem(
            _("unknown field(s) %(fields)s") % {"fields": ", ".join(unknown)}, line=line
        )
    external_id = _text(data, "external_id", line, limit=120)
    if not external_id:
        raise ImportProblem(_("“external_id” is missing"), line=line)
    values: dict = {}
    for key in ("title", "summary", "body", "results", "costs", "transferability", "contacts"):
        if key in data:
            values[key] = _text(data, key, line, limit=1000 if key == "title" else None)
    if not values.get("title"):
        raise ImportProblem(_("the title is missing"), line=line)
    language = data.get("language")
    if language not in LANGUAGES:
        raise ImportProblem(
            _("unknown language %(value)r; use %(known)s")
            % {"value": language, "known": ", ".join(LANGUAGES)},
            line=line,
        )
    values["language"] = language
    for key in RICH_TEXT_FIELDS:
        if key in values:
            values[key] = sanitise(values[key])
    if "stage" in data:
        if data["stage"] not in Stage.values:
            raise ImportProblem(
                _("unknown stage %(value)r; use %(known)s")
                % {"value": data["stage"], "known": ", ".join(Stage.values)},
                line=line,
            )
        values["stage"] = data["stage"]
    for key in ("period_start", "period_end"):
        if key in data:
            values[key] = _date(data, key, line)
    start, end = values.get("period_start"), values.get("period_end")
    if start and end and end < start:
        raise ImportProblem(_("the period ends before it starts"), line=line)
    if "url" in data:
        url = _text(data, "url", line, limit=500)
        if url:
            try:
                _url(url)
            except ValidationError:
                raise ImportProblem(
                    _("“url” is not a web address: %(value)r") % {"value": url}, line=line
                ) from None
        values["url"] = url
    if "status" in data:
        if data["status"] not in IMPORT_STATUSES:
            raise ImportProblem(
                _("unknown status %(value)r; use %(known)s")
                % {"value": data["status"], "known": ", ".join(IMPORT_STATUSES)},
                line=line,
            )
        values["status"] = data["status"]
    if "is_demo" in data:
        if not isinstance(data["is_demo"], bool):
            raise ImportProblem(_("“is_demo” must be true or false"), line=line)
        values["is_demo"] = data["is_demo"]
    owner = _text(data, "owner", line) or None
    return PracticeRecord(
        line=line,
        external_id=external_id,
        values=values,
        themes=_codes(data, "themes", line),
        territories=_codes(data, "territories", line),
        organisations=_codes(data, "organisations", line),
        owner=owner,
        translations=_translations(data, language, line),
    )


def parse_collection(data, line: int) -> CollectionRecord:
    """Check one decoded collection object; raises ``ImportProblem`` naming the line."""
    if not isinstance(data, dict):
        raise ImportProblem(_("expected a JSON object"), line=line)
    _unknown_keys(data, COLLECTION_KEYS, line)
    slug = _text(data, "slug", line, limit=80)
    if not slug:
        raise ImportProblem(_("“%(field)s” is missing") % {"field": "slug"}, line=line)
    language = data.get("language")
    if language not in LANGUAGES:
        raise ImportProblem(
            _("unknown language %(value)r; use %(known)s")
            % {"value": language, "known": ", ".join(LANGUAGES)},
            line=line,
        )
    kind = data.get("kind", CollectionKind.TOOLKIT)
    if kind not in CollectionKind.values:
        raise ImportProblem(
            _("unknown kind %(value)r; use %(known)s")
            % {"value": kind, "known": ", ".join(CollectionKind.values)},
            line=line,
        )
    values = {
        "language": language,
        "kind": kind,
        "title": _text(data, "title", line, limit=1000),
        "introduction": _text(data, "introduction", line),
        "is_demo": data.get("is_demo", False) is True,
    }
    if not values["title"]:
        raise ImportProblem(_("the title is missing"), line=line)
    translations = []
    if "translations" in data:
        translations = [
            {
                "language": item["language"],
                "title": _text(item, "title", line, limit=1000),
                "introduction": _text(item, "introduction", line),
                "origin": item.get("origin", Origin.HUMAN),
            }
            for item in _translation_list(data, language, COLLECTION_TRANSLATION_KEYS, line)
        ]
    return CollectionRecord(
        line=line,
        slug=slug,
        values=values,
        owner=_text(data, "owner", line) or None,
        items=_codes(data, "items", line) or [],
        translations=translations,
    )


class PracticeFile:
    """The practices of a JSON Lines file (one object per line; blank lines are skipped).

    ``parse`` turns a decoded line into a record (``parse_collection`` reads collections).

    Iterating reads the file again each time, so a hundred thousand lines never sit in memory
    at once; a line that cannot be read yields an ``ImportProblem`` instead of a record.
    """

    def __init__(self, path: str | Path, parse=None):
        self.path = Path(path)
        self.parse = parse or parse_record

    def __iter__(self) -> Iterator:
        for number, data in json_lines(self.path):
            if isinstance(data, ImportProblem):
                yield data
                continue
            try:
                yield self.parse(data, number)
            except ImportProblem as problem:
                yield problem

    def count_lines(self) -> int:
        return count_lines(self.path)
