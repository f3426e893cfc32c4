"""What a meeting records: minutes per language (and their approval), decisions, actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from trefpunt.lib.languages import LANGUAGE_LABELS

from .. import access, operations
from ..forms import ActionForm, ActionUpdateForm, DecisionForm, MinutesForm, add_operation_errors
from ..models import CONTENT_LANGUAGES
from .common import organised_meeting, posted, redirect_back


def _minutes_language(lang: str) -> str:
    if lang not in dict(CONTENT_LANGUAGES):
        raise Http404(_("Minutes are written in Dutch, French, German, English or Luxembourgish."))
    return lang


@login_required
def minutes_edit(request, pk: int, lang: str):
    meeting = organised_meeting(request, pk)
    minutes = meeting.minutes.filter(language=_minutes_language(lang)).first()
    form = MinutesForm(posted(request), minutes=minutes, language=lang)
    if request.method == "POST" and form.is_valid():
        try:
            operations.save_minutes(meeting, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The minutes are saved as a draft."))
            return redirect(f"{meeting.get_absolute_url()}#minutes-{lang}")
    return render(
        request,
        "meetings/minutes_form.html",
        {"meeting": meeting, "minutes": minutes, "form": form, "label": LANGUAGE_LABELS[lang]},
    )


@login_required
@require_POST
def minutes_approve(request, pk: int, lang: str):
    meeting = organised_meeting(request, pk)
    minutes = get_object_or_404(meeting.minutes, language=_minutes_language(lang))
    operations.approve_minutes(minutes, user=request.user)
    messages.success(request, _("The minutes are approved."))
    return redirect(f"{meeting.get_absolute_url()}#minutes-{lang}")


@login_required
def decisions(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = DecisionForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            decision = operations.record_decision(
                meeting, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(
                request, _("Decision %(number)s is recorded.") % {"number": decision.number}
            )
            return redirect(reverse("meetings:decisions", args=[meeting.pk]))
    recorded = meeting.decisions.select_related("agenda_item")
    return render(
        request, "meetings/decisions.html", {"meeting": meeting, "form": form, "recorded": recorded}
    )


@login_required
def actions(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = ActionForm(posted(request), meeting=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            operations.assign_action(meeting, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The action is assigned."))
            return redirect(reverse("meetings:actions", args=[meeting.pk]))
    assigned = meeting.actions.select_related("owner_person", "owner_organisation", "decision")
    return render(
        request, "meetings/actions.html", {"meeting": meeting, "form": form, "assigned": assigned}
    )


@login_required
@require_POST
def action_update(request, action_pk: int):
    """Status and notes of an action, from the meeting page or the dashboard."""
    action = access.get_action_for_user(request.user, action_pk)
    form = ActionUpdateForm(request.POST, action=action)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose a status for the action."))
        operations.update_action(action, user=request.user, **form.operation_kwargs())
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The action “%(title)s” is updated.") % {"title": action})
    return redirect_back(request, action.meeting.get_absolute_url())
