"""Editing a meeting's agenda: add, change, remove and reorder its items."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import operations
from ..forms import AgendaItemForm, add_operation_errors
from ..models import AgendaItem
from .common import organised_meeting, posted


def _agenda_url(meeting) -> str:
    return reverse("meetings:agenda", args=[meeting.pk])


def _organised_item(request, pk: int, item_pk: int) -> AgendaItem:
    meeting = organised_meeting(request, pk)
    item = get_object_or_404(AgendaItem.objects.filter(meeting=meeting), pk=item_pk)
    item.meeting = meeting
    return item


@login_required
def agenda(request, pk: int):
    meeting = organised_meeting(request, pk)
    form = AgendaItemForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            operations.add_agenda_item(meeting, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The agenda item is added."))
            return redirect(_agenda_url(meeting))
    items = meeting.agenda.select_related("presenter").prefetch_related("practices")
    return render(
        request, "meetings/agenda.html", {"meeting": meeting, "items": items, "form": form}
    )


@login_required
def agenda_item_edit(request, pk: int, item_pk: int):
    item = _organised_item(request, pk, item_pk)
    form = AgendaItemForm(posted(request), user=request.user, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_agenda_item(item, user=request.user, **form.operation_kwargs())
        except ValidationError as error:
            add_operation_errors(form, error)
        else:
            messages.success(request, _("The agenda item is saved."))
            return redirect(_agenda_url(item.meeting))
    return render(
        request,
        "meetings/agenda_item_form.html",
        {"meeting": item.meeting, "item": item, "form": form},
    )


@login_required
@require_POST
def agenda_item_remove(request, pk: int, item_pk: int):
    item = _organised_item(request, pk, item_pk)
    operations.remove_agenda_item(item, user=request.user)
    messages.success(request, _("The agenda item is removed."))
    return redirect(_agenda_url(item.meeting))


@login_required
@require_POST
def agenda_item_move(request, pk: int, item_pk: int):
    """Up or down one place (``direction``), or to ``position`` (0-based)."""
    item = _organised_item(request, pk, item_pk)
    direction, position = request.POST.get("direction"), request.POST.get("position", "")
    if direction in ("up", "down"):
        position = item_position(item) + (1 if direction == "down" else -1)
    elif not re.fullmatch(r"[0-9]{1,4}", position):
        return HttpResponseBadRequest(_("Say where the item goes: up, down or a position."))
    operations.move_agenda_item(item, user=request.user, position=position)
    return redirect(_agenda_url(item.meeting))


def item_position(item: AgendaItem) -> int:
    """The item's 0-based place in its agenda (stored positions may have gaps)."""
    ordered = list(item.meeting.agenda.order_by("position", "pk").values_list("pk", flat=True))
    return ordered.index(item.pk)
