"""What every kind of edited content shares: optimistic versions, the acting user in the
history, status changes and translations held as sibling rows.

Written once here and mixed into practices, news, meetings, collections (and the apps to come),
in the manner of Wagtail's ``TranslatableMixin``: each app keeps its own fields, messages and
rules; the mechanics live in one place.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class EditConflict(ValidationError):
    """Someone else saved the record since the editor loaded it."""


def check_version(record, version) -> None:
    """Refuse an edit made on an older ``version`` of ``record`` (``None``: no check)."""
    if version is not None and int(version) != record.version:
        raise EditConflict(
            _(
                "Someone else changed this in the meantime (version %(current)s, you edited "
                "version %(yours)s). Reload the page and apply your changes again."
            )
            % {"current": record.version, "yours": version}
        )


def with_history_user(instance, user):
    """Record ``user`` as the author of the next history row of ``instance`` (django-simple-
    history); the system (``None``) and anonymous visitors leave it empty."""
    if user is not None and getattr(user, "is_authenticated", False):
        instance._history_user = user
    return instance


class TranslatableMixin:
    """A record written in ``language`` with sibling translation rows under ``translations``
    (each with its own ``language``). Reads use the prefetched rows when there are any."""

    def translation_in(self, language: str):
        """The translation in ``language``, or None."""
        for item in self.translations.all():
            if item.language == language:
                return item
        return None

    def reading_in(self, language: str):
        """The text to show a reader of ``language``: its translation, else the original."""
        if language == self.language:
            return self
        return self.translation_in(language) or self

    def available_languages(self) -> list[str]:
        """The original language first, then the translations' in alphabetical order."""
        return [self.language, *sorted(t.language for t in self.translations.all())]
