"""Collections: curated, ordered practices with an editorial text, and their translations."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from trefpunt.lib.content import with_history_user
from trefpunt.lib.richtext import sanitise
from trefpunt.organisations.models import Organisation

from ..access import require_writer
from ..models import (
    Collection,
    CollectionItem,
    CollectionKind,
    CollectionTranslation,
    Origin,
    Practice,
    Status,
)
from .practices import LANGUAGES

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
    )
    collection.full_clean()
    with_history_user(collection, user).save()
    return collection


@transaction.atomic
def update_collection(collection: Collection, *, user, **fields) -> Collection:
    require_writer(user, collection.owner)
    if "owner" in fields and fields["owner"] != collection.owner:
        require_writer(user, fields["owner"])
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
        with_history_user(locked, user).save(update_fields=[*changed, "updated_at"])
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
    # The collection's history says who changed its contents, and when.
    with_history_user(collection, user).save(update_fields=["updated_at"])
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
    require_writer(user, collection.owner)
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
    with_history_user(collection, user).save(update_fields=["updated_at"])
    return translation
