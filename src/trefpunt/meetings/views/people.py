"""Who takes part: invitations, attendance, and the registration link an invitee follows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trefpunt.lib.languages import current_language

from .. import access, operations
from ..forms import InviteForm, add_operation_errors
from ..models import Meeting, Participant, ParticipantStatus
from .common import organised_meeting, posted
from .meeting import participation_summary
from .reading import prepare

# What organisers set by hand; registering and declining are the invitee's own answers.
ORGANISER_STATUSES = (ParticipantStatus.ATTENDED, ParticipantStatus.EXCUSED)


@login_required
def participants(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = InviteForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            invited = operations.invite(meeting, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("%(name)s is invited.") % {"name": invited.name})
            return redirect(reverse("meetings:participants", args=[meeting.pk]))
    context = {"meeting": meeting, "form": form, "statuses": ORGANISER_STATUSES}
    return render(
        request, "meetings/participants.html", {**context, **participation_summary(meeting)}
    )


@login_required
@require_POST
def participant_status(request, pk: int, participant_pk: int):
    meeting = organised_meeting(request, pk)
    participant = get_object_or_404(Participant.objects.filter(meeting=meeting), pk=participant_pk)
    status = request.POST.get("status")
    try:
        if status not in ORGANISER_STATUSES:
            raise ValidationError(_("Mark a participant as attended or excused."))
        operations.set_participant_status(participant, user=request.user, status=status)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The status of %(name)s is saved.") % {"name": participant.name}
        )
    return redirect(reverse("meetings:participants", args=[meeting.pk]))


def register(request, token: str):
    """The invitee's own page: no login, the token in the link is the key."""
    participant = _participant_for(token)
    if request.method == "POST":
        try:
            participant = operations.respond(token, answer=request.POST.get("answer", ""))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return render(request, "meetings/register_done.html", _register_context(participant))
    return render(request, "meetings/register.html", _register_context(participant))


def _participant_for(token: str) -> Participant:
    participant = access.get_participant_for_token(token)
    if participant is None:
        raise Http404(_("This registration link is not valid. Ask the organisers for a new one."))
    return participant


def _register_context(participant: Participant) -> dict:
    meeting = (
        Meeting.objects.select_related("territory", "organiser")
        .prefetch_related("translations", "organiser__names", "territory__names", "chairs__person")
        .get(pk=participant.meeting_id)
    )
    return {
        "participant": participant,
        "meeting": prepare(meeting, current_language()),
    }
