"""The forms that write: report (as an organisation or through the public form), edit, move
on, escalate, count cases and cite provisions. Each calls one operation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import access, operations, queries
from ..duplicates import possible_duplicates
from ..forms import (
    EditForm,
    EscalationForm,
    ProvisionForm,
    PublicReportForm,
    ReportForm,
    SignalForm,
    TransitionForm,
    apply_errors,
)

FIELDS = ("language", "title", "description", "border", "domain", "interaction")


def _duplicates_first(form) -> list:
    """Similar published obstacles the reporter has not yet said are different."""
    if form.cleaned_data.get("confirm_new"):
        return []
    return possible_duplicates(form.cleaned_data["title"], form.cleaned_data["description"])


def _form_page(request, form, title, obstacle=None, duplicates=()):
    return render(
        request,
        "obstacles/obstacle_form.html",
        {"form": form, "title": title, "obstacle": obstacle, "duplicates": duplicates},
    )


@login_required
def report(request):
    if not access.can_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.POST or None, user=request.user)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = _duplicates_first(form)
        if not duplicates:
            try:
                obstacle = operations.report_obstacle(
                    user=request.user,
                    reporter=form.cleaned_data["reporter"],
                    **{name: form.cleaned_data[name] for name in FIELDS},
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, _("Thank you: the obstacle is submitted for assessment."))
                return redirect(obstacle)
    return _form_page(request, form, _("Report an obstacle"), duplicates=duplicates)


def report_public(request):
    form = PublicReportForm(request.POST or None)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:  # a robot
            return redirect("obstacles:report_public_done")
        duplicates = _duplicates_first(form)
        if not duplicates:
            try:
                operations.report_publicly(
                    contact_name=form.cleaned_data["contact_name"],
                    contact_email=form.cleaned_data["contact_email"],
                    **{name: form.cleaned_data[name] for name in FIELDS},
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("obstacles:report_public_done")
    return _form_page(
        request, form, _("Tell us about a cross-border obstacle"), duplicates=duplicates
    )


def report_public_done(request):
    return render(request, "obstacles/report_public_done.html")


@login_required
def edit_obstacle(request, pk: int):
    obstacle = access.get_obstacle_for_user(request.user, pk)
    if not access.can_edit(request.user, obstacle):
        raise PermissionDenied
    initial = {
        name: getattr(obstacle, name)
        for name in ("title", "description", "domain", "interaction", "version")
    }
    form = EditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            operations.update_obstacle(obstacle, user=request.user, version=version, **data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Your changes are saved."))
            return redirect(obstacle)
    return _form_page(request, form, _("Edit the obstacle"), obstacle)


def _step(request, pk, form_class, operation, title):
    """A form posted from the obstacle's page; errors are shown on a page of their own."""
    obstacle = access.get_obstacle_for_user(request.user, pk, queries.with_everything())
    kwargs = {"user": request.user} if form_class is SignalForm else {"obstacle": obstacle}
    form = form_class(request.POST, **kwargs)
    if form.is_valid():
        try:
            operation(obstacle, form.cleaned_data)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect(obstacle)
    return _form_page(request, form, title, obstacle)


@login_required
@require_POST
def transition(request, pk: int):
    def run(obstacle, data):
        operations.transition_obstacle(obstacle, user=request.user, **data)

    return _step(request, pk, TransitionForm, run, _("Change the status"))


@login_required
@require_POST
def escalate(request, pk: int):
    def run(obstacle, data):
        operations.escalate_obstacle(obstacle, user=request.user, **data)

    return _step(request, pk, EscalationForm, run, _("Escalate"))


@login_required
@require_POST
def add_signal(request, pk: int):
    def run(obstacle, data):
        operations.add_signal(obstacle, user=request.user, **data)

    return _step(request, pk, SignalForm, run, _("Count cases"))


@login_required
@require_POST
def add_provision(request, pk: int):
    def run(obstacle, data):
        errors: dict = {}
        act, article = queries.resolve_citation(data["act"], data["article"], errors)
        if errors:
            raise ValidationError(errors)
        operations.add_provision(
            obstacle,
            user=request.user,
            country=data["country"],
            act=act,
            article=article,
            citation=data["citation"],
            note=data["note"],
        )

    return _step(request, pk, ProvisionForm, run, _("Cite a legal provision"))
