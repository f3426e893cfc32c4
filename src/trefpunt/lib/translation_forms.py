"""The form of a translation edited beside its original (practices, meetings, news).

Each content model keeps its translations as sibling rows; the screens that edit them are the
same: the translated text fields next to the original, who made the translation (a person or
a machine) and whether the editor reviewed it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .languages import LANGUAGE_LABELS

ORIGINS = [("human", _("Human translation")), ("machine", _("Machine translation"))]


class SideBySideTranslationForm(forms.Form):
    """Subclasses declare their text fields and list them in ``TEXT_FIELDS``; a subclass
    without a review step sets ``reviewed = None``."""

    origin = forms.ChoiceField(
        label=_("Origin"), choices=ORIGINS, initial="human", widget=forms.RadioSelect
    )
    reviewed = forms.BooleanField(
        label=_("I have reviewed this translation against the original"), required=False
    )

    TEXT_FIELDS: tuple[str, ...] = ()

    def __init__(self, *args, original, language: str, user=None, translation=None, **kwargs):
        initial = {}
        if translation is not None:
            initial = {name: getattr(translation, name) for name in self.TEXT_FIELDS}
            initial["origin"] = translation.origin
            initial["reviewed"] = getattr(translation, "reviewed_by_id", None) is not None
        super().__init__(*args, initial=initial, **kwargs)
        self.original, self.language, self.user = original, language, user
        self.translation = translation
        self.language_label = LANGUAGE_LABELS[language]
        for name in self.TEXT_FIELDS:
            self.fields[name].widget.attrs["lang"] = language

    def operation_kwargs(self) -> dict:
        """The language, origin and texts; whoever ticks "reviewed" reviewed it."""
        data = self.cleaned_data
        kwargs = {
            "language": self.language,
            "origin": data["origin"],
            **{name: data[name] for name in self.TEXT_FIELDS},
        }
        if "reviewed" in self.fields:
            kwargs["reviewed_by"] = self.user if data["reviewed"] else None
        return kwargs

    @property
    def outdated(self) -> bool:
        """Whether the original changed since the translation was made."""
        return self.translation is not None and self.translation.is_outdated(self.original)

    def changes(self) -> list[dict]:
        """What changed in the original since the translation: each text's label and diff."""
        if self.translation is None or not hasattr(self.translation, "original_changes"):
            return []
        return [
            {**change, "label": self.fields[change["name"]].label}
            for change in self.translation.original_changes(self.original)
            if change["name"] in self.fields
        ]

    def rows(self) -> list[dict]:
        """Each text field beside the original text it translates."""
        return [
            {"name": name, "field": self[name], "original": getattr(self.original, name)}
            for name in self.TEXT_FIELDS
        ]
