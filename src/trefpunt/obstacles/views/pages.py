"""The register's list and an obstacle's page."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language

from .. import access, queries
from ..forms import EscalationForm, FilterForm, ProvisionForm, SignalForm, TransitionForm
from ..lifecycle import LADDER, Level


def obstacle_list(request):
    form = FilterForm(request.GET or None)
    obstacles = queries.listed(request.user, form.filters())
    page = Paginator(obstacles, settings.TREFPUNT_PAGE_SIZE).get_page(request.GET.get("page"))
    language = current_language()
    for obstacle in page.object_list:
        obstacle.shown = obstacle.reading_in(language)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "obstacles/obstacle_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "can_report": access.can_report(request.user),
        },
    )


def obstacle_detail(request, pk: int):
    user = request.user
    obstacle = access.get_obstacle_for_user(user, pk, queries.with_everything())
    language = current_language()
    rungs = [(value, Level(value).label, value == obstacle.level) for value in LADDER]
    return render(
        request,
        "obstacles/obstacle_detail.html",
        {
            "obstacle": obstacle,
            "text": obstacle.reading_in(language),
            "language": language,
            "rungs": rungs,
            "today": timezone.localdate(),
            "cases": sum(s.count for s in obstacle.signals.all()),
            "can_edit": access.can_edit(user, obstacle) and user.is_authenticated,
            "can_see_contact": access.can_see_contact(user),
            "transition_form": TransitionForm(
                obstacle=obstacle, initial={"version": obstacle.version}
            )
            if access.can_transition(user, obstacle) and user.is_authenticated
            else None,
            "escalation_form": EscalationForm(
                obstacle=obstacle, initial={"version": obstacle.version}
            )
            if access.can_escalate(user, obstacle) and user.is_authenticated
            else None,
            "signal_form": SignalForm(user=user)
            if access.can_add_signal(user, obstacle) and user.is_authenticated
            else None,
            "provision_form": ProvisionForm(obstacle=obstacle)
            if access.can_add_provision(user, obstacle) and user.is_authenticated
            else None,
            "history": recent_history(obstacle, limit=5)
            if access.can_edit(user, obstacle) and user.is_authenticated
            else None,
            "actor_name": queries.actor_name,
        },
    )
