"""The reads every page, export and API route shares: filters and prefetches in one place."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, Sum
from django.utils.translation import gettext as _

from trefpunt.legal.models import Article, LegalAct

from . import access
from .lifecycle import Status
from .models import Border, Domain, Obstacle, ObstacleEvent, Provision, Signal

COUNTRIES = ("BE", "NL", "LU", "FR", "DE")


@dataclass
class ObstacleFilters:
    status: str = ""
    border: str = ""
    domain: str = ""
    country: str = ""
    year: int | None = None

    def errors(self) -> dict[str, list[str]]:
        errors: dict[str, list[str]] = {}
        for name, values in (
            ("status", Status.values),
            ("border", Border.values),
            ("domain", Domain.values),
            ("country", COUNTRIES),
        ):
            value = getattr(self, name)
            if value and value not in values:
                errors[name] = [_("Choose one of: %(values)s.") % {"values": ", ".join(values)}]
        if self.year is not None and not 1900 <= self.year <= 2200:
            errors["year"] = [_("Enter a year between 1900 and 2200.")]
        return errors

    def apply(self, queryset):
        if self.status:
            queryset = queryset.filter(status=self.status)
        if self.border:
            queryset = queryset.filter(border=self.border)
        if self.domain:
            queryset = queryset.filter(domain=self.domain)
        if self.country:
            queryset = queryset.filter(
                Q(border__startswith=f"{self.country}-") | Q(border__endswith=f"-{self.country}")
            )
        if self.year:
            queryset = queryset.filter(submitted_at__year=self.year)
        return queryset


def listed(user, filters: ObstacleFilters):
    """What ``user`` may read, filtered, newest first, with what a list row shows."""
    queryset = access.visible(Obstacle.objects.all(), user)
    return (
        filters.apply(queryset)
        .select_related("reporter")
        .prefetch_related("translations", "reporter__names")
        .annotate(cases=Sum("signals__count"))
        .order_by("-submitted_at", "-pk")
    )


def with_everything(queryset=None):
    """An obstacle with everything its page and API detail show."""
    queryset = Obstacle.objects.all() if queryset is None else queryset
    return queryset.select_related("reporter").prefetch_related(
        "translations",
        "reporter__names",
        "territories__names",
        "authorities__organisation__names",
        Prefetch("provisions", queryset=Provision.objects.select_related("act", "article__act")),
        Prefetch(
            "signals",
            queryset=Signal.objects.select_related("source").prefetch_related("source__names"),
        ),
        Prefetch("events", queryset=ObstacleEvent.objects.select_related("actor")),
        "practices",
        "meetings__translations",
        "decisions__meeting",
    )


def actor_name(event: ObstacleEvent) -> str:
    """Who took a step, as shown publicly: a user's full name or username; the public form
    and the system are unnamed."""
    if event.actor is None:
        return ""
    return event.actor.get_full_name() or event.actor.get_username()


def resolve_citation(act_id: str | None, article_ref: str | None, errors: dict):
    """The act (by bwb_id) and article (by number or anchor) a citation names; unknown ones are
    field errors."""
    act = article = None
    if act_id:
        act = LegalAct.objects.filter(bwb_id=act_id.strip()).first()
        if act is None:
            errors.setdefault("act", []).append(
                _("No legal act has the identifier %(id)s.") % {"id": act_id}
            )
    if article_ref:
        if act is None:
            errors.setdefault("article", []).append(_("Name the act the article belongs to."))
        else:
            ref = article_ref.strip()
            anchor = ref if ref.startswith("art-") else f"art-{ref}"
            article = Article.objects.filter(act=act, anchor=anchor).first()
            article = article or Article.objects.filter(act=act, number=ref).first()
            if article is None:
                errors.setdefault("article", []).append(
                    _("%(act)s has no article %(article)s.") % {"act": act.bwb_id, "article": ref}
                )
    return act, article
