"""Organising meetings: schedule one, change it, translate it, schedule the next of its series,
cancel it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trefpunt.lib.languages import CODES
from trefpunt.lib.richtext import rich_text

from .. import access, operations
from ..forms import MeetingForm, MeetingTranslationForm, NextMeetingForm, add_operation_errors
from .common import organised_meeting, posted


def _schedule(user, form: MeetingForm):
    """A new series (when named) and the meeting, together or not at all."""
    with transaction.atomic():
        kwargs = form.operation_kwargs()
        series = form.new_series_kwargs(user)
        if series is not None:
            kwargs["series"] = operations.create_series(**series)
        return operations.schedule_meeting(user=user, **kwargs)


@login_required
def meeting_create(request):
    if not access.can_create_meetings(request.user):
        raise PermissionDenied(_("Only editors of an organisation and curators organise meetings."))
    form = MeetingForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = _schedule(request.user, form)
        except ValidationError as error:
            form.add_operation_errors(error)
        else:
            messages.success(request, _("The meeting is scheduled."))
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


def _update(user, meeting, form: MeetingForm):
    with transaction.atomic():
        kwargs = form.operation_kwargs()
        series = form.new_series_kwargs(user)
        if series is not None:
            kwargs["series"] = operations.create_series(**series)
        version = form.cleaned_data["version"]
        return operations.update_meeting(meeting, user=user, version=version, **kwargs)


@login_required
def meeting_edit(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = MeetingForm(posted(request), user=request.user, meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            _update(request.user, meeting, form)
        except ValidationError as error:
            form.add_operation_errors(error)
        else:
            messages.success(request, _("The meeting is saved."))
            return redirect(meeting)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_translate(request, pk: int, lang: str):
    meeting = organised_meeting(request, pk)
    if lang == meeting.language or lang not in CODES:
        raise Http404(_("This meeting cannot be translated into “%(lang)s”.") % {"lang": lang})
    translation = meeting.translation_in(lang)
    form = MeetingTranslationForm(
        posted(request), original=meeting, language=lang, translation=translation
    )
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_meeting_translation(
                meeting, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The translation is saved."))
            return redirect(meeting)
    context = {"meeting": meeting, "form": form, "description": rich_text(meeting.description)}
    return render(request, "meetings/meeting_translate.html", context)


@login_required
def schedule_next(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = NextMeetingForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            following = operations.schedule_next_meeting(
                meeting, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The next meeting is scheduled."))
            return redirect(following)
    return render(request, "meetings/schedule_next.html", {"form": form, "meeting": meeting})


@login_required
@require_POST
def meeting_cancel(request, pk: int):
    meeting = organised_meeting(request, pk)
    operations.cancel_meeting(meeting, user=request.user)
    messages.success(request, _("The meeting is cancelled."))
    return redirect(meeting)
