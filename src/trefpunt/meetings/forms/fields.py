"""Fields and querysets the meetings forms share, and how operation errors reach a form."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from trefpunt.organisations.fields import OrganisationsField, PeopleField, directory_people
from trefpunt.organisations.models import Organisation, Post
from trefpunt.places.forms import COUNTRY_CHOICES
from trefpunt.places.lookup import find_territory_ids
from trefpunt.places.models import Territory

COMMON_TIMEZONES = (
    "Europe/Brussels",
    "Europe/Amsterdam",
    "Europe/Luxembourg",
    "Europe/Paris",
    "Europe/Berlin",
    "UTC",
)
COUNTRIES = [(code, label) for code, label in COUNTRY_CHOICES if code]
MAX_CHAIRS = 4
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


def add_operation_errors(form, error: ValidationError) -> None:
    """An operation's errors beside the fields they name, the rest above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, messages in error.message_dict.items():
        known = field in form.fields and not form.fields[field].widget.is_hidden
        form.add_error(field if known else None, messages)


def timezone_field():
    return forms.ChoiceField(
        label=_("Time zone"),
        choices=[(zone, zone) for zone in COMMON_TIMEZONES],
        initial="Europe/Brussels",
        help_text=_("Start and end are local times in this zone."),
        error_messages={
            "invalid_choice": _(
                "“%(value)s” is not a time zone offered here; choose one of the list."
            )
        },
    )


class _NoEmptyLabel:
    """Suggest fields are typed, not picked: a select's ``empty_label`` means nothing here."""

    def __init__(self, **kwargs):
        kwargs.pop("empty_label", None)
        super().__init__(**kwargs)


class OrganisationChoiceField(_NoEmptyLabel, OrganisationsField):
    """One organisation typed by name (any language or acronym), with suggestions."""

    def __init__(self, **kwargs):
        super().__init__(many=False, **kwargs)


class OrganisationsChoiceField(_NoEmptyLabel, OrganisationsField):
    """Several organisations typed by name, separated by commas or semicolons."""


class PersonChoiceField(_NoEmptyLabel, PeopleField):
    """One person of the directory typed by name, with suggestions."""

    def __init__(self, **kwargs):
        super().__init__(many=False, **kwargs)


class LocalDateTimeField(forms.DateTimeField):
    """A wall-clock date and time, kept naive: the operation reads it in the meeting's time
    zone (Django's own field would read it in the server's)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=None)
        try:
            parsed = parse_datetime(value.strip())
        except ValueError:
            parsed = None
        if parsed is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return parsed.replace(tzinfo=None)

    def prepare_value(self, value):
        return value


class PlaceField(forms.CharField):
    """A territory typed by its name (in any language) or its code (``BE-NIS:34027``)."""

    def prepare_value(self, value):
        return value.code if isinstance(value, Territory) else value

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        territory = Territory.objects.filter(code=value.strip()).first()
        if territory is None:
            ids = find_territory_ids(value, limit=1)
            territory = Territory.objects.filter(pk=ids[0]).first() if ids else None
        if territory is None:
            raise ValidationError(
                _(
                    "No place is known as “%(name)s”. Type the name of a municipality or its "
                    "code, as on the place pages (e.g. BE-NIS:34027)."
                ),
                code="unknown_place",
                params={"name": value},
            )
        return territory


def current_posts():
    return (
        Post.objects.current()
        .filter(person__archived_at__isnull=True)
        .select_related("person", "organisation")
        .prefetch_related("organisation__names")
        .order_by("person__family_name", "person__given_name", "pk")
    )


def active_people():
    """The people forms offer: those the public directory shows."""
    return directory_people().order_by("family_name", "given_name")


def active_organisations():
    return Organisation.objects.active().prefetch_related("names").order_by("name")
