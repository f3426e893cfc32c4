"""Finding what a request names: the reader behind it, records by slug (a wrong one is a 422
on the field that named it) and the meeting it asks for."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError

from trefpunt.accounts.operations import authenticate_token
from trefpunt.organisations.models import Organisation, Person
from trefpunt.places.models import Territory

from .. import access
from ..models import Meeting, Series
from ..models.participation import SEATED

# --- Who is asking ------------------------------------------------------------------------


def _reader(request):
    """The user behind a read: the bearer token when one is sent, else the session."""
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        user = authenticate_token(header[7:].strip())
        if user is None:
            raise AuthenticationError()
        return user
    return request.user


# --- Looking things up by slug (a wrong one is a 422 on the field that named it) -----------


def _lookup(model, field: str, errors: dict, message: str, **lookup):
    """``model`` is a model or a queryset."""
    qs = model.objects.all() if hasattr(model, "objects") else model
    found = qs.filter(**lookup).first()
    if found is None:
        errors.setdefault(field, []).append(message)
    return found


def _organisation(slug, field, errors):
    return _lookup(
        Organisation,
        field,
        errors,
        _("No organisation has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _series(slug, field, errors):
    return _lookup(
        Series,
        field,
        errors,
        _("No series has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _person(slug, field, errors):
    return _lookup(
        Person,
        field,
        errors,
        _("No person has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _territory(code, field, errors):
    return _lookup(
        Territory,
        field,
        errors,
        _("No territory has the code %(code)s.") % {"code": code},
        code=code,
    )


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


# --- The meeting a request names ---------------------------------------------------------


def _meeting(user, pk) -> Meeting:
    return access.get_meeting_for_user(user, pk)


def _annotated(meeting: Meeting) -> Meeting:
    meeting.participants_count = meeting.participants.filter(status__in=SEATED).count()
    return meeting
