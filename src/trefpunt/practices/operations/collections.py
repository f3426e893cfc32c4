"""Collections: curated, ordered practices with an editorial text, and their translations;
their review (draft → expert review → final, as in the Urbiscoop toolkit), publication and
archiving."""

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import (
    change_status,
    check_translation,
    check_version,
    with_history_user,
    write_translation,
)
from trefpunt.lib.richtext import sanitise
from trefpunt.organisations.models import Organisation

from ..access import can_move_review, require_writer
from ..models import (
    Collection,
    CollectionItem,
    CollectionKind,
    CollectionTranslation,
    Origin,
    Practice,
    Review,
    Status,
)
from .practices import LANGUAGES

COLLECTION_FIELDS = ("kind", "language", "title", "introduction", "owner", "is_demo")
# The original's texts a translation renders (a change to one marks the translation outdated).
COLLECTION_TRANSLATED_FIELDS = ("title", "introduction")
# Review steps: from each state, the states it may move to.
REVIEW_STEPS = {
    Review.DRAFT: (Review.EXPERT_REVIEW,),
    Review.EXPERT_REVIEW: (Review.DRAFT, Review.FINAL),
    Review.FINAL: (Review.DRAFT, Review.EXPERT_REVIEW),
}


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
    review: str = Review.DRAFT,
    status: str = Status.DRAFT,
) -> Collection:
    """A new collection, a draft to review unless ``review``/``status`` say otherwise (the
    importer and the demo bring finished, published toolkits)."""
    require_writer(user, owner)
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
        review=review,
        status=status,
    )
    collection.full_clean()
    with_history_user(collection, user).save()
    return collection


@transaction.atomic
def update_collection(collection: Collection, *, user, version=None, **fields) -> Collection:
    """Change the collection's text, kind or owner; ``version`` (the one the editor loaded)
    refuses an edit over someone else's (``EditConflict``)."""
    require_writer(user, collection.owner)
    if "owner" in fields and fields["owner"] != collection.owner:
        require_writer(user, fields["owner"])
    locked = Collection.objects.select_for_update().get(pk=collection.pk)
    check_version(locked, version)
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
        locked.version += 1
        with_history_user(locked, user).save(update_fields=[*changed, "version", "updated_at"])
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
    require_writer(user, collection.owner)
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
    _touch(collection, user)
    return items


def _touch(collection: Collection, user) -> None:
    """A new version of ``collection``; its history says who changed its contents, and when."""
    Collection.objects.filter(pk=collection.pk).update(version=models.F("version") + 1)
    collection.refresh_from_db(fields=["version"])
    with_history_user(collection, user).save(update_fields=["updated_at"])


def _practice_ids(collection: Collection) -> list[int]:
    return list(collection.items.order_by("position").values_list("practice_id", flat=True))


@transaction.atomic
def add_collection_item(
    collection: Collection, *, user, practice: Practice | int, position: int | None = None
) -> list[CollectionItem]:
    """Add ``practice`` at ``position`` (1 is first; ``None``: last)."""
    require_writer(user, collection.owner)
    ids = _practice_ids(collection)
    pk = getattr(practice, "pk", practice)
    if pk in ids:
        raise ValidationError({"practice": _("This practice is already in the collection.")})
    if position is not None and not 1 <= position <= len(ids) + 1:
        raise ValidationError(
            {"position": _("Give a position from 1 to %(last)s.") % {"last": len(ids) + 1}}
        )
    ids.insert((position or len(ids) + 1) - 1, pk)
    notes = dict(collection.items.values_list("practice_id", "note"))
    return set_collection_items(collection, user=user, practices=ids, notes=notes)


@transaction.atomic
def remove_collection_item(
    collection: Collection, *, user, practice: Practice | int
) -> list[CollectionItem]:
    require_writer(user, collection.owner)
    ids = _practice_ids(collection)
    pk = getattr(practice, "pk", practice)
    if pk not in ids:
        raise ValidationError({"practice": _("This practice is not in the collection.")})
    ids.remove(pk)
    notes = dict(collection.items.values_list("practice_id", "note"))
    return set_collection_items(collection, user=user, practices=ids, notes=notes)


@transaction.atomic
def order_collection_items(
    collection: Collection, *, user, practices: Sequence[Practice | int]
) -> list[CollectionItem]:
    """Put the collection's practices in the order of ``practices`` (the same practices)."""
    require_writer(user, collection.owner)
    ids = [getattr(p, "pk", p) for p in practices]
    current = _practice_ids(collection)
    if sorted(ids) != sorted(current) or len(set(ids)) != len(ids):
        raise ValidationError(
            {"practices": _("Give each practice of the collection once, in the new order.")}
        )
    notes = dict(collection.items.values_list("practice_id", "note"))
    return set_collection_items(collection, user=user, practices=ids, notes=notes)


@transaction.atomic
def move_review(collection: Collection, *, user, review: str) -> Collection:
    """Move the collection to another review state: the editors send a draft to expert review
    (or take it back); only an expert (a curator) declares it final."""
    require_writer(user, collection.owner)
    if review not in Review.values:
        raise ValidationError({"review": _("Unknown review state %(state)s.") % {"state": review}})
    locked = Collection.objects.select_for_update().get(pk=collection.pk)
    if review == locked.review:
        return locked
    if review not in REVIEW_STEPS[locked.review]:
        raise ValidationError(
            {
                "review": _("A collection in “%(current)s” cannot move to “%(wanted)s”.")
                % {"current": locked.get_review_display(), "wanted": Review(review).label}
            }
        )
    if not can_move_review(user, review):
        raise PermissionDenied(_("Only a curator declares a collection final."))
    locked.review = review
    locked.version += 1
    locked._change_reason = f"review: {review}"
    with_history_user(locked, user).save(update_fields=["review", "version", "updated_at"])
    return locked


@transaction.atomic
def publish_collection(collection: Collection, *, user) -> Collection:
    """Publish a collection whose review is final."""
    require_writer(user, collection.owner)
    if collection.review != Review.FINAL:
        raise ValidationError(
            {"review": _("Only a collection whose review is final can be published.")}
        )
    locked, _changed = change_status(collection, Status.PUBLISHED, user=user, reason="publish")
    return locked


@transaction.atomic
def archive_collection(collection: Collection, *, user) -> Collection:
    """Withdraw a collection from readers (curators still see it and may publish it again)."""
    require_writer(user, collection.owner)
    locked, _changed = change_status(collection, Status.ARCHIVED, user=user, reason="archive")
    return locked


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
    require_writer(user, collection.owner)
    check_translation(
        collection,
        language,
        origin,
        languages=LANGUAGES,
        origins=Origin.values,
        original_message=_("Translate into another language than the original."),
    )
    translation = write_translation(
        collection,
        language,
        user=user,
        values={
            "title": (title or "").strip(),
            "introduction": sanitise(introduction),
            "origin": origin,
        },
        source_fields=COLLECTION_TRANSLATED_FIELDS,
    )
    with_history_user(collection, user).save(update_fields=["updated_at"])
    return translation
