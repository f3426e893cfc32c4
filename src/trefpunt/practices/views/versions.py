"""Two versions of a practice side by side, from its django-simple-history rows."""

import difflib
import re

from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .. import operations
from ..models import Practice, Theme
from ..search import plain_text
from .reading import get_practice_for_user

COMPARED_FIELDS = (
    "title",
    "summary",
    "body",
    "results",
    "costs",
    "transferability",
    "contacts",
    "url",
    "language",
    "stage",
    "status",
    "period_start",
    "period_end",
    "owner",
)
RELATED = {"themes": Theme, "territories": Territory, "organisations": Organisation}


def practice_versions(request, pk: int):
    practice = get_practice_for_user(request.user, pk, full=False)
    rows = list(
        practice.history.select_related("history_user").order_by("-history_date", "-history_id")
    )
    by_id = {row.history_id: row for row in rows}
    new = by_id.get(_int(request.GET.get("new"))) or rows[0]
    default_old = rows[1] if len(rows) > 1 else rows[0]
    old = by_id.get(_int(request.GET.get("old"))) or default_old
    return render(
        request,
        "practices/practice_versions.html",
        {
            "practice": practice,
            "rows": rows,
            "old": old,
            "new": new,
            "comparison": _compare(old, new) if old is not new else [],
        },
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _compare(old, new) -> list[dict]:
    """Every compared field of two history rows, the changed ones with a word-level diff."""
    delta = new.diff_against(old, excluded_fields=["version"])
    changed = {change.field for change in delta.changes}
    owners = Organisation.objects.in_bulk({old.owner_id, new.owner_id} - {None})
    result = []
    for name in COMPARED_FIELDS:
        field = Practice._meta.get_field(name)
        if name == "owner":
            before, after = (str(owners.get(row.owner_id, "")) for row in (old, new))
        else:
            before, after = (_display(field, getattr(row, name)) for row in (old, new))
        result.append(_compared(field.verbose_name, before, after, name in changed))
    for name, model in RELATED.items():
        before, after = (
            _related_names(model, getattr(row, name).values_list(model._meta.model_name, flat=True))
            for row in (old, new)
        )
        label = Practice._meta.get_field(name).verbose_name
        result.append(_compared(label, before, after, name in changed))
    return result


def _related_names(model, ids) -> str:
    objects = model.objects.filter(pk__in=list(ids))
    if model is Theme:
        return ", ".join(sorted(theme.name_in() for theme in objects.prefetch_related("names")))
    if model is Territory:
        return ", ".join(sorted(f"{t.name} ({t.code})" for t in objects))
    return ", ".join(sorted(str(obj) for obj in objects))


def _display(field, value) -> str:
    """A stored value as a reader knows it: choice labels, ISO dates, rich text as text."""
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return plain_text(value) if field.name in operations.RICH_TEXT_FIELDS else str(value)


def _compared(label, before: str, after: str, is_changed: bool) -> dict:
    if not is_changed:
        return {"label": label, "changed": False, "old": before, "new": after}
    old_html, new_html = _word_diff(before, after)
    return {"label": label, "changed": True, "old": old_html, "new": new_html}


def _word_diff(before: str, after: str):
    """Both texts escaped, removed words in ``<del>`` on the left, added ones in ``<ins>``.

    Words keep the spaces and line breaks that follow them, so paragraphs survive."""
    a, b = _WORDS.findall(before), _WORDS.findall(after)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(removed)
            right.append(added)
            continue
        if removed:
            left.append(f"<del>{removed}</del>")
        if added:
            right.append(f"<ins>{added}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 (escaped above)


_WORDS = re.compile(r"\S+\s*")
