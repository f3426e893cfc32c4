from django import forms
from django.utils.translation import gettext_lazy as _

from trefpunt.places.forms import COUNTRY_CHOICES

from .models import Organisation, OrganisationKind

LANGUAGES = (("nl", _("Dutch")), ("fr", _("French")), ("de", _("German")), ("en", _("English")))


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *OrganisationKind.choices], required=False
    )
    country = forms.ChoiceField(label=_("Country"), choices=COUNTRY_CHOICES, required=False)


class OrganisationEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    name = forms.CharField(label=_("Official name"), max_length=200)
    acronym = forms.CharField(label=_("Acronym"), max_length=30, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 5}), required=False
    )

    def __init__(self, *args, organisation: Organisation, **kwargs):
        initial = {
            "version": organisation.version,
            "name": organisation.name,
            "acronym": organisation.acronym,
            "website": organisation.website,
            "description": organisation.description,
        }
        names = organisation.names_by_language()
        for code, _label in LANGUAGES:
            initial[f"name_{code}"] = names.get(code, "")
        super().__init__(*args, initial=initial, **kwargs)
        for code, label in LANGUAGES:
            self.fields[f"name_{code}"] = forms.CharField(
                label=_("Name in %(language)s") % {"language": label},
                max_length=200,
                required=False,
            )
        self.organisation = organisation

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        names = {
            code: data[f"name_{code}"]
            for code, _label in LANGUAGES
            if code != self.organisation.language
        }
        return {
            "version": data["version"],
            "names": names,
            "name": data["name"],
            "acronym": data["acronym"],
            "website": data["website"],
            "description": data["description"],
        }
