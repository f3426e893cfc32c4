"""Every write to the gazetteer goes through here (CLI, admin, API and demo loader alike)."""

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from trefpunt.lib.text import fold
from trefpunt.search import chunking
from trefpunt.search import index as search_index
from trefpunt.search.models import SearchDocument

from . import bulk, search
from .access import can_correct_gazetteer
from .importers.base import ImportProblem, TerritoryRecord
from .importers.packaged import load_exonyms
from .models import LEVEL_ORDER, Territory, TerritoryBoundary, TerritoryName

UPDATABLE = (
    "level",
    "country",
    "name",
    "name_language",
    "population",
    "population_year",
    "area_km2",
    "latitude",
    "longitude",
    "degurba",
    "nuts3",
    "languages",
    "source",
    "valid_from",
    "valid_to",
)
BATCH = 2000


@dataclass
class ImportSummary:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: int = 0
    names_added: int = 0
    boundaries: int = 0
    ended: int = 0
    dry_run: bool = False

    def rows(self) -> list[tuple[str, str, int, int, int]]:
        keys = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            (c, lvl, self.created[(c, lvl)], self.updated[(c, lvl)], self.unchanged[(c, lvl)])
            for c, lvl in keys
        ]

    @property
    def total(self) -> int:
        return (
            sum(self.created.values()) + sum(self.updated.values()) + sum(self.unchanged.values())
        )


def _check_duplicates(records: list[TerritoryRecord]) -> None:
    seen: dict[str, int | None] = {}
    for record in records:
        if record.code in seen:
            raise ImportProblem(
                _("code %(code)s appears twice (first on line %(first)s)")
                % {"code": record.code, "first": seen[record.code]},
                line=record.line,
            )
        seen[record.code] = record.line


def import_territories(
    records: Iterable[TerritoryRecord],
    *,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    user=None,
    reason: str = "import",
    vintage: date | None = None,
    scope: tuple[str, str] | None = None,
) -> ImportSummary:
    """Upsert territories by code, all-or-nothing, in one transaction.

    Fields a record leaves empty (``None``/``""``) keep their stored value, so a boundary file
    never erases a population. Names are added, never removed. A new territory whose record has
    no main name takes the first of the record's names.

    Vintages: a stored end date is never cleared by a record without one (an older file
    does not revive a merged unit). With ``vintage`` (the date of the list) and ``scope``
    (country, level), current units of that scope absent from the list and older than it
    get ``valid_to`` = the day before ``vintage``; units newer than the list are left alone.
    """
    records = list(records)
    _check_duplicates(records)
    level_rank = {level.value: rank for rank, level in enumerate(LEVEL_ORDER)}
    records.sort(key=lambda r: level_rank.get(r.level, 99))
    summary = ImportSummary(dry_run=dry_run)

    with transaction.atomic():
        existing = {t.code: t for t in Territory.objects.all()}
        to_create: list[Territory] = []
        to_update: list[Territory] = []
        changed_fields: set[str] = set()
        kept: list[tuple[TerritoryRecord, Territory]] = []
        pending: list[TerritoryRecord] = []

        def flush_creates() -> None:
            if to_create:
                bulk.insert_with_history(Territory, to_create, user=user, reason=reason)
                to_create.clear()

        current_level = None
        for record in records:
            if record.level != current_level:
                # Parents of the next level must have primary keys before children refer to them.
                flush_creates()
                current_level = record.level
            territory = existing.get(record.code)
            if territory is None and record.update_only:
                summary.skipped += 1
                continue
            parent = existing.get(record.parent_code) if record.parent_code else None
            key = (record.country, record.level)
            if territory is None:
                territory = Territory(code=record.code, parent=parent)
                for name in UPDATABLE:
                    value = getattr(record, name)
                    setattr(territory, name, "" if value is None and name in _TEXT else value)
                if not territory.name and record.names:
                    # A record that only adds names (e.g. a population file whose names are in
                    # one language) never renames a territory, but names a new one.
                    territory.name_language, territory.name = record.names[0][:2]
                _validate(territory, record)
                existing[record.code] = territory
                to_create.append(territory)
                summary.created[key] += 1
            else:
                dirty = False
                for name in UPDATABLE:
                    value = getattr(record, name)
                    if value in (None, "") or (record.update_only and name in _NOT_ENRICHED):
                        continue
                    if getattr(territory, name) != value:
                        setattr(territory, name, value)
                        changed_fields.add(name)
                        dirty = True
                if parent is not None and territory.parent_id != parent.pk:
                    territory.parent = parent
                    changed_fields.add("parent")
                    dirty = True
                _validate(territory, record)
                if dirty:
                    to_update.append(territory)
                    summary.updated[(territory.country, territory.level)] += 1
                else:
                    summary.unchanged[(territory.country, territory.level)] += 1
            kept.append((record, territory))
            pending.append(record)
            if progress and len(pending) >= 500:
                progress(len(pending))
                pending.clear()
        flush_creates()
        if to_update:
            bulk_update_with_history(
                to_update,
                Territory,
                fields=sorted(changed_fields),
                batch_size=BATCH,
                default_user=user,
                default_change_reason=reason,
            )
        if vintage and scope:
            summary.ended = _end_absent(records, vintage, scope, user, reason)
        summary.names_added = _add_names(kept)
        summary.boundaries = _store_boundaries(kept)
        if progress and pending:
            progress(len(pending))
        apply_exonyms()
        if dry_run:
            transaction.set_rollback(True)
        else:
            index_territories([territory.pk for _record, territory in kept])
    return summary


def index_territories(ids: list[int]) -> int:
    """Index these territories where the index lacks them or holds other names: the search
    page and the API find places by any of their names. Returns the documents written."""
    indexed = {
        key: (title, text)
        for key, title, text in SearchDocument.objects.filter(doc_type=search.DOC_TYPE).values_list(
            "object_key", "title", "text"
        )
    }
    items = []
    for start in range(0, len(ids), BATCH):
        for territory in search.indexable().filter(pk__in=ids[start : start + BATCH]):
            documents = search.documents_for(territory)
            shown = [(d.title, chunking.plain_text(d.text)) for d in documents]
            if shown[:1] != [indexed.get(territory.code)]:
                items.append((search.DOC_TYPE, territory.code, documents))
    return search_index.bulk_index(items)


_TEXT = {"name_language", "nuts3", "languages", "source", "name"}
# An update-only record (a boundary file) enriches a territory: it does not change what the
# territory is, nor its source (the boundary keeps the record's source).
_NOT_ENRICHED = ("level", "country", "source")


def _validate(territory: Territory, record: TerritoryRecord) -> None:
    if not territory.name:
        raise ImportProblem(_("the name is empty"), line=record.line)
    if territory.level not in {level.value for level in LEVEL_ORDER}:
        raise ImportProblem(
            _("unknown level %(level)r") % {"level": territory.level}, line=record.line
        )
    if len(territory.code) > 40 or len(territory.name) > 200:
        raise ImportProblem(_("the code or name is too long"), line=record.line)


def _end_absent(records, vintage: date, scope: tuple[str, str], user, reason: str) -> int:
    country, level = scope
    listed = {r.code for r in records}
    absent = [
        t
        for t in Territory.objects.current().filter(country=country, level=level)
        if t.code not in listed and (t.valid_from is None or t.valid_from < vintage)
    ]
    for territory in absent:
        territory.valid_to = vintage - timedelta(days=1)
    bulk_update_with_history(
        absent, Territory, fields=["valid_to"], default_user=user, default_change_reason=reason
    )
    return len(absent)


def _add_names(kept: list[tuple[TerritoryRecord, Territory]]) -> int:
    wanted = []
    for record, territory in kept:
        names = list(record.names)
        if record.name:
            names.append((record.name_language, record.name, "official"))
        for language, name, kind in names:
            name = name.strip()[:200]
            if name:
                wanted.append((territory.pk, language, name, kind))
    if not wanted:
        return 0
    ids = {pk for pk, *_rest in wanted}
    have = set()
    for chunk_start in range(0, len(ids), 900):
        chunk = list(ids)[chunk_start : chunk_start + 900]
        have.update(
            TerritoryName.objects.filter(territory_id__in=chunk).values_list(
                "territory_id", "language", "name"
            )
        )
    new = []
    for pk, language, name, kind in wanted:
        if (pk, language, name) in have:
            continue
        have.add((pk, language, name))
        new.append(
            {
                "territory_id": pk,
                "language": language,
                "name": name,
                "kind": kind,
                "folded": fold(name),
            }
        )
    bulk.insert_rows(TerritoryName, new)
    return len(new)


def _store_boundaries(kept: list[tuple[TerritoryRecord, Territory]]) -> int:
    """Create or replace boundaries in bulk (thousands of polygons in a packaged import)."""
    wanted = {t.pk: r for r, t in kept if r.boundary is not None}
    if not wanted:
        return 0
    existing: dict[int, TerritoryBoundary] = {}
    ids = list(wanted)
    for start in range(0, len(ids), 900):
        for boundary in TerritoryBoundary.objects.filter(territory_id__in=ids[start : start + 900]):
            existing[boundary.territory_id] = boundary
    new, changed = [], []
    for pk, record in wanted.items():
        boundary = existing.get(pk)
        if boundary is None:
            new.append({"territory_id": pk, "geojson": record.boundary, "source": record.source})
        elif boundary.geojson != record.boundary or boundary.source != record.source:
            boundary.geojson, boundary.source = record.boundary, record.source
            changed.append(boundary)
    bulk.insert_rows(TerritoryBoundary, new, batch=500)
    TerritoryBoundary.objects.bulk_update(changed, ["geojson", "source"], batch_size=500)
    return len(new) + len(changed)


def apply_exonyms() -> int:
    """Add the curated exonyms (nl/fr/de/en) to territories whose name matches; idempotent."""

    rows = load_exonyms()
    keys = {(row["country"], fold(row["name"])) for row in rows}
    folded_names = {key for _country, key in keys}
    targets: dict[tuple[str, str], set[int]] = {}
    for territory_id, country, folded in TerritoryName.objects.filter(
        folded__in=folded_names, language__in=("nl", "fr", "de", "en", "lb", "")
    ).values_list("territory_id", "territory__country", "folded"):
        if (country, folded) in keys:
            targets.setdefault((country, folded), set()).add(territory_id)
    have = set(
        TerritoryName.objects.filter(
            territory_id__in={pk for ids in targets.values() for pk in ids}
        ).values_list("territory_id", "language", "name")
    )
    new = []
    for row in rows:
        for pk in targets.get((row["country"], fold(row["name"])), ()):
            item = (pk, row["language"], row["exonym"])
            if item not in have:
                have.add(item)
                new.append(
                    TerritoryName(
                        territory_id=pk,
                        language=row["language"],
                        name=row["exonym"],
                        kind="exonym",
                        folded=fold(row["exonym"]),
                    )
                )
    TerritoryName.objects.bulk_create(new)
    return len(new)


EDITABLE_BY_CURATORS = (
    "name",
    "population",
    "population_year",
    "area_km2",
    "latitude",
    "longitude",
    "degurba",
    "languages",
    "source",
    "valid_from",
    "valid_to",
    "parent",
)


@transaction.atomic
def update_territory(territory: Territory, *, user, **fields) -> Territory:
    """A curator's correction of a territory (the admin calls this); kept in the history."""
    if not can_correct_gazetteer(user):
        raise PermissionDenied(_("Only curators can correct the gazetteer."))
    locked = Territory.objects.select_for_update().get(pk=territory.pk)
    changed = []
    for name, value in fields.items():
        if name not in EDITABLE_BY_CURATORS:
            raise ValidationError({name: _("This field cannot be changed.")})
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    locked.full_clean()
    if changed:
        if user is not None:
            locked._history_user = user
        locked.save(update_fields=[*changed, "updated_at"])
        fresh = search.indexable().get(pk=locked.pk)
        search_index.index_record(search.DOC_TYPE, fresh.code, search.documents_for(fresh))
    return locked
