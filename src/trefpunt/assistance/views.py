"""The pages of the map: crisis staff only (``access.crisis_page``: 404 for others, every read
audited). Writes go through the API and the CLI, which call ``operations``."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language

from . import access, queries, reach, report
from .api.output import hit_out
from .forms import NearestForm
from .models import ContactPoint
from .nearest import get_index


def _with(response, obj):
    response.audited_object = obj
    return response


@access.crisis_page("dashboard")
def index(request):
    return render(
        request,
        "assistance/index.html",
        {
            "stale": list(ContactPoint.objects.stale().select_related("organisation")),
            "requests": list(queries.requests()[:20]),
            "events": list(queries.events()),
            "mapping": report.mapping(current_language()),
            "is_admin": access.is_crisis_centre_admin(request.user),
        },
    )


@access.crisis_page("nearest help")
def nearest(request):
    form = NearestForm(request.GET or None)
    hits = []
    if form.is_valid():
        data = form.cleaned_data
        hits = [
            hit_out(h)
            for h in get_index().nearest(
                data["lat"],
                data["lon"],
                data["kind"].slug,
                quantity=data["quantity"],
                within_minutes=data["within"],
                limit=20,
            )
        ]
    return render(request, "assistance/nearest.html", {"form": form, "hits": hits})


@access.crisis_page("map")
def map_page(request):
    form = NearestForm(request.GET or None)
    reach_circle = None
    if form.is_valid() and form.cleaned_data["within"]:
        data = form.cleaned_data
        radius_km = data["within"] / 60 * reach.SPEED_KMH / reach.DETOUR_FACTOR
        reach_circle = {"lat": data["lat"], "lon": data["lon"], "radius_m": radius_km * 1000}
    points = [
        {
            "lat": c.latitude,
            "lon": c.longitude,
            "name": c.name,
            "kind": c.kind.name_in(),
            "quantity": c.quantity,
        }
        for c in queries.capabilities()
    ]
    return render(
        request, "assistance/map.html", {"points": points, "reach": reach_circle, "form": form}
    )


@access.crisis_page("capabilities")
def capability_list(request):
    kind = request.GET.get("kind") or None
    country = request.GET.get("country") or None
    found = queries.capabilities(kind, country)[:500]
    return render(
        request,
        "assistance/capability_list.html",
        {"capabilities": found, "kinds": queries.kinds(), "kind": kind, "country": country},
    )


@access.crisis_page("capability")
def capability_detail(request, pk: int):
    capability = queries.one(queries.capabilities(), pk=pk)
    response = render(request, "assistance/capability_detail.html", {"capability": capability})
    return _with(response, capability)


@access.crisis_page("contact points")
def contacts(request):
    points = list(queries.contacts())
    return render(request, "assistance/contacts.html", {"points": points})


@access.crisis_page("request")
def request_detail(request, pk: int):
    found = queries.one(queries.requests(), pk=pk)
    response = render(request, "assistance/request_detail.html", {"request_": found})
    return _with(response, found)


@access.crisis_page("major event")
def event_detail(request, slug: str):
    event = queries.one(queries.events(), slug=slug)
    response = render(request, "assistance/event_detail.html", {"event": event})
    return _with(response, event)


@access.crisis_page("mapping report")
def report_page(request):
    return render(request, "assistance/report.html", report.mapping(current_language()))


@access.crisis_page("mapping report (PDF)")
def report_pdf(request):
    language = current_language()
    response = HttpResponse(report.render_pdf(language), content_type="application/pdf")
    name = _("assistance-mapping")
    response["Content-Disposition"] = f'inline; filename="{name}-{language}.pdf"'
    return response


@access.crisis_page("audit", admin=True)
def audit(request):
    return render(request, "assistance/audit.html", {"entries": queries.audit()[:500]})
