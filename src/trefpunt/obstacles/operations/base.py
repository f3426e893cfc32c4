"""What every obstacles operation shares: permission checks, field errors, the index."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from trefpunt.search import index as search_index

from .. import search
from ..models import Obstacle


class Errors(dict):
    """Field errors gathered over a whole input, raised at once."""

    def add(self, field: str, message: str) -> None:
        self.setdefault(field, []).append(message)

    def raise_any(self) -> None:
        if self:
            raise ValidationError(dict(self))


def refuse(allowed: bool, message: str | None = None) -> None:
    if not allowed:
        raise PermissionDenied(message or _("You may not change this obstacle."))


def locked(obstacle: Obstacle) -> Obstacle:
    """The obstacle's row, locked until the transaction ends (two curators moving it at once
    take turns, and the second one's version check fails)."""
    return Obstacle.objects.select_for_update().get(pk=obstacle.pk)


def reindex(obstacle: Obstacle) -> None:
    """Published obstacles are in the search index; the others never are."""
    fresh = search.indexable().filter(pk=obstacle.pk).first()
    if fresh is None or not fresh.is_published:
        search_index.remove_record(search.DOC_TYPE, str(obstacle.pk))
        return
    search_index.index_record(search.DOC_TYPE, str(obstacle.pk), search.documents_for(fresh))


def bump(obstacle: Obstacle, fields: list[str]) -> None:
    obstacle.version += 1
    obstacle.save(update_fields=[*fields, "version", "updated_at"])
