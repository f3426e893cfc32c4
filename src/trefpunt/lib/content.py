"""What every kind of edited content shares: optimistic versions, the acting user in the
history, status changes and translations held as sibling rows.

Written once here and mixed into practices, news, meetings, collections (and the apps to come),
in the manner of Wagtail's ``TranslatableMixin``: each app keeps its own fields, messages and
rules; the mechanics live in one place.
"""

import difflib
import html
import re
from collections.abc import Callable, Iterable

import nh3
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .languages import LANGUAGE_LABELS
from .richtext import plain_text

# The languages content is written in (the UI's four and Luxembourgish).
CONTENT_LANGUAGES = list(LANGUAGE_LABELS.items())


class Origin(models.TextChoices):
    """Who wrote a translation row."""

    HUMAN = "human", gettext_lazy("Human translation")
    MACHINE = "machine", gettext_lazy("Machine translation")


class EditConflict(ValidationError):
    """Someone else saved the record since the editor loaded it."""


def check_version(record, version, *, message: str | None = None) -> None:
    """Refuse an edit made on an older ``version`` of ``record`` (``None``: no check).

    ``message`` replaces the general explanation where an app words it for its records."""
    if version is not None and int(version) != record.version:
        raise EditConflict(
            message
            or _(
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


class TranslationSource(models.Model):
    """Mixed into a translation model: the original's texts the translation was made from.

    ``write_translation`` records them; when the original changes afterwards the translation
    is outdated (readers are told, translators see what changed). Translations saved before
    this was kept have no source and are never called outdated."""

    source = models.JSONField(
        gettext_lazy("original when translated"), default=dict, blank=True, editable=False
    )

    class Meta:
        abstract = True

    def is_outdated(self, original) -> bool:
        """Whether ``original`` (the record translated) changed since this translation."""
        return any(
            (getattr(original, name, "") or "") != (text or "")
            for name, text in (self.source or {}).items()
        )

    def original_changes(self, original) -> list[dict]:
        """Each original text that changed since the translation: its name and a diff."""
        return [
            {"name": name, "diff": text_diff(text or "", getattr(original, name, "") or "")}
            for name, text in (self.source or {}).items()
            if (getattr(original, name, "") or "") != (text or "")
        ]


def original_texts(record, fields: Iterable[str]) -> dict[str, str]:
    """The texts of ``record`` a translation is made from (stored as its ``source``)."""
    return {name: getattr(record, name) or "" for name in fields}


_WORDS = re.compile(r"\S+|\s+")


def text_diff(before: str, after: str) -> SafeString:
    """What changed between two (rich) texts, word by word, as HTML: removed words in
    ``<del>``, added ones in ``<ins>``; everything else escaped (and the result cleaned)."""
    old = _WORDS.findall(plain_text(before))
    new = _WORDS.findall(plain_text(after))
    parts = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(html.escape("".join(old[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            parts.append(f"<del>{html.escape(''.join(old[i1:i2]))}</del>")
        if tag in ("insert", "replace"):
            parts.append(f"<ins>{html.escape(''.join(new[j1:j2]))}</ins>")
    cleaned = nh3.clean("".join(parts), tags={"ins", "del"}, attributes={})
    return mark_safe(cleaned)  # noqa: S308 (escaped, then cleaned to ins/del only)


def change_status(
    record,
    status: str,
    *,
    user,
    reason: str,
    prepare: Callable[[object], Iterable[str]] | None = None,
    save: Callable[[object, list[str]], None] | None = None,
):
    """Move ``record`` (a model with ``status``, ``version`` and ``updated_at``) to ``status``
    under a row lock; returns ``(locked_record, changed)``. Nothing is written when it is
    already there.

    ``prepare(locked)`` may set more fields and returns their names; ``save(locked, fields)``
    writes the row when the app keeps its history its own way (the default saves with a
    history row naming ``user`` and ``reason``). The caller checks permissions before and
    updates the search index after.
    """
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if locked.status == status:
        return locked, False
    locked.status = status
    locked.version += 1
    fields = ["status", "version", "updated_at", *(prepare(locked) if prepare else ())]
    if save is None:
        locked._change_reason = reason
        with_history_user(locked, user).save(update_fields=fields)
    else:
        save(locked, fields)
    return locked, True


def check_translation(
    record, language: str, origin: str, *, languages, origins, original_message: str
) -> None:
    """Refuse a translation of ``record`` into an unknown language, into its own language
    (``original_message`` says so in the app's words) or of an unknown ``origin``."""
    if language not in languages:
        raise ValidationError(
            {
                "language": _("Unknown language %(code)s; use %(known)s.")
                % {"code": language, "known": ", ".join(languages)}
            }
        )
    if language == record.language:
        raise ValidationError({"language": original_message})
    if origin not in origins:
        raise ValidationError({"origin": _("A translation is made by a human or a machine.")})


def write_translation(record, language: str, *, user, values: dict, source_fields=()):
    """Create or replace ``record``'s translation row into ``language`` (under its
    ``translations`` related name) with the already cleaned ``values``, validated, with
    ``user`` in its history. Returns the translation.

    ``source_fields`` are the original's texts the translation renders: they are stored with
    it (``TranslationSource``) so that a later change of the original marks it outdated."""
    manager = record.translations
    translation = manager.filter(language=language).first() or manager.model(
        **{manager.field.name: record, "language": language}
    )
    for name, value in values.items():
        setattr(translation, name, value)
    if source_fields:
        translation.source = original_texts(record, source_fields)
    translation.full_clean()
    with_history_user(translation, user).save()
    return translation
