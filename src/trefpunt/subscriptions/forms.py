from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Frequency, Kind


class SubscribeForm(forms.Form):
    kind = forms.ChoiceField(label=_("What"), choices=Kind.choices)
    target = forms.CharField(label=_("Which"), max_length=120)
    frequency = forms.ChoiceField(
        label=_("How often"), choices=Frequency.choices, initial=Frequency.DAILY
    )


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label=_("How often"), choices=Frequency.choices)
