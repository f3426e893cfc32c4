"""The forms of the register's pages: they read input; the operations decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trefpunt.organisations.models import Organisation

from . import access
from .lifecycle import CLOSING, Level, Status, allowed_next, higher_levels
from .models import CONTENT_LANGUAGES, Border, Domain, Interaction
from .queries import COUNTRIES, ObstacleFilters


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show an operation's field errors on the form (unknown fields at the top)."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + Status.choices
    )
    border = forms.ChoiceField(
        label=_("Border"), required=False, choices=[("", _("All"))] + Border.choices
    )
    domain = forms.ChoiceField(
        label=_("Domain"), required=False, choices=[("", _("All"))] + Domain.choices
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=[("", _("All"))] + [(c, c) for c in COUNTRIES]
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)

    def filters(self) -> ObstacleFilters:
        data = self.cleaned_data if self.is_valid() else {}
        return ObstacleFilters(
            status=data.get("status") or "",
            border=data.get("border") or "",
            domain=data.get("domain") or "",
            country=data.get("country") or "",
            year=data.get("year"),
        )


class _ObstacleFields(forms.Form):
    language = forms.ChoiceField(label=_("Language of your text"), choices=CONTENT_LANGUAGES)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happens, to whom, on which side of the border, and since when."),
    )
    border = forms.ChoiceField(label=_("Border"), choices=Border.choices)
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    interaction = forms.ChoiceField(label=_("Who is affected"), choices=Interaction.choices)
    confirm_new = forms.BooleanField(
        label=_("I checked the similar obstacles: mine is a different one."), required=False
    )


class ReportForm(_ObstacleFields):
    reporter = forms.ModelChoiceField(
        label=_("Reported for"), queryset=Organisation.objects.none(), to_field_name="slug"
    )
    field_order = ["reporter"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reporter"].queryset = access.reporter_choices(
            user, Organisation.objects.prefetch_related("names").order_by("name")
        )


class PublicReportForm(_ObstacleFields):
    contact_name = forms.CharField(
        label=_("Your name"),
        required=False,
        max_length=200,
        help_text=_("Only the Secretariat-General sees it; it is never published."),
    )
    contact_email = forms.EmailField(
        label=_("Your email address"),
        required=False,
        help_text=_("Only the Secretariat-General sees it; it is never published."),
    )
    # A field people do not see: robots fill it in.
    website = forms.CharField(required=False, widget=forms.HiddenInput)


class EditForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 8}))
    domain = forms.ChoiceField(label=_("Domain"), choices=Domain.choices)
    interaction = forms.ChoiceField(label=_("Who is affected"), choices=Interaction.choices)
    version = forms.IntegerField(widget=forms.HiddenInput)


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), choices=())
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Required for every outcome that closes or resolves the obstacle."),
    )
    document_url = forms.URLField(
        label=_("Document (web address)"), required=False, assume_scheme="https"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, obstacle=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (value, Status(value).label) for value in allowed_next(obstacle.status)
        ]
        self.closing = [value for value in allowed_next(obstacle.status) if value in CLOSING]


class EscalationForm(forms.Form):
    level = forms.ChoiceField(label=_("Level"), choices=())
    reason = forms.CharField(
        label=_("Why"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    document_url = forms.URLField(
        label=_("Document (web address)"), required=False, assume_scheme="https"
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, obstacle=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["level"].choices = [
            (value, Level(value).label) for value in higher_levels(obstacle.level)
        ]


class SignalForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    count = forms.IntegerField(label=_("Number of cases"), min_value=1, initial=1)
    source = forms.ModelChoiceField(
        label=_("Source organisation"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        required=False,
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].queryset = access.reporter_choices(
            user, Organisation.objects.prefetch_related("names").order_by("name")
        )


class ProvisionForm(forms.Form):
    country = forms.ChoiceField(label=_("Side"), choices=())
    act = forms.CharField(
        label=_("Legal act (identifier)"),
        required=False,
        max_length=20,
        help_text=_("The identifier in the legal library, e.g. BWBV0002224."),
    )
    article = forms.CharField(label=_("Article"), required=False, max_length=30)
    citation = forms.CharField(
        label=_("Or: citation of a national rule"), required=False, max_length=500
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, obstacle=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [(c, c) for c in obstacle.countries]
