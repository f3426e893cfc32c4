"""Writing practices: create, update, publish, archive; their history rows and index.

Each write runs in one transaction, checks who may write (``access``; ``user=None`` is the
system itself: CLI and demo loader), cleans rich text, writes one history row with the acting
user and ends by bringing the search index up to date.
"""

from collections.abc import Sequence
from contextlib import contextmanager

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import change_status, check_version
from trefpunt.lib.richtext import sanitise
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.search import index as search_index

from ..access import require_writer
from ..models import CONTENT_LANGUAGES, Practice, Status, Theme
from ..search import DOC_TYPE, documents_for, indexable

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


# History and index --------------------------------------------------------------------------


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


def index_practice(practice: Practice) -> None:
    """Bring the practice's search documents up to date (archived practices leave the index)."""
    documents = []
    if practice.status != Status.ARCHIVED:
        documents = documents_for(indexable(Practice.objects.filter(pk=practice.pk)).get())
    search_index.index_or_remove(DOC_TYPE, str(practice.pk), documents)


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
    require_writer(user, own.get("owner"))
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
    index_practice(practice)
    return practice


@transaction.atomic
def update_practice(practice: Practice, *, user, version: int | None = None, **fields) -> Practice:
    """Change a practice. ``version`` is the one the editor loaded: if someone saved since,
    ``EditConflict`` is raised and nothing changes. Relations given replace the current ones."""
    require_writer(user, practice.owner)
    locked = Practice.objects.select_for_update().get(pk=practice.pk)
    check_version(
        locked,
        version,
        message=_("Someone else changed this practice meanwhile; reload it and try again."),
    )
    own, related = _clean_values(fields)
    if "owner" in own and own["owner"] != locked.owner:
        require_writer(user, own["owner"])
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
        index_practice(locked)
    return locked


def _set_status(practice: Practice, *, user, status: str, reason: str) -> Practice:
    require_writer(user, practice.owner)

    def save(locked, fields):
        locked.save_without_historical_record(update_fields=fields)
        record_history([locked], user=user, update=True, reason=reason)

    locked, changed = change_status(practice, status, user=user, reason=reason, save=save)
    if changed:
        index_practice(locked)
    return locked


@transaction.atomic
def publish_practice(practice: Practice, *, user) -> Practice:
    """Make a draft (or an archived practice) public again."""
    return _set_status(practice, user=user, status=Status.PUBLISHED, reason="publish")


@transaction.atomic
def archive_practice(practice: Practice, *, user) -> Practice:
    """Take a practice out of lists and search; it is kept, with its history (no deletion)."""
    return _set_status(practice, user=user, status=Status.ARCHIVED, reason="archive")
