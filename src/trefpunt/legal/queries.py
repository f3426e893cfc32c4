"""Reads of the legal library shared by the pages and the API."""

from django.db.models import Prefetch

from .models import ActLink, LegalAct


def filtered_acts(*, party=None, kind=None, theme=None, crisis=None, q=None):
    acts = LegalAct.objects.all()
    if party:
        acts = acts.with_party(party.strip().upper())
    if kind:
        acts = acts.filter(kind=kind)
    if theme:
        acts = acts.with_theme(theme.strip())
    if crisis is not None:
        acts = acts.crisis(crisis)
    if q and q.strip():
        for word in q.split()[:10]:
            acts = acts.title_matches(word)
    return acts.order_by("bwb_id")


def get_act(bwb_id: str) -> LegalAct | None:
    """The act with its articles and links (both ways) read in four queries, or None."""
    return (
        LegalAct.objects.filter(bwb_id=bwb_id)
        .prefetch_related(
            "articles",
            Prefetch(
                "links_out",
                queryset=ActLink.objects.select_related("to_act").only(
                    "kind", "from_act_id", "to_act__bwb_id", "to_act__title"
                ),
            ),
            Prefetch(
                "links_in",
                queryset=ActLink.objects.select_related("from_act").only(
                    "kind", "to_act_id", "from_act__bwb_id", "from_act__title"
                ),
            ),
        )
        .first()
    )
