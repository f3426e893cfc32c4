"""What the register publishes: dashboard, CSV/JSON exports, Atom feed, annual report."""

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language

from .. import dashboard as figures
from .. import exports, feeds, pdf, queries
from ..forms import FilterForm


def dashboard(request):
    data = figures.figures()
    this_year = timezone.localdate().year
    return render(
        request,
        "obstacles/dashboard.html",
        {"figures": data, "years": range(this_year, this_year - 4, -1)},
    )


def _exported(request):
    form = FilterForm(request.GET or None)
    if request.GET and not form.is_valid():
        return None, form
    # Exports are public: what an anonymous reader sees, whoever asks.
    return queries.listed(None, form.filters()), form


def export_csv(request):
    obstacles, form = _exported(request)
    if obstacles is None:
        return JsonResponse({"errors": form.errors}, status=422)
    site = request.build_absolute_uri("/").rstrip("/")
    response = HttpResponse(
        exports.as_csv(obstacles, current_language(), site), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{exports.filename("csv")}"'
    return response


def export_json(request):
    obstacles, form = _exported(request)
    if obstacles is None:
        return JsonResponse({"errors": form.errors}, status=422)
    site = request.build_absolute_uri("/").rstrip("/")
    language = current_language()
    items = [exports.row(o, language, site) for o in obstacles]
    body = {"count": len(items), "items": items, "figures": figures.as_json(figures.figures())}
    return HttpResponse(
        json.dumps(body, ensure_ascii=False, indent=1), content_type="application/json"
    )


def feed(request):
    return HttpResponse(
        feeds.atom_feed(request, current_language()), content_type="application/atom+xml"
    )


def annual_report(request, year: int):
    if not 2000 <= year <= timezone.localdate().year:
        raise Http404(_("No report for this year."))
    response = HttpResponse(
        pdf.render_report_pdf(year, current_language()), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="obstacles-{year}.pdf"'
    return response
