"""The legal library's pages: the list of acts with filters, and one act with its text."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language

from . import citations
from .forms import ActFilterForm
from .models import LegalAct
from .parsing import linked_ids
from .queries import filtered_acts, get_act
from .render import render_text

PAGE_SIZE = getattr(settings, "TREFPUNT_PAGE_SIZE", 25)


def act_list(request):
    form = ActFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    acts = filtered_acts(
        party=filters.get("party"),
        kind=filters.get("kind"),
        theme=filters.get("theme"),
        crisis=True if filters.get("crisis") else None,
        q=filters.get("q"),
    ).defer("text")
    page = Paginator(acts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "legal/act_list.html",
        {"form": form, "page": page, "acts": page.object_list, "query": query.urlencode()},
    )


def act_detail(request, bwb_id: str):
    act = get_act(bwb_id)
    if act is None:
        raise Http404(_("No legal act has the identifier %(id)s.") % {"id": bwb_id})
    linked = [link.to_act for link in act.links_out.all()]
    act_urls = {other.bwb_id: other.get_absolute_url() for other in linked}
    mentioned = set(
        LegalAct.objects.filter(bwb_id__in=linked_ids(act.text)).values_list("bwb_id", flat=True)
    )
    for bwb_id_ in mentioned - set(act_urls):
        act_urls[bwb_id_] = LegalAct(bwb_id=bwb_id_).get_absolute_url()
    reader = current_language()
    return render(
        request,
        "legal/act_detail.html",
        {
            "act": act,
            "text": render_text(act.text, act_urls, act.language),
            "other_language": reader not in act.languages,
            "reader_language": reader,
            "cited_by": citations.cited_by(act),
        },
    )
