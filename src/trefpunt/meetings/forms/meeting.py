"""Scheduling meetings: the meeting with its chairs, the next one of a series, the list filters."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.richtext import RichTextarea
from trefpunt.organisations.fields import PostField
from trefpunt.organisations.models import Organisation, Post
from trefpunt.places.forms import COUNTRY_CHOICES

from .. import access
from ..models import (
    CONTENT_LANGUAGES,
    MeetingKind,
    Series,
    Visibility,
)
from .fields import (
    COMMON_TIMEZONES,
    COUNTRIES,
    MAX_CHAIRS,
    LocalDateTimeField,
    OrganisationChoiceField,
    OrganisationsChoiceField,
    PlaceField,
    active_organisations,
    add_operation_errors,
    current_posts,
    timezone_field,
)


class ChairForm(forms.Form):
    post = PostField(label=_("Chair"), queryset=Post.objects.none(), required=False)
    country = forms.ChoiceField(
        label=_("Chairs for (side)"),
        choices=[("", _("The country of their organisation")), *COUNTRIES],
        required=False,
    )

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts if posts is not None else current_posts()

    def clean(self):
        data = super().clean()
        if data.get("country") and not data.get("post"):
            self.add_error("post", _("Choose who chairs for this side."))
        return data


class BaseChairFormSet(forms.BaseFormSet):
    def __init__(self, *args, **kwargs):
        self._posts = current_posts()
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        # Every row is validated, also one left as it was (an unchanged chair still counts).
        return {"posts": self._posts, "empty_permitted": False}

    def chairs(self) -> list[dict]:
        """The rows filled in, as ``schedule_meeting`` takes them."""
        return [
            {"person": row["post"].person, "post": row["post"], "country": row["country"] or None}
            for row in (form.cleaned_data for form in self.forms)
            if row.get("post")
        ]


ChairFormSet = forms.formset_factory(
    ChairForm, formset=BaseChairFormSet, extra=MAX_CHAIRS, max_num=MAX_CHAIRS
)


class MeetingForm(forms.Form):
    """Create (``meeting=None``) or edit a meeting; its chairs come in ``self.chairs``."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(label=_("Title"), max_length=300)
    language = forms.ChoiceField(
        label=_("Language of the title and description"), choices=CONTENT_LANGUAGES
    )
    kind = forms.ChoiceField(label=_("Kind of meeting"), choices=MeetingKind.choices)
    description = forms.CharField(
        label=_("Description"),
        widget=RichTextarea(attrs={"rows": 5}),
        required=False,
        help_text=_("Simple HTML (paragraphs, lists, links); other markup is removed."),
    )
    start = LocalDateTimeField(label=_("Start"))
    end = LocalDateTimeField(label=_("End"))
    timezone = timezone_field()
    place = PlaceField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("Name of the municipality or its code (e.g. BE-NIS:34027)."),
    )
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("For online and hybrid meetings."),
    )
    organiser = OrganisationChoiceField(label=_("Organiser"), queryset=Organisation.objects.none())
    supporting = OrganisationsChoiceField(
        label=_("Supporting organisations"),
        queryset=Organisation.objects.none(),
        required=False,
    )
    sides = forms.MultipleChoiceField(
        label=_("Sides of a bi-national meeting"),
        choices=COUNTRIES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick two or more countries; each side needs a chair. Leave empty otherwise."),
    )
    visibility = forms.ChoiceField(
        label=_("Who may see it"), choices=Visibility.choices, initial=Visibility.PUBLIC
    )
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=1,
        required=False,
        help_text=_("Seats; later registrations go on a waiting list. Empty for no limit."),
    )
    series = forms.ModelChoiceField(
        label=_("Series"),
        queryset=Series.objects.none(),
        required=False,
        empty_label=_("— none —"),
    )
    new_series = forms.CharField(
        label=_("Or start a new series named"), max_length=200, required=False
    )

    TEXT_FIELDS = ("title", "language", "kind", "description")
    WHEN_FIELDS = ("start", "end", "timezone")
    WHERE_FIELDS = ("place", "address", "online_url")
    WHO_FIELDS = (
        "organiser",
        "supporting",
        "sides",
        "visibility",
        "capacity",
        "series",
        "new_series",
    )

    def __init__(self, data=None, *, user, meeting=None):
        initial = {"language": current_language()} if meeting is None else self._initial(meeting)
        super().__init__(data, initial=initial)
        self.meeting = meeting
        organisers = access.organiser_choices(user)
        if meeting is not None:
            organisers = organisers | Organisation.objects.filter(pk=meeting.organiser_id)
            self.fields["version"].required = True
        self.fields["organiser"].queryset = organisers.distinct()
        if meeting is None and data is None and len(own := list(organisers.distinct()[:2])) == 1:
            self.initial["organiser"] = own[0]  # an editor acting for one organisation
        self.fields["supporting"].queryset = active_organisations()
        self.fields["series"].queryset = Series.objects.prefetch_related("names").order_by("name")
        chair_initial = None
        # Chairs recorded without a post, or whose post has ended since (a mayor replaced after
        # the meeting), cannot be chosen again: they are kept as recorded.
        self.kept_chairs = []
        if meeting is not None:
            current = set(Post.objects.current().values_list("pk", flat=True))
            chairs = list(meeting.chairs.all())
            chair_initial = [
                {"post": chair.post, "country": chair.country}
                for chair in chairs
                if chair.post_id in current
            ]
            self.kept_chairs = [chair for chair in chairs if chair.post_id not in current]
        self.chairs = ChairFormSet(data, initial=chair_initial, prefix="chairs")
        self.chair_errors: list[str] = []

    @staticmethod
    def _initial(meeting) -> dict:
        return {
            "version": meeting.version,
            "title": meeting.title,
            "language": meeting.language,
            "kind": meeting.kind,
            "description": meeting.description,
            "start": meeting.local_start.replace(tzinfo=None),
            "end": meeting.local_end.replace(tzinfo=None),
            "timezone": meeting.timezone,
            "place": meeting.territory,
            "address": meeting.address,
            "online_url": meeting.online_url,
            "organiser": meeting.organiser,
            "supporting": list(meeting.supporting.all()),
            "sides": meeting.side_countries,
            "visibility": meeting.visibility,
            "capacity": meeting.capacity,
            "series": meeting.series,
        }

    def groups(self):
        """The fields in fieldsets: (legend, fields)."""
        return [
            (_("What"), [self[name] for name in self.TEXT_FIELDS]),
            (_("When"), [self[name] for name in self.WHEN_FIELDS]),
            (_("Where"), [self[name] for name in self.WHERE_FIELDS]),
            (_("Who"), [self[name] for name in self.WHO_FIELDS]),
        ]

    def is_valid(self):
        chairs_valid = self.chairs.is_valid()
        return super().is_valid() and chairs_valid

    def clean(self):
        data = super().clean()
        if data.get("series") and data.get("new_series"):
            self.add_error(
                "new_series", _("Choose an existing series or name a new one, not both.")
            )
        return data

    def add_operation_errors(self, error: ValidationError) -> None:
        if hasattr(error, "error_dict") and "chairs" in error.error_dict:
            self.chair_errors = [str(message) for message in error.message_dict["chairs"]]
            error = ValidationError(
                {key: value for key, value in error.error_dict.items() if key != "chairs"}
            )
            if not error.error_dict:
                self.add_error(None, self.chair_errors)  # keeps the form invalid
                return
        if hasattr(error, "error_dict") and "slug" in error.error_dict:
            error = ValidationError(
                {("new_series" if k == "slug" else k): v for k, v in error.error_dict.items()}
            )
        add_operation_errors(self, error)

    def new_series_kwargs(self, user) -> dict | None:
        """Arguments of ``operations.create_series`` for a new series, or None."""
        name = self.cleaned_data["new_series"].strip()
        if not name:
            return None
        base = slugify(name.replace("–", "-").replace("—", "-"))[:70] or "series"
        slug, number = base, 1
        while Series.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return {
            "user": user,
            "organiser": self.cleaned_data["organiser"],
            "slug": slug,
            "name": name,
            "language": self.cleaned_data["language"],
            "kind": self.cleaned_data["kind"],
        }

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "organiser": data["organiser"],
            "kind": data["kind"],
            "language": data["language"],
            "title": data["title"],
            "description": data["description"],
            "start": data["start"],
            "end": data["end"],
            "timezone": data["timezone"],
            "series": data["series"],
            "territory": data["place"],
            "address": data["address"],
            "online_url": data["online_url"],
            "supporting": list(data["supporting"]),
            "sides": list(data["sides"]),
            "visibility": data["visibility"],
            "capacity": data["capacity"],
            "chairs": self.chairs.chairs()
            + [
                {
                    "person": chair.person,
                    "post": chair.post,
                    "organisation": chair.organisation,
                    "country": chair.country,
                }
                for chair in self.kept_chairs
            ],
        }


class NextMeetingForm(forms.Form):
    """The next meeting of a series: only its times and, optionally, a new title."""

    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Empty to keep the current title."),
    )
    start = LocalDateTimeField(label=_("Start"))
    end = LocalDateTimeField(label=_("End"))
    timezone = timezone_field()

    def __init__(self, data=None, *, meeting):
        super().__init__(data, initial={"timezone": meeting.timezone})
        if meeting.timezone not in COMMON_TIMEZONES:
            self.fields["timezone"].choices = [
                (meeting.timezone, meeting.timezone),
                *self.fields["timezone"].choices,
            ]

    def operation_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "start": data["start"],
            "end": data["end"],
            "timezone": data["timezone"],
            "title": data["title"] or None,
        }


class MeetingFilterForm(forms.Form):
    when = forms.ChoiceField(
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        required=False,
        widget=forms.HiddenInput,
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All kinds")), *MeetingKind.choices], required=False
    )
    series = forms.ChoiceField(label=_("Series"), required=False)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    country = forms.ChoiceField(
        label=_("Country of the place"), choices=COUNTRY_CHOICES, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        series = Series.objects.prefetch_related("names").order_by("name")
        self.fields["series"].choices = [
            ("", _("All series")),
            *((item.slug, item.name_in()) for item in series),
        ]
        organisers = (
            Organisation.objects.filter(organised_meetings__isnull=False)
            .distinct()
            .prefetch_related("names")
            .order_by("name")
        )
        self.fields["organisation"].choices = [
            ("", _("All organisations")),
            *((item.slug, item.name_in()) for item in organisers),
        ]

    def past(self) -> bool:
        return self.is_valid() and self.cleaned_data["when"] == "past"

    def filter(self, meetings):
        """``meetings`` narrowed by the valid filters (none when a filter is invalid)."""
        if not self.is_bound:
            return meetings
        if not self.is_valid():
            return meetings.none()
        data = self.cleaned_data
        if data["kind"]:
            meetings = meetings.filter(kind=data["kind"])
        if data["series"]:
            meetings = meetings.filter(series__slug=data["series"])
        if data["organisation"]:
            meetings = meetings.filter(organiser__slug=data["organisation"])
        if data["country"]:
            meetings = meetings.filter(territory__country=data["country"])
        return meetings
