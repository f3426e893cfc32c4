"""Who may read and write news articles: the one home of these rules.

Everyone reads public articles (published, their publication time come). The editors of the
organisations a user acts for (the author organisation and every organisation above it, see
``organisations.access``) read all of its articles, drafts, scheduled and archived ones
included, and write them; curators read and write every article. Querysets, forms, views,
operations and the API all ask here.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.organisations.access import acts_for, can_act_for
from trefpunt.organisations.models import Organisation


def readable(articles, user):
    """``articles`` (an ``ArticleQuerySet``) narrowed to those ``user`` may read."""
    if is_curator(user):
        return articles.all()
    own = acts_for(user)
    if not own:
        return articles.published()
    return articles.published() | articles.filter(author_id__in=own)


def can_write(user, author: Organisation | None) -> bool:
    """Curators write every article; editors those of the organisations they act for.
    ``user=None`` is the system (CLI, demo loader) and may write."""
    if user is None or is_curator(user):
        return True
    return author is not None and can_act_for(user, author)


def require_writer(user, author: Organisation | None) -> None:
    if not can_write(user, author):
        raise PermissionDenied(
            _("Only curators and the author organisation's editors may change this article.")
        )


def can_edit(user, article) -> bool:
    """Whether the page offers ``user`` to edit, translate, publish and archive ``article``."""
    return user.is_authenticated and can_write(user, article.author)


def author_choices(user, current: Organisation | None = None):
    """The organisations ``user`` may write for: every active one for curators, else those
    they act for; ``current`` (the article's author) stays a choice."""
    chosen = Organisation.objects.active().order_by("name")
    if not is_curator(user):
        chosen = chosen.filter(pk__in=acts_for(user))
    if current is not None:
        chosen = chosen | Organisation.objects.filter(pk=current.pk)
    return chosen.distinct()


def can_add(user) -> bool:
    """Whether ``user`` may write articles (is there an organisation to write for?)."""
    return user.is_authenticated and author_choices(user).exists()
