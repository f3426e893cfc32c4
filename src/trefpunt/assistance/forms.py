from django import forms
from django.utils.translation import gettext_lazy as _

from . import reach
from .models import CapabilityKind


class NearestForm(forms.Form):
    lat = forms.FloatField(label=_("Latitude"))
    lon = forms.FloatField(label=_("Longitude"))
    kind = forms.ModelChoiceField(
        label=_("Kind"), queryset=CapabilityKind.objects.all(), to_field_name="slug"
    )
    quantity = forms.IntegerField(label=_("Quantity"), required=False, min_value=0)
    within = forms.IntegerField(label=_("Within (minutes)"), required=False, min_value=0)

    def clean(self):
        data = super().clean()
        lat, lon = data.get("lat"), data.get("lon")
        if lat is not None and lon is not None and not reach.in_area(lat, lon):
            self.add_error("lat", _("The point is outside the area of the map."))
        return data
