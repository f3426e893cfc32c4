"""What a meeting records: agenda items, invitations, minutes, decisions, actions; the
follow-up filters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.richtext import RichTextarea
from trefpunt.organisations.models import Organisation, Person

from .. import access
from ..models import (
    CONTENT_LANGUAGES,
    ActionStatus,
    DelegationLevel,
    Visibility,
)
from .fields import (
    COUNTRIES,
    OrganisationChoiceField,
    PersonChoiceField,
    active_organisations,
    active_people,
)
from .meeting import MeetingFilterForm


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("Description"), widget=RichTextarea(attrs={"rows": 3}), required=False
    )
    presenter = PersonChoiceField(
        label=_("Presenter"), queryset=Person.objects.none(), required=False
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=1, max_value=1440, required=False
    )
    practices = forms.CharField(
        label=_("Good practices"),
        required=False,
        help_text=_("Numbers of practices, separated by commas (as in their web address)."),
    )
    document_url = forms.URLField(
        label=_("Document"), max_length=500, required=False, assume_scheme="https"
    )

    def __init__(self, data=None, *, user, item=None, prefix=None):
        initial = {}
        if item is not None:
            initial = {
                "title": item.title,
                "description": item.description,
                "presenter": item.presenter_id,
                "duration_minutes": item.duration_minutes,
                "practices": ", ".join(str(p.pk) for p in item.practices.all()),
                "document_url": item.document_url,
            }
        super().__init__(data, initial=initial, prefix=prefix)
        self.fields["presenter"].queryset = active_people()
        self.user, self.item = user, item

    def clean_practices(self):
        """Practices the organiser may see (published ones, their own drafts), as a public
        agenda shows them; those already on the item stay (the page hides drafts)."""
        value = self.cleaned_data["practices"]
        numbers = [part for part in value.replace(",", " ").split() if part]
        if not all(part.isdigit() for part in numbers):
            raise ValidationError(_("Type the practices' numbers, e.g. 12, 45."))
        found, missing = access.linkable_practices(
            self.user, [int(part) for part in numbers], self.item
        )
        if missing:
            raise ValidationError(access.unknown_practices_message(missing))
        return found

    def operation_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class InviteForm(forms.Form):
    person = PersonChoiceField(
        label=_("Person"), queryset=Person.objects.none(), required=False, empty_label=_("—")
    )
    organisation = OrganisationChoiceField(
        label=_("or organisation"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("—"),
    )
    email = forms.EmailField(
        label=_("Email"),
        required=False,
        help_text=_("Where the invitation goes, if not the person's own address."),
    )
    language = forms.ChoiceField(
        label=_("Language of the invitation"),
        choices=[("", _("The person's language")), *CONTENT_LANGUAGES],
        required=False,
    )
    delegation_country = forms.ChoiceField(
        label=_("Delegation (country)"),
        choices=[("", _("—")), *COUNTRIES],
        required=False,
    )
    delegation_level = forms.ChoiceField(
        label=_("Delegation level"),
        choices=[("", _("—")), *DelegationLevel.choices],
        required=False,
    )

    def __init__(self, data=None):
        super().__init__(data)
        self.fields["person"].queryset = active_people()
        self.fields["organisation"].queryset = active_organisations()

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("organisation"):
            raise ValidationError(_("Choose a person or an organisation to invite."))
        return data

    def operation_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        data["language"] = data["language"] or None
        return data


class MinutesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    body = forms.CharField(
        label=_("Minutes"),
        widget=RichTextarea(attrs={"rows": 16}),
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read them once approved"),
        choices=Visibility.choices,
        initial=Visibility.PARTICIPANTS,
        help_text=_("Never more than the meeting itself."),
    )

    def __init__(self, data=None, *, minutes=None, language: str):
        initial = {}
        if minutes is not None:
            initial = {
                "version": minutes.version,
                "body": minutes.body,
                "visibility": minutes.visibility,
            }
        super().__init__(data, initial=initial)
        self.fields["body"].widget.attrs["lang"] = language
        self.language = language

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "language": self.language,
            "body": data["body"],
            "visibility": data["visibility"],
            "version": data["version"],
        }


class DecisionForm(forms.Form):
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("Language"), choices=CONTENT_LANGUAGES)
    agenda_item = forms.ModelChoiceField(
        label=_("Agenda item"), queryset=None, required=False, empty_label=_("—")
    )

    def __init__(self, data=None, *, meeting):
        super().__init__(data, initial={"language": meeting.language})
        self.fields["agenda_item"].queryset = meeting.agenda.all()

    def operation_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ActionForm(forms.Form):
    title = forms.CharField(label=_("Action"), max_length=300)
    owner_person = PersonChoiceField(
        label=_("Owner (person)"), queryset=Person.objects.none(), required=False, empty_label="—"
    )
    owner_organisation = OrganisationChoiceField(
        label=_("or owner (organisation)"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label="—",
    )
    due_date = forms.DateField(
        label=_("Due date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    decision = forms.ModelChoiceField(
        label=_("Follows from decision"), queryset=None, required=False, empty_label="—"
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, data=None, *, meeting):
        super().__init__(data)
        self.fields["owner_person"].queryset = active_people()
        self.fields["owner_organisation"].queryset = active_organisations()
        self.fields["decision"].queryset = meeting.decisions.all()

    def clean(self):
        data = super().clean()
        if not data.get("owner_person") and not data.get("owner_organisation"):
            raise ValidationError(_("Choose who owns the action: a person or an organisation."))
        return data

    def operation_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class ActionUpdateForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, data=None, *, action, prefix=None):
        initial = {"version": action.version, "status": action.status, "notes": action.notes}
        super().__init__(data, initial=initial, prefix=prefix)

    def operation_kwargs(self) -> dict:
        return dict(self.cleaned_data)


class FollowUpFilterForm(forms.Form):
    group = forms.ChoiceField(
        label=_("Group by"),
        choices=[
            ("organisation", _("Organiser")),
            ("series", _("Series")),
            ("owner", _("Owner")),
        ],
        required=False,
    )
    series = forms.ChoiceField(label=_("Series"), required=False)
    organisation = forms.ChoiceField(label=_("Organiser"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue actions"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        filters = MeetingFilterForm()
        self.fields["series"].choices = filters.fields["series"].choices
        self.fields["organisation"].choices = filters.fields["organisation"].choices

    def group_by(self) -> str:
        return (self.is_valid() and self.cleaned_data["group"]) or "organisation"

    def filter(self, actions):
        if not self.is_bound:
            return actions
        if not self.is_valid():
            return actions.none()
        data = self.cleaned_data
        if data["series"]:
            actions = actions.filter(meeting__series__slug=data["series"])
        if data["organisation"]:
            actions = actions.filter(meeting__organiser__slug=data["organisation"])
        if data["overdue"]:
            actions = actions.overdue()
        return actions
