"""A form field for territories typed by name in any language (or by code), with suggestions.

Editors type "Menen, Halluin" (or "Menin", or a code such as ``BE-NIS:34027``); each entry is
resolved through the gazetteer's name lookup. An entry shown as "Menen (BE-NIS:34027)" (how the
field writes its value back and how suggestions read) is taken by its code. An unknown or
misspelt name is a field error that lists the closest places, never a code error.
"""

import re

from django import forms
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.text import variants

from .lookup import find_territory_ids, ranked
from .models import Territory, TerritoryName

_WITH_CODE = re.compile(r"\(([^()\s]+:[^()\s]+)\)\s*$")
_SEPARATORS = re.compile(r"[;,\n]")
SUGGESTIONS = 8


def label(territory: Territory, language: str | None = None) -> str:
    """How a territory reads in the field and in the suggestions: its name and code."""
    return f"{territory.name_in(language or current_language())} ({territory.code})"


def suggestions(query: str, limit: int = SUGGESTIONS) -> list[Territory]:
    """The places best matching ``query`` (any language, accents and small typos forgiven)."""
    ids = find_territory_ids(query, limit=limit)
    found = Territory.objects.with_names().in_bulk(ids)
    return [found[pk] for pk in ids if pk in found]


def resolve(entry: str) -> Territory | None:
    """The one territory ``entry`` names (a code, "Name (code)" or an exact name), else None."""
    entry = entry.strip()
    match = _WITH_CODE.search(entry)
    code = match.group(1) if match else entry
    territory = Territory.objects.filter(code=code).first()
    if territory is not None:
        return territory
    if match:
        return None
    # An exact name (any language, accents and case aside): municipalities first, then the
    # most populous, as the name lookup ranks them.
    exact = TerritoryName.objects.filter(folded__in=variants(entry))
    return ranked(Territory.objects.filter(names__in=exact).distinct()).first()


class TerritoriesField(forms.CharField):
    """Several territories, separated by commas, semicolons or new lines."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "data-suggest": reverse_lazy("places:suggest"),
                    "autocomplete": "off",
                }
            ),
        )
        kwargs.setdefault(
            "help_text",
            _(
                "Names in any language, separated by commas (e.g. Menen, Halluin); "
                "suggestions appear as you type."
            ),
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(label(t) if isinstance(t, Territory) else str(t) for t in value)
        return value

    def clean(self, value):
        value = super().clean(value)
        entries = [e.strip() for e in _SEPARATORS.split(value or "") if e.strip()]
        chosen: list[Territory] = []
        errors = []
        for entry in entries:
            territory = resolve(entry)
            if territory is None:
                close = suggestions(entry, limit=5)
                if close:
                    errors.append(
                        forms.ValidationError(
                            _("No place is called “%(entry)s”. Did you mean: %(names)s?"),
                            code="unknown_territory",
                            params={
                                "entry": entry,
                                "names": "; ".join(label(t) for t in close),
                            },
                        )
                    )
                else:
                    errors.append(
                        forms.ValidationError(
                            _("No place is called “%(entry)s”."),
                            code="unknown_territory",
                            params={"entry": entry},
                        )
                    )
            elif territory not in chosen:
                chosen.append(territory)
        if errors:
            raise forms.ValidationError(errors)
        return chosen
