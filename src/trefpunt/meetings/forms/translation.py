"""A meeting's title and description translated into another language, beside the original."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import LANGUAGE_LABELS

from ..models import Meeting, MeetingTranslation

ORIGINS = [("human", _("Human translation")), ("machine", _("Machine translation"))]


class MeetingTranslationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    origin = forms.ChoiceField(
        label=_("Origin"), choices=ORIGINS, initial="human", widget=forms.RadioSelect
    )

    TEXT_FIELDS = ("title", "description")

    def __init__(
        self,
        data=None,
        *,
        meeting: Meeting,
        language: str,
        translation: MeetingTranslation | None = None,
    ):
        initial = {}
        if translation is not None:
            initial = {name: getattr(translation, name) for name in self.TEXT_FIELDS}
            initial["origin"] = translation.origin
        super().__init__(data, initial=initial)
        self.meeting, self.language, self.translation = meeting, language, translation
        self.language_label = LANGUAGE_LABELS[language]
        for name in self.TEXT_FIELDS:
            self.fields[name].widget.attrs["lang"] = language

    def operation_kwargs(self) -> dict:
        """Arguments of ``operations.save_meeting_translation``."""
        return {"language": self.language, **self.cleaned_data}

    def rows(self) -> list[dict]:
        """Each text field beside the original text it translates."""
        return [
            {"name": name, "field": self[name], "original": getattr(self.meeting, name)}
            for name in self.TEXT_FIELDS
        ]
