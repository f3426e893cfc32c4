"""Records typed by name, with suggestions as you type: one mechanism for every form.

A field (``SuggestField``) is a text input marked ``data-suggest`` with the address of a JSON
endpoint; ``static/js/suggest.js`` fills a native ``<datalist>`` from it (keyboard accessible,
no widget framework). The field reads each entry as "Label (key)" (how suggestions and the
field itself write it) or as an exact name, within the choices its form allows; an unknown
entry is a field error listing the closest choices, never a code error. Places
(``places.fields``), organisations, people and practices each subclass it.
"""

import re

from django import forms
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

SUGGESTIONS = 8
MAX_QUERY = 100
_KEY = re.compile(r"\(([^()\s]+)\)\s*$")
_SEPARATORS = re.compile(r"[;,\n]")


class SuggestField(forms.CharField):
    """One (``many=False``) or several records, separated by commas, semicolons or lines.

    Subclasses give ``suggest_url``, ``option_label(obj)``, ``by_key(queryset, key)``,
    ``by_name(queryset, entry)`` and ``suggest(queryset, entry, limit)``; the form narrows
    ``queryset`` to what the user may choose."""

    suggest_url = ""
    help_text = ""  # shown under the field unless the form gives its own
    unknown_message = _("Nothing is called “%(entry)s”.")
    unknown_with_suggestions = _("Nothing is called “%(entry)s”. Did you mean: %(names)s?")

    def __init__(self, *, queryset, many: bool = True, **kwargs):
        self.queryset, self.many = queryset, many
        if self.help_text:
            kwargs.setdefault("help_text", self.help_text)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"data-suggest": self.suggest_url, "autocomplete": "off"}),
        )
        super().__init__(**kwargs)
        if not many:
            self.widget.attrs["data-suggest-single"] = "1"

    # Subclass hooks ---------------------------------------------------------------------------

    def option_label(self, obj) -> str:
        raise NotImplementedError

    def by_key(self, queryset, key: str):
        raise NotImplementedError

    def by_name(self, queryset, entry: str):
        raise NotImplementedError

    def suggest(self, queryset, entry: str, limit: int) -> list:
        raise NotImplementedError

    # Reading ------------------------------------------------------------------------------------

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(self.option_label(v) if hasattr(v, "pk") else str(v) for v in value)
        if hasattr(value, "pk"):
            return self.option_label(value)
        if isinstance(value, int) and not isinstance(value, bool):
            found = self.queryset.filter(pk=value).first()
            return self.option_label(found) if found is not None else ""
        return value

    def resolve(self, entry: str):
        """The record ``entry`` names: "Label (key)", a bare number, or an exact name."""
        if entry.isdigit():
            return self.queryset.filter(pk=int(entry)).first()
        match = _KEY.search(entry)
        if match:
            found = self.by_key(self.queryset, match.group(1))
            if found is not None:
                return found
        return self.by_name(self.queryset, entry)

    def clean(self, value):
        value = super().clean(value)
        raw = _SEPARATORS.split(value or "") if self.many else [value or ""]
        entries = [entry.strip() for entry in raw if entry.strip()]
        chosen, errors = [], []
        for entry in entries:
            found = self.resolve(entry)
            if found is None:
                close = self.suggest(self.queryset, _KEY.sub("", entry).strip(), 5)
                if close:
                    errors.append(
                        forms.ValidationError(
                            self.unknown_with_suggestions,
                            code="unknown",
                            params={
                                "entry": entry,
                                "names": "; ".join(self.option_label(c) for c in close),
                            },
                        )
                    )
                else:
                    errors.append(
                        forms.ValidationError(
                            self.unknown_message, code="unknown", params={"entry": entry}
                        )
                    )
            elif found not in chosen:
                chosen.append(found)
        if errors:
            raise forms.ValidationError(errors)
        if not self.many:
            return chosen[0] if chosen else None
        return chosen


def suggest_response(request, find, label) -> JsonResponse:
    """The JSON answer of a suggest endpoint: ``find(query)`` gives the records for ``?q=``
    (two characters at least), ``label(record)`` how each reads (and is written back)."""
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    found = find(query) if len(query) >= 2 else []
    return JsonResponse({"results": [{"value": label(item)} for item in found]})
