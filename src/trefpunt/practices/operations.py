"""Every write to practices, their translations, attachments, links and collections.

Views, the API, admin actions, the demo loader and the CLI all call these functions. Each runs
in one transaction, checks who may write (curators, or editors of the owning organisation;
``user=None`` is the system itself: CLI and demo loader), cleans rich text, writes one history
row with the acting user and updates the search index before the transaction commits.
"""

import json
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import connection, reset_queries, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.richtext import sanitise
from trefpunt.organisations.models import Organisation
from trefpunt.places.importers.base import ImportProblem, open_text
from trefpunt.places.models import Territory
from trefpunt.search import index as search_index

from . import access
from .models import (
    CONTENT_LANGUAGES,
    Attachment,
    Collection,
    CollectionItem,
    CollectionKind,
    CollectionTranslation,
    Link,
    Origin,
    Practice,
    PracticeTranslation,
    Stage,
    Status,
    Theme,
)
from .search import DOC_TYPE, documents_for, documents_for_ids, indexable

LANGUAGES = tuple(code for code, _label in CONTENT_LANGUAGES)
RELATED = ("themes", "territories", "organisations")
PRACTICE_FIELDS = (
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
    "owner",
    "external_id",
    "is_demo",
)
RICH_TEXT_FIELDS = ("summary", "body")


class EditConflict(ValidationError):
    """Someone else saved the record since the editor loaded it."""


# Permissions (the rules live in ``access``) ---------------------------------------------------

can_write = access.can_write
_require_writer = access.require_writer


# History and index --------------------------------------------------------------------------


def _with_history_user(instance, user):
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    return instance


@contextmanager
def _without_history(instance):
    """Changes to ``instance``'s relations write no history row of their own (one per write)."""
    instance.skip_history_when_saving = True
    try:
        yield
    finally:
        del instance.skip_history_when_saving


def _history_user_or_none(user):
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def record_history(practices: Sequence[Practice], *, user, update: bool, reason: str = "") -> None:
    """One history row per practice, with a snapshot of its themes, territories, organisations.

    Practices are saved without history (``save_without_historical_record``, bulk writes) so
    that setting relations after the row does not add a row per relation; this writes the one
    row and its relation snapshot in a few queries, for one practice or a hundred thousand.
    """
    if not practices:
        return
    history = Practice.history.model
    rows = history.objects.bulk_create(
        [
            history(
                history_date=timezone.now(),
                history_user=_history_user_or_none(user),
                history_change_reason=reason,
                history_type="~" if update else "+",
                **{f.attname: getattr(p, f.attname) for f in history.tracked_fields},
            )
            for p in practices
        ],
        batch_size=1000,
    )
    if any(row.pk is None for row in rows):  # backends without RETURNING
        latest = dict(
            history.objects.filter(id__in=[p.pk for p in practices])
            .order_by("id", "history_id")
            .values_list("id", "history_id")
        )
        history_ids = {p.pk: latest[p.pk] for p in practices}
    else:
        history_ids = {row.id: row.pk for row in rows}
    for name in RELATED:
        relation = getattr(Practice, name)
        through = relation.through
        target = relation.field.m2m_reverse_field_name()
        snapshot = apps.get_model("practices", f"HistoricalPractice_{name}")
        links = []
        ids = list(history_ids)
        for start in range(0, len(ids), 500):
            links += through.objects.filter(practice_id__in=ids[start : start + 500]).values_list(
                "id", "practice_id", f"{target}_id"
            )
        snapshot.objects.bulk_create(
            [
                snapshot(
                    **{
                        "history_id": history_ids[practice_id],
                        "id": link_id,
                        "practice_id": practice_id,
                        f"{target}_id": target_id,
                    }
                )
                for link_id, practice_id, target_id in links
            ],
            batch_size=1000,
        )


def _index(practice: Practice) -> None:
    """Bring the practice's search documents up to date (archived practices leave the index)."""
    if practice.status == Status.ARCHIVED:
        search_index.remove_record(DOC_TYPE, str(practice.pk))
        return
    fresh = indexable(Practice.objects.filter(pk=practice.pk)).get()
    search_index.index_record(DOC_TYPE, str(practice.pk), documents_for(fresh))


# Practices ----------------------------------------------------------------------------------


def _check_related(values: dict) -> None:
    for name, model in (
        ("themes", Theme),
        ("territories", Territory),
        ("organisations", Organisation),
    ):
        items = values.get(name)
        if items is None:
            continue
        wanted = {getattr(item, "pk", item) for item in items}
        if len(wanted) != model.objects.filter(pk__in=wanted).count():
            raise ValidationError({name: _("Some of the chosen items do not exist.")})


def _clean_values(fields: dict) -> tuple[dict, dict]:
    """Split ``fields`` into the practice's own fields and its relations; clean rich text."""
    own, related = {}, {}
    for name, value in fields.items():
        if name in RELATED:
            related[name] = list(value) if value is not None else None
        elif name in PRACTICE_FIELDS:
            if name in RICH_TEXT_FIELDS:
                value = sanitise(value)
            elif isinstance(value, str) and name != "url":
                value = value.strip()
            own[name] = value
        else:
            raise ValidationError({name: _("This field cannot be set here.")})
    if own.get("external_id") == "":
        own["external_id"] = None
    return own, related


@transaction.atomic
def create_practice(*, user, status: str = Status.PUBLISHED, **fields) -> Practice:
    """A new practice (published unless ``status="draft"``), with its themes, territories and
    organisations (model instances or primary keys)."""
    own, related = _clean_values(fields)
    _require_writer(user, own.get("owner"))
    if status not in (Status.DRAFT, Status.PUBLISHED):
        raise ValidationError({"status": _("A new practice is a draft or published.")})
    practice = Practice(status=status, **own)
    practice.full_clean()
    _check_related(related)
    practice.save_without_historical_record()
    with _without_history(practice):
        for name, items in related.items():
            if items:
                getattr(practice, name).set(items)
    record_history([practice], user=user, update=False)
    _index(practice)
    return practice


@transaction.atomic
def update_practice(practice: Practice, *, user, version: int | None = None, **fields) -> Practice:
    """Change a practice. ``version`` is the one the editor loaded: if someone saved since,
    ``EditConflict`` is raised and nothing changes. Relations given replace the current ones."""
    _require_writer(user, practice.owner)
    locked = Practice.objects.select_for_update().get(pk=practice.pk)
    if version is not None and locked.version != version:
        raise EditConflict(
            _("Someone else changed this practice meanwhile; reload it and try again.")
        )
    own, related = _clean_values(fields)
    if "owner" in own and own["owner"] != locked.owner:
        _require_writer(user, own["owner"])
    changed = []
    for name, value in own.items():
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    locked.full_clean()
    _check_related(related)
    relations_changed = False
    with _without_history(locked):
        for name, items in related.items():
            if items is None:
                continue
            manager = getattr(locked, name)
            wanted = {getattr(item, "pk", item) for item in items}
            if wanted != set(manager.values_list("pk", flat=True)):
                manager.set(items)
                relations_changed = True
    if changed or relations_changed:
        locked.version += 1
        locked.save_without_historical_record(update_fields=[*changed, "version", "updated_at"])
        record_history([locked], user=user, update=True)
        _index(locked)
    return locked


def _set_status(practice: Practice, *, user, status: str, reason: str) -> Practice:
    _require_writer(user, practice.owner)
    locked = Practice.objects.select_for_update().get(pk=practice.pk)
    if locked.status != status:
        locked.status = status
        locked.version += 1
        locked.save_without_historical_record(update_fields=["status", "version", "updated_at"])
        record_history([locked], user=user, update=True, reason=reason)
        _index(locked)
    return locked


@transaction.atomic
def publish_practice(practice: Practice, *, user) -> Practice:
    """Make a draft (or an archived practice) public again."""
    return _set_status(practice, user=user, status=Status.PUBLISHED, reason="publish")


@transaction.atomic
def archive_practice(practice: Practice, *, user) -> Practice:
    """Take a practice out of lists and search; it is kept, with its history (no deletion)."""
    return _set_status(practice, user=user, status=Status.ARCHIVED, reason="archive")


@transaction.atomic
def save_translation(
    practice: Practice,
    *,
    user,
    language: str,
    title: str,
    summary: str = "",
    body: str = "",
    results: str = "",
    transferability: str = "",
    origin: str = Origin.HUMAN,
    reviewed_by=None,
) -> PracticeTranslation:
    """Create or replace the practice's translation into ``language``."""
    _require_writer(user, practice.owner)
    if language not in LANGUAGES:
        raise ValidationError(
            {
                "language": _("Unknown language %(code)s; use %(known)s.")
                % {"code": language, "known": ", ".join(LANGUAGES)}
            }
        )
    if language == practice.language:
        raise ValidationError(
            {"language": _("This is the practice's original language; edit the practice.")}
        )
    if origin not in Origin.values:
        raise ValidationError({"origin": _("A translation is made by a human or a machine.")})
    translation = PracticeTranslation.objects.filter(practice=practice, language=language).first()
    translation = translation or PracticeTranslation(practice=practice, language=language)
    translation.title = (title or "").strip()
    translation.summary = sanitise(summary)
    translation.body = sanitise(body)
    translation.results = (results or "").strip()
    translation.transferability = (transferability or "").strip()
    translation.origin = origin
    translation.reviewed_by = reviewed_by
    translation.full_clean()
    _with_history_user(translation, user).save()
    _index(practice)
    return translation


# Attachments and links ----------------------------------------------------------------------

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
}
# The file inside an Office Open XML or OpenDocument archive that says what it is.
_ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}


def _sniff(upload) -> str | None:
    """The kind of file the content shows (``"pdf"``, ``"docx"`` …), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                kind = archive.read("mimetype").strip()
                return "odt" if kind == ATTACHMENT_TYPES["odt"].encode() else None
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)
    for kind, marker in _ZIP_MARKERS.items():
        if marker in names and "[Content_Types].xml" in names:
            return kind
    return None


def _check_attachment(upload) -> str:
    """The content type of an acceptable upload; a ValidationError naming the problem else."""
    name = Path(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = "jpg" if extension == "jpeg" else extension
    accepted = "PDF, DOCX, XLSX, PPTX, ODT, PNG, JPG"
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "Files of the type “%(extension)s” are not accepted; "
                    "upload one of %(accepted)s."
                )
                % {"extension": extension or _("(none)"), "accepted": accepted}
            }
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file is %(size)s MB; attachments are at most %(limit)s MB.")
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "limit": MAX_ATTACHMENT_BYTES // 1024 // 1024,
                }
            }
        )
    found = _sniff(upload)
    if found != extension:
        raise ValidationError(
            {
                "file": _(
                    "The file is named “%(name)s” but its content is not a %(extension)s file."
                )
                % {"name": name, "extension": extension.upper()}
            }
        )
    return ATTACHMENT_TYPES[extension]


@transaction.atomic
def add_attachment(practice: Practice, *, user, file, title: str = "") -> Attachment:
    """Attach a document or image (≤ 10 MB; PDF, DOCX, XLSX, PPTX, ODT, PNG or JPG, checked by
    content as well as by name). ``file`` is an uploaded file or a ``django.core.files.File``."""
    _require_writer(user, practice.owner)
    content_type = _check_attachment(file)
    attachment = Attachment(
        practice=practice,
        file=file,
        title=(title or Path(file.name).name).strip()[:200],
        content_type=content_type,
        size=file.size,
    )
    attachment.save()
    return attachment


@transaction.atomic
def add_link(practice: Practice, *, user, url: str, title: str = "") -> Link:
    _require_writer(user, practice.owner)
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Enter a web address that starts with http:// or https://.")}
        ) from None
    link = Link(practice=practice, url=url, title=(title or url).strip()[:200])
    link.full_clean()
    link.save()
    return link


# Collections --------------------------------------------------------------------------------

COLLECTION_FIELDS = ("kind", "language", "title", "introduction", "owner", "is_demo")


@transaction.atomic
def create_collection(
    *,
    user,
    slug: str,
    language: str,
    title: str,
    introduction: str = "",
    kind: str = CollectionKind.TOOLKIT,
    owner: Organisation | None = None,
    is_demo: bool = False,
) -> Collection:
    _require_writer(user, owner)
    if Collection.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This identifier is already taken.")})
    collection = Collection(
        slug=slug,
        language=language,
        title=(title or "").strip(),
        introduction=sanitise(introduction),
        kind=kind,
        owner=owner,
        is_demo=is_demo,
    )
    collection.full_clean()
    _with_history_user(collection, user).save()
    return collection


@transaction.atomic
def update_collection(collection: Collection, *, user, **fields) -> Collection:
    _require_writer(user, collection.owner)
    if "owner" in fields and fields["owner"] != collection.owner:
        _require_writer(user, fields["owner"])
    locked = Collection.objects.select_for_update().get(pk=collection.pk)
    changed = []
    for name, value in fields.items():
        if name not in COLLECTION_FIELDS:
            raise ValidationError({name: _("This field cannot be changed.")})
        value = sanitise(value) if name == "introduction" else value
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    locked.full_clean()
    if changed:
        _with_history_user(locked, user).save(update_fields=[*changed, "updated_at"])
    return locked


@transaction.atomic
def set_collection_items(
    collection: Collection,
    *,
    user,
    practices: Sequence[Practice | int],
    notes: dict[int, str] | None = None,
) -> list[CollectionItem]:
    """Replace the collection's practices by ``practices``, in that order (positions 1, 2, …).

    ``notes`` maps a practice's primary key to the editor's note beside it.
    """
    _require_writer(user, collection.owner)
    ids = [getattr(p, "pk", p) for p in practices]
    if len(set(ids)) != len(ids):
        raise ValidationError({"practices": _("A practice appears twice in the collection.")})
    found = dict(Practice.objects.filter(pk__in=ids).values_list("pk", "status"))
    missing = [str(pk) for pk in ids if pk not in found]
    if missing:
        raise ValidationError(
            {
                "practices": _("No practice has the number(s) %(numbers)s.")
                % {"numbers": ", ".join(missing)}
            }
        )
    if any(found[pk] == Status.ARCHIVED for pk in ids):
        raise ValidationError({"practices": _("An archived practice cannot be collected.")})
    CollectionItem.objects.filter(collection=collection).delete()
    items = CollectionItem.objects.bulk_create(
        [
            CollectionItem(
                collection=collection,
                practice_id=pk,
                position=position,
                note=sanitise((notes or {}).get(pk, "")),
            )
            for position, pk in enumerate(ids, start=1)
        ]
    )
    # The collection's history says who changed its contents, and when.
    _with_history_user(collection, user).save(update_fields=["updated_at"])
    return items


@transaction.atomic
def save_collection_translation(
    collection: Collection,
    *,
    user,
    language: str,
    title: str,
    introduction: str = "",
    origin: str = Origin.HUMAN,
) -> CollectionTranslation:
    _require_writer(user, collection.owner)
    if language not in LANGUAGES or language == collection.language:
        raise ValidationError({"language": _("Translate into another language than the original.")})
    if origin not in Origin.values:
        raise ValidationError({"origin": _("A translation is made by a human or a machine.")})
    translation, _created = CollectionTranslation.objects.update_or_create(
        collection=collection,
        language=language,
        defaults={
            "title": (title or "").strip(),
            "introduction": sanitise(introduction),
            "origin": origin,
        },
    )
    translation.full_clean()
    _with_history_user(collection, user).save(update_fields=["updated_at"])
    return translation


# Bulk import --------------------------------------------------------------------------------

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
IMPORT_KEYS = frozenset(("external_id", "owner", *IMPORT_SCALARS, *IMPORT_LISTS))
IMPORT_BATCH = 2000
MAX_PROBLEMS = 20


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


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    documents: int = 0
    seconds: float = 0.0
    dry_run: bool = False

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


class ImportFailed(Exception):
    """The import was refused; ``problems`` lists what is wrong, with line numbers."""

    def __init__(self, problems: list[ImportProblem], *, complete: bool = True):
        self.problems = problems
        self.complete = complete
        super().__init__("\n".join(str(problem) for problem in problems))


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
    owner = _text(data, "owner", line) or None
    return PracticeRecord(
        line=line,
        external_id=external_id,
        values=values,
        themes=_codes(data, "themes", line),
        territories=_codes(data, "territories", line),
        organisations=_codes(data, "organisations", line),
        owner=owner,
    )


class PracticeFile:
    """The practices of a JSON Lines file (one object per line; blank lines are skipped).

    Iterating reads the file again each time, so a hundred thousand lines never sit in memory
    at once; a line that cannot be read yields an ``ImportProblem`` instead of a record.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def __iter__(self) -> Iterator[PracticeRecord | ImportProblem]:
        with open_text(self.path) as lines:
            for number, text in enumerate(lines, start=1):
                if not text.strip():
                    continue
                try:
                    data = json.loads(text)
                except ValueError as error:
                    yield ImportProblem(
                        _("invalid JSON (%(error)s)") % {"error": error}, line=number
                    )
                    continue
                try:
                    yield parse_record(data, number)
                except ImportProblem as problem:
                    yield problem

    def count_lines(self) -> int:
        with open_text(self.path) as lines:
            return sum(1 for text in lines if text.strip())


class _References:
    """Identifier → primary key for themes, territories and organisations, loaded once."""

    def __init__(self):
        self.themes = dict(Theme.objects.values_list("slug", "pk"))
        self.territories = dict(Territory.objects.values_list("code", "pk"))
        self.organisations = dict(Organisation.objects.values_list("slug", "pk"))

    def check(self, record: PracticeRecord) -> None:
        for name, known, message in (
            ("themes", self.themes, _("unknown theme %(key)r")),
            ("territories", self.territories, _("unknown territory %(key)r")),
            ("organisations", self.organisations, _("unknown organisation %(key)r")),
        ):
            for key in getattr(record, name) or ():
                if key not in known:
                    raise ImportProblem(message % {"key": key}, line=record.line)
        if record.owner and record.owner not in self.organisations:
            raise ImportProblem(
                _("unknown organisation %(key)r") % {"key": record.owner}, line=record.line
            )


Progress = Callable[[str, int], None]


def import_practices(
    records: Iterable[PracticeRecord | ImportProblem],
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    user=None,
) -> ImportSummary:
    """Upsert practices by ``external_id``, all or nothing.

    ``records`` is read twice — first every record is checked (the import stops with
    ``ImportFailed`` before writing anything if one is wrong), then written in batches — so
    pass a list or a re-readable source such as ``PracticeFile``. Fields a record omits keep
    their stored value; relations it gives replace the stored ones. Changed practices get one
    history row each and are indexed with one ``bulk_index`` call at the end.
    ``progress(step, count)`` is told how many records each step ("check", "write",
    "index") has done.
    """
    access.require_importer(user)
    if iter(records) is records:  # a one-shot iterator cannot be read twice
        records = list(records)
    started = time.monotonic()
    summary = ImportSummary(dry_run=dry_run)
    references = _References()
    _check_all(records, references, progress)
    with transaction.atomic():
        changed_ids = _write_all(records, references, summary, user, progress)
        if dry_run:
            transaction.set_rollback(True)
        elif changed_ids:
            if progress:
                progress("index", 0)  # the next bar starts now, not after the first batch
            summary.documents = search_index.bulk_index(
                _without_query_log(documents_for_ids(changed_ids)),
                progress=(lambda count: progress("index", count)) if progress else None,
            )
    summary.seconds = time.monotonic() - started
    return summary


def _check_all(records, references: _References, progress: Progress | None) -> None:
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    pending = 0
    if progress:
        progress("check", 0)
    for record in records:
        pending += 1
        if progress and pending == 1000:
            progress("check", pending)
            pending = 0
        try:
            if isinstance(record, ImportProblem):
                raise record
            first = seen.setdefault(record.external_id, record.line)
            if first != record.line:
                raise ImportProblem(
                    _("external_id %(id)r appears twice (first on line %(first)s)")
                    % {"id": record.external_id, "first": first},
                    line=record.line,
                )
            references.check(record)
        except ImportProblem as problem:
            problems.append(problem)
            if len(problems) == MAX_PROBLEMS:
                raise ImportFailed(problems, complete=False) from None
    if progress and pending:
        progress("check", pending)
    if problems:
        raise ImportFailed(problems)


def _batches(records) -> Iterator[list[PracticeRecord]]:
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == IMPORT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_all(records, references: _References, summary: ImportSummary, user, progress):
    changed_ids: list[int] = []
    if progress:
        progress("write", 0)
    for batch in _batches(records):
        changed_ids += _write_batch(batch, references, summary, user)
        reset_queries()  # with DEBUG on, the query log would hold every batch's SQL
        if progress:
            progress("write", len(batch))
    return changed_ids


def _write_batch(batch: list[PracticeRecord], references, summary: ImportSummary, user):
    existing = {
        p.external_id: p
        for p in Practice.objects.filter(external_id__in=[r.external_id for r in batch])
    }
    owners = references.organisations
    now = timezone.now()
    created: list[Practice] = []
    updated: list[Practice] = []
    changed_fields: set[str] = set()
    wanted_links: dict[str, dict[str, set[int]]] = {}  # external_id → relation → target pks
    current_links = _current_links(
        [p.pk for p in existing.values()],
        {name for r in batch for name in IMPORT_LISTS if getattr(r, name) is not None},
    )
    for record in batch:
        values = dict(record.values)
        if record.owner:
            values["owner_id"] = owners[record.owner]
        links = {
            name: {getattr(references, name)[key] for key in getattr(record, name)}
            for name in IMPORT_LISTS
            if getattr(record, name) is not None
        }
        wanted_links[record.external_id] = links
        practice = existing.get(record.external_id)
        if practice is None:
            created.append(Practice(external_id=record.external_id, **values))
            continue
        dirty = [name for name, value in values.items() if getattr(practice, name) != value]
        for name in dirty:
            setattr(practice, name, values[name])
        if dirty or any(
            current_links[name].get(practice.pk, set()) != wanted for name, wanted in links.items()
        ):
            practice.version += 1
            practice.updated_at = now
            changed_fields.update("owner" if name == "owner_id" else name for name in dirty)
            updated.append(practice)
        else:
            summary.unchanged += 1
    if created:
        Practice.objects.bulk_create(created, batch_size=500)
        if (
            any(p.pk is None for p in created)
            or not connection.features.can_return_rows_from_bulk_insert
        ):
            ids = dict(
                Practice.objects.filter(
                    external_id__in=[p.external_id for p in created]
                ).values_list("external_id", "pk")
            )
            for practice in created:
                practice.pk = ids[practice.external_id]
    if updated:
        Practice.objects.bulk_update(
            updated, [*sorted(changed_fields), "version", "updated_at"], batch_size=500
        )
    _replace_links([*created, *updated], wanted_links)
    record_history(created, user=user, update=False, reason="import")
    record_history(updated, user=user, update=True, reason="import")
    summary.created += len(created)
    summary.updated += len(updated)
    return [p.pk for p in created] + [p.pk for p in updated]


def _current_links(practice_ids: list[int], names: set[str]) -> dict[str, dict[int, set[int]]]:
    """relation → practice pk → target pks, for the relations an import batch gives."""
    result: dict[str, dict[int, set[int]]] = {name: {} for name in IMPORT_LISTS}
    for name in names:
        relation = getattr(Practice, name)
        target = relation.field.m2m_reverse_field_name()
        rows = relation.through.objects.filter(practice_id__in=practice_ids).values_list(
            "practice_id", f"{target}_id"
        )
        for practice_id, target_id in rows:
            result[name].setdefault(practice_id, set()).add(target_id)
    return result


def _replace_links(practices: list[Practice], wanted_links: dict[str, dict[str, set[int]]]):
    """Bulk-write the through rows of the relations the records give."""
    for name in IMPORT_LISTS:
        relation = getattr(Practice, name)
        through = relation.through
        target = relation.field.m2m_reverse_field_name()
        concerned = [p for p in practices if name in wanted_links[p.external_id]]
        if not concerned:
            continue
        through.objects.filter(practice_id__in=[p.pk for p in concerned]).delete()
        through.objects.bulk_create(
            [
                through(**{"practice_id": p.pk, f"{target}_id": target_id})
                for p in concerned
                for target_id in sorted(wanted_links[p.external_id][name])
            ],
            batch_size=1000,
        )


def _without_query_log(items: Iterator) -> Iterator:
    for count, item in enumerate(items, start=1):
        if count % 500 == 0:
            reset_queries()
        yield item
