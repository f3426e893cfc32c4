"""Who may read and write practices and collections: the one home of these rules.

Everyone reads published practices. A draft is read by the editors of the organisations the
user acts for (its owner and every organisation above it, see ``organisations.access``) and by
curators; archived practices are read by nobody (they stay in the database with their history).
The same rule decides who writes: curators, and editors acting for the owning organisation.
Collections follow the same rule; their review (draft → expert review → final) is the
editors' until an expert, a curator, declares it final; only then may it be published.
Querysets, forms, views, operations and the CLI all ask here.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, can_act_for
from trefpunt.organisations.models import Organisation


def readable(practices, user):
    """``practices`` (a ``PracticeQuerySet``) narrowed to those ``user`` may read."""
    if is_curator(user):
        return practices.not_archived()
    return practices.published() | practices.drafts().filter(owner_id__in=acts_for(user))


def readable_collections(collections, user):
    """``collections`` narrowed to those ``user`` may read: published ones for everyone;
    drafts for the owner's editors and curators; archived ones for curators only."""
    if is_curator(user):
        return collections
    return collections.filter(status="published") | collections.filter(
        status="draft", owner_id__in=acts_for(user)
    )


def can_move_review(user, review: str) -> bool:
    """Editors send a collection to expert review and take it back; declaring it final is an
    expert's (a curator's, or the system's) call."""
    return review != "final" or user is None or is_curator(user)


def can_write(user, owner: Organisation | None) -> bool:
    """Curators write every practice and collection; editors those of the organisations they
    act for. ``user=None`` is the system (CLI, demo loader) and may write."""
    if user is None or is_curator(user):
        return True
    return owner is not None and can_act_for(user, owner)


def require_writer(user, owner: Organisation | None) -> None:
    if not can_write(user, owner):
        raise PermissionDenied(
            _("Only curators and the owning organisation's editors may change this.")
        )


def can_edit(user, practice) -> bool:
    """Whether the page offers ``user`` to edit and translate ``practice``."""
    return user.is_authenticated and can_write(user, practice.owner)


def owner_choices(user, current: Organisation | None = None):
    """The organisations ``user`` may give a practice or collection to: every active one for
    curators, else those they act for; ``current`` (the record's owner) stays a choice."""
    chosen = Organisation.objects.active().order_by("name")
    if not is_curator(user):
        chosen = chosen.filter(pk__in=acts_for(user))
    if current is not None:
        chosen = chosen | Organisation.objects.filter(pk=current.pk)
    return chosen.distinct()


def can_add(user) -> bool:
    """Whether ``user`` may add practices (is there an organisation to add them for?)."""
    return user.is_authenticated and owner_choices(user).exists()


def require_importer(user) -> None:
    """Bulk imports are the curators' (``None``: the system)."""
    if user is not None and not is_curator(user):
        raise PermissionDenied(_("Only curators can import practices."))
