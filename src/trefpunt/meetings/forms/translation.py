"""A meeting's title and description translated into another language, beside the original."""

from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.richtext import RichTextarea
from trefpunt.lib.translation_forms import SideBySideTranslationForm


class MeetingTranslationForm(SideBySideTranslationForm):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=RichTextarea(attrs={"rows": 8}),
        required=False,
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    reviewed = None  # a human translation is reviewed by whoever saves it

    TEXT_FIELDS = ("title", "description")
