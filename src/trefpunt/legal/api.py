"""The legal library in the API: public reads of legal acts, their articles, links, citations."""

from datetime import date

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from trefpunt.lib.api import ErrorOut, Page, absolute, language_of, localized_url

from . import citations
from .models import Kind, LegalAct
from .queries import filtered_acts, get_act

router = Router(tags=["legal"])


class ActFilters(Page):
    party: str | None = Field(None, description="Party code: BE, NL, LU, DE, FR, BENELUX, DE-NW…")
    kind: Kind | None = Field(None, description="treaty, protocol, memorandum, agreement…")
    theme: str | None = Field(None, description="Theme slug, e.g. crisis-management.")
    crisis: bool | None = Field(None, description="Only acts about crises and disasters.")
    q: str | None = Field(None, max_length=200, description="Words in the title.")


class ActOut(Schema):
    bwb_id: str
    title: str
    kind: str
    language: str
    languages: list[str]
    parties: list[str]
    themes: list[str]
    crisis_related: bool
    signed_on: date | None
    in_force_on: date | None
    url: str


class ActList(Schema):
    count: int
    items: list[ActOut]


class LegalArticleOut(Schema):
    number: str
    anchor: str
    language: str
    heading: str
    text: str
    url: str


class LinkOut(Schema):
    kind: str
    bwb_id: str
    title: str


class CitationOut(Schema):
    title: str
    url: str


class CitedByOut(Schema):
    source: str
    label: str
    items: list[CitationOut]


class ActDetail(ActOut):
    eli_uri: str
    source: str
    source_commit: str
    text: str
    articles: list[LegalArticleOut]
    links_out: list[LinkOut]
    links_in: list[LinkOut]
    cited_by: list[CitedByOut]


def act_out(request, act: LegalAct, language: str) -> dict:
    return {
        "bwb_id": act.bwb_id,
        "title": act.title,
        "kind": act.kind,
        "language": act.language,
        "languages": act.languages,
        "parties": act.parties,
        "themes": act.themes,
        "crisis_related": act.crisis_related,
        "signed_on": act.signed_on,
        "in_force_on": act.in_force_on,
        "url": absolute(request, localized_url(act, language)),
    }


@router.get("/legal-acts", response=ActList, summary="List legal acts (treaties and others)")
def list_acts(request, filters: Query[ActFilters]):
    language = language_of(request, filters)
    acts = filtered_acts(
        party=filters.party,
        kind=filters.kind,
        theme=filters.theme,
        crisis=filters.crisis,
        q=filters.q,
    ).defer("text")
    items = list(acts[filters.offset : filters.offset + filters.limit])
    return {"count": acts.count(), "items": [act_out(request, act, language) for act in items]}


@router.get("/legal-acts/{bwb_id}", response={200: ActDetail, 404: ErrorOut})
def get_legal_act(request, bwb_id: str, lang: str | None = None):
    language = language_of(request, Page(lang=lang) if lang in ("nl", "fr", "de", "en") else None)
    act = get_act(bwb_id)
    if act is None:
        raise Http404(_("No legal act has the identifier %(id)s.") % {"id": bwb_id})
    page_url = absolute(request, localized_url(act, language))
    data = act_out(request, act, language)
    data.update(
        eli_uri=act.eli_uri,
        source=act.source,
        source_commit=act.source_commit,
        text=act.text,
        articles=[
            {
                "number": a.number,
                "anchor": a.anchor,
                "language": a.language,
                "heading": a.heading,
                "text": a.text,
                "url": f"{page_url}#{a.anchor}",
            }
            for a in act.articles.all()
        ],
        links_out=[
            {"kind": link.kind, "bwb_id": link.to_act.bwb_id, "title": link.to_act.title}
            for link in act.links_out.all()
        ],
        links_in=[
            {"kind": link.kind, "bwb_id": link.from_act.bwb_id, "title": link.from_act.title}
            for link in act.links_in.all()
        ],
        cited_by=[
            {
                "source": group.name,
                "label": group.label,
                "items": [{"title": c.title, "url": absolute(request, c.url)} for c in group.items],
            }
            for group in citations.cited_by(act)
        ],
    )
    return data
