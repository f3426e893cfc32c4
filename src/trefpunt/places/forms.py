from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Level

COUNTRY_CHOICES = [
    ("", _("All countries")),
    ("BE", _("Belgium")),
    ("NL", _("Netherlands")),
    ("LU", _("Luxembourg")),
    ("DE", _("Germany")),
    ("FR", _("France")),
]


class TerritoryFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)
    level = forms.ChoiceField(
        label=_("Level"), choices=[("", _("All levels")), *Level.choices], required=False
    )
    min_population = forms.IntegerField(label=_("Population from"), required=False, min_value=0)
    max_population = forms.IntegerField(label=_("Population up to"), required=False, min_value=0)

    def clean(self):
        data = super().clean()
        low, high = data.get("min_population"), data.get("max_population")
        if low is not None and high is not None and low > high:
            self.add_error("max_population", _("The upper bound is below the lower bound."))
        return data
