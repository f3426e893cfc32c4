"""Atom feed of status changes and escalations of the published obstacles."""

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from feedgen.feed import FeedGenerator

from .lifecycle import PUBLISHED, Level, Status
from .models import EventKind, ObstacleEvent

FEED_SIZE = 50


def feed_events(limit: int = FEED_SIZE) -> list[ObstacleEvent]:
    return list(
        ObstacleEvent.objects.filter(
            obstacle__status__in=PUBLISHED, kind__in=(EventKind.TRANSITION, EventKind.ESCALATION)
        )
        .select_related("obstacle")
        .prefetch_related("obstacle__translations")
        .order_by("-at", "-pk")[:limit]
    )


def _summary(event: ObstacleEvent) -> str:
    if event.kind == EventKind.ESCALATION:
        return _("Escalated to: %(level)s") % {"level": Level(event.level).label}
    return _("%(from)s → %(to)s") % {
        "from": Status(event.from_status).label,
        "to": Status(event.to_status).label,
    }


def atom_feed(request, language: str) -> bytes:
    events = feed_events()
    with translation.override(language):
        self_url = request.build_absolute_uri(reverse("obstacles:feed"))
        feed = FeedGenerator()
        feed.id(self_url)
        feed.title(_("Trefpunt: cross-border obstacles"))
        feed.subtitle(_("Status changes of the obstacles in the register."))
        feed.language(language)
        feed.link(href=request.build_absolute_uri(reverse("obstacles:list")), rel="alternate")
        feed.link(href=self_url, rel="self", type="application/atom+xml")
        feed.author(name=_("Trefpunt"))
        feed.updated(events[0].at if events else timezone.now())
        for event in events:
            obstacle = event.obstacle
            url = request.build_absolute_uri(obstacle.get_absolute_url())
            entry = feed.add_entry(order="append")
            entry.id(f"{url}#event-{event.pk}")
            entry.title(f"{obstacle.reading_in(language).title}: {_summary(event)}")
            entry.link(href=url, rel="alternate")
            entry.updated(event.at)
            entry.published(event.at)
            if event.reason:
                entry.summary(event.reason)
    return feed.atom_str(pretty=True)
