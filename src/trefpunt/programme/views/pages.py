from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language
from trefpunt.organisations.models import Presidency

from .. import diff, operations, pdf, queries, rollup
from ..forms import CommentForm
from ..models import PlanVersion


def index(request):
    plans = list(queries.plans())
    for item in plans:
        item.shown_annual_plans = [(a, rollup.of_annual_plan(a)) for a in item.annual_plans.all()]
    return render(request, "programme/index.html", {"plans": plans})


def plan(request, slug: str):
    found = queries.plan(slug)
    progress = rollup.by_objective(found)
    return render(
        request,
        "programme/plan.html",
        {
            "plan": found,
            "objectives": [(o, progress.get(o.pk)) for o in found.objectives.all()],
            "annual_plans": [(a, rollup.of_annual_plan(a)) for a in found.annual_plans.all()],
            "versions": queries.versions_of(found),
            "current": queries.current_version(found),
        },
    )


def annual_plan(request, year: int):
    found = queries.annual_plan(year)
    projects = list(queries.projects(found.projects.all()).order_by("title", "pk"))
    today = timezone.localdate()
    return render(
        request,
        "programme/annual_plan.html",
        {
            "annual_plan": found,
            "progress": rollup.of_annual_plan(found),
            "projects": [
                (
                    p,
                    rollup.weighted(p.deliverables.all()),
                    sum(d.is_overdue(today) for d in p.deliverables.all()),
                )
                for p in projects
            ],
            "versions": queries.versions_of(found),
            "current": queries.current_version(found),
        },
    )


def annual_report(request, year: int):
    found = queries.annual_plan(year)
    response = HttpResponse(
        pdf.render_report_pdf(found, current_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="jaarverslag-{year}.pdf"'
    return response


def project(request, slug: str):
    found = queries.project_detail(slug)
    today = timezone.localdate()
    return render(
        request,
        "programme/project.html",
        {
            "project": found,
            "progress": rollup.weighted(found.deliverables.all()),
            "deliverables": [(d, d.is_overdue(today)) for d in found.deliverables.all()],
        },
    )


def version(request, pk: int):
    found = queries.version(pk)
    form = CommentForm(request.POST or None, user=request.user)
    if request.method == "POST":
        if not request.user.is_authenticated:
            raise PermissionDenied(_("Log in to comment."))
        if form.is_valid():
            try:
                operations.comment_on_version(found, user=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Your comment was added."))
                return redirect(found)
    comments = found.comments.select_related("organisation").prefetch_related("organisation__names")
    return render(
        request,
        "programme/version.html",
        {
            "version": found,
            "plan": found.plan,
            "comments": comments,
            "form": form,
            "consultation_open": found.consultation_is_open(timezone.localdate()),
            "previous": PlanVersion.objects.of(found.plan).filter(number=found.number - 1).first(),
        },
    )


def version_diff(request, pk: int):
    found = queries.version(pk)
    previous = PlanVersion.objects.of(found.plan).filter(number=found.number - 1).first()
    if previous is None:
        raise Http404(_("This is the first version: there is nothing to compare it with."))
    lines = diff.compare(previous.text, found.text)
    return render(
        request,
        "programme/version_diff.html",
        {
            "version": found,
            "previous": previous,
            "plan": found.plan,
            "lines": lines,
            "changed": diff.changed(lines),
            "title_changed": previous.title != found.title,
        },
    )


def presidencies(request):
    rows = Presidency.objects.prefetch_related("annual_plans").order_by("year")
    return render(request, "programme/presidencies.html", {"presidencies": rows})
