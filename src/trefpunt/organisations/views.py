from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from trefpunt.lib.history import recent_history
from trefpunt.lib.languages import current_language

from . import exports, graph, operations
from .access import can_act_for
from .forms import OrganisationEditForm, OrganisationFilterForm
from .models import Organisation, Person, Post, Relation, RelationKind


def _get_organisation(slug: str) -> Organisation:
    organisation = (
        Organisation.objects.select_related("territory", "parent__parent")
        .prefetch_related("names")
        .filter(slug=slug)
        .first()
    )
    if organisation is None:
        raise Http404(_("No organisation has the identifier %(slug)s.") % {"slug": slug})
    return organisation


def organisation_list(request):
    form = OrganisationFilterForm(request.GET or None)
    qs = Organisation.objects.active().select_related("territory").prefetch_related("names")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.search(data["q"])
        if data["kind"]:
            qs = qs.of_kind(data["kind"])
        if data["country"]:
            qs = qs.in_country(data["country"])
    paginator = Paginator(qs.order_by("name", "slug"), settings.TREFPUNT_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "organisations/organisation_list.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def organisation_detail(request, slug: str):
    organisation = _get_organisation(slug)
    posts = list(
        Post.objects.filter(organisation=organisation).select_related("person").order_by("-start")
    )
    relations = list(
        Relation.objects.involving(organisation)
        .select_related("source", "target")
        .prefetch_related("source__names", "target__names")
    )
    children = (
        Organisation.objects.active()
        .filter(parent=organisation)
        .prefetch_related(
            Prefetch("children", queryset=Organisation.objects.active().prefetch_related("names")),
            "names",
        )
    )
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "children": children,
            "current_posts": [p for p in posts if p.is_current()],
            "past_posts": [p for p in posts if not p.is_current()],
            "relations": relations,
            "graph": graph.build(relations, current_language(), centre=organisation),
            "graph_title": _("Relations of %(name)s") % {"name": organisation.name_in()},
            "history": recent_history(organisation, limit=10),
            "can_edit": can_act_for(request.user, organisation),
        },
    )


@login_required
def organisation_edit(request, slug: str):
    organisation = _get_organisation(slug)
    if not can_act_for(request.user, organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    form = OrganisationEditForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            operations.update_organisation(
                organisation, user=request.user, **form.operation_kwargs()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect(organisation)
    return render(
        request,
        "organisations/organisation_edit.html",
        {"organisation": organisation, "form": form},
    )


def person_detail(request, slug: str):
    person = Person.objects.filter(slug=slug, archived_at__isnull=True).first()
    if person is None:
        raise Http404(_("No person has the identifier %(slug)s.") % {"slug": slug})
    posts = (
        person.posts.select_related("organisation")
        .prefetch_related("organisation__names")
        .order_by("-start")
    )
    return render(request, "organisations/person_detail.html", {"person": person, "posts": posts})


def _relations(request):
    kind = request.GET.get("kind", "")
    relations = Relation.objects.for_listing()
    if kind in RelationKind.values:
        relations = relations.filter(kind=kind)
    else:
        kind = ""
    return kind, list(relations)


def relation_list(request):
    kind, relations = _relations(request)
    return render(
        request,
        "organisations/relation_list.html",
        {
            "relations": relations,
            "kind": kind,
            "kinds": RelationKind.choices,
            "graph": graph.build(relations, current_language()),
            "graph_title": _("Relations between organisations"),
            "query": f"?kind={kind}" if kind else "",
        },
    )


def relation_export(request, fmt: str):
    _kind, relations = _relations(request)
    return exports.relations_response(request, relations, fmt)
