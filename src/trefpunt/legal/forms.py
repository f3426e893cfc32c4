from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PARTY_LABELS, Kind
from .themes import THEMES


class ActFilterForm(forms.Form):
    q = forms.CharField(label=_("Words in the title"), required=False, max_length=200)
    party = forms.ChoiceField(
        label=_("Party"),
        required=False,
        choices=[("", _("All parties"))] + list(PARTY_LABELS.items()),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds"))] + list(Kind.choices)
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes"))] + list(THEMES.items())
    )
    crisis = forms.BooleanField(label=_("Only crisis related"), required=False)
