"""Bulk writes of checked import records (``trefpunt import-practices``, the demo content):
practices with their relations and translations, then collections. The records come from
``importer``, which reads and checks them.
"""

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection, reset_queries, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from trefpunt.places.importers.base import ImportProblem
from trefpunt.search import index as search_index

from .. import access
from ..importer import (
    IMPORT_LISTS,
    CollectionRecord,
    ImportFailed,
    PracticeRecord,
    Progress,
    References,
    check_all,
)
from ..models import Collection, Practice, PracticeTranslation, Review, Status
from ..search import documents_for_ids
from .collections import (
    create_collection,
    save_collection_translation,
    set_collection_items,
    update_collection,
)
from .practices import record_history

IMPORT_BATCH = 2000
TRANSLATION_FIELDS = ("title", "summary", "body", "results", "transferability", "origin")


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    translations: int = 0  # created or changed
    documents: int = 0
    seconds: float = 0.0
    dry_run: bool = False

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


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
    history row each and are indexed with one ``bulk_index`` call at the end. Translations a
    record gives are created or replaced (those it does not name are kept).
    ``progress(step, count)`` is told how many records each step ("check", "write",
    "index") has done.
    """
    access.require_importer(user)
    if iter(records) is records:  # a one-shot iterator cannot be read twice
        records = list(records)
    started = time.monotonic()
    summary = ImportSummary(dry_run=dry_run)
    references = References()
    check_all(records, references, progress)
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


def _batches(records) -> Iterator[list[PracticeRecord]]:
    batch = []
    for record in records:
        batch.append(record)
        if len(batch) == IMPORT_BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _write_all(records, references: References, summary: ImportSummary, user, progress):
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
    ids = {p.external_id: p.pk for p in [*existing.values(), *created]}
    translated = _write_translations(batch, ids, summary, user)
    return list(dict.fromkeys([p.pk for p in created] + [p.pk for p in updated] + translated))


def _write_translations(batch, ids: dict[str, int], summary: ImportSummary, user) -> list[int]:
    """Create or replace the translations the records give; the ids of the practices whose
    translations changed (to index them again)."""
    given = [r for r in batch if r.translations]
    if not given:
        return []
    stored = {
        (t.practice_id, t.language): t
        for t in PracticeTranslation.objects.filter(
            practice_id__in=[ids[r.external_id] for r in given]
        )
    }
    new, changed, touched = [], [], []
    for record in given:
        practice_id = ids[record.external_id]
        for values in record.translations:
            fields = {k: v for k, v in values.items() if k != "language"}
            translation = stored.get((practice_id, values["language"]))
            if translation is None:
                new.append(
                    PracticeTranslation(
                        practice_id=practice_id, language=values["language"], **fields
                    )
                )
            elif any(getattr(translation, k) != v for k, v in fields.items()):
                for name, value in fields.items():
                    setattr(translation, name, value)
                changed.append(translation)
            else:
                continue
            touched.append(practice_id)
    history_user = user if user is not None and user.is_authenticated else None
    if new:
        bulk_create_with_history(
            new,
            PracticeTranslation,
            batch_size=500,
            default_user=history_user,
            default_change_reason="import",
        )
    if changed:
        bulk_update_with_history(
            changed,
            PracticeTranslation,
            [*TRANSLATION_FIELDS, "updated_at"],
            batch_size=500,
            default_user=history_user,
            default_change_reason="import",
        )
    summary.translations += len(new) + len(changed)
    return list(dict.fromkeys(touched))


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


@transaction.atomic
def import_collections(records: Iterable[CollectionRecord | ImportProblem], *, user=None) -> int:
    """Create or update collections by slug, all or nothing, with their practices in order
    (by external id) and their translations; returns how many rows were written."""
    access.require_importer(user)
    records = list(records)
    references = References()
    known = set(
        Practice.objects.filter(
            external_id__in={
                key for r in records if not isinstance(r, ImportProblem) for key in r.items
            }
        ).values_list("external_id", flat=True)
    )
    problems = []
    for record in records:
        try:
            if isinstance(record, ImportProblem):
                raise record
            references.check_collection(record, known)
        except ImportProblem as problem:
            problems.append(problem)
    if problems:
        raise ImportFailed(problems)
    written = 0
    for record in records:
        written += _write_collection(record, references, user)
    return written


def _write_collection(record: CollectionRecord, references: References, user) -> int:
    owner = references.organisation(record.owner)
    collection = Collection.objects.filter(slug=record.slug).first()
    if collection is None:
        # Imported toolkits are finished and published (their review happened elsewhere).
        collection = create_collection(
            user=user,
            slug=record.slug,
            owner=owner,
            review=Review.FINAL,
            status=Status.PUBLISHED,
            **record.values,
        )
    else:
        collection = update_collection(collection, user=user, owner=owner, **record.values)
    practices = dict(
        Practice.objects.filter(external_id__in=record.items).values_list("external_id", "pk")
    )
    set_collection_items(collection, user=user, practices=[practices[key] for key in record.items])
    for translation in record.translations:
        save_collection_translation(collection, user=user, **translation)
    return 1 + len(record.translations)
