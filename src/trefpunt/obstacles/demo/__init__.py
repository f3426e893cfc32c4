"""Demo obstacles, written by us (``is_demo``), loaded from ``obstacles.json`` through the
app's operations: reported, moved along their lifecycle, escalated, counted and cited.
Citations of acts not in the legal library (not imported here) are skipped. Idempotent: an
obstacle whose title is already in the register is left alone."""

import json
from datetime import date, datetime, time
from pathlib import Path

from django.utils import timezone

from trefpunt.legal.models import Article, LegalAct
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .. import operations
from ..models import Obstacle

DATA = Path(__file__).with_name("obstacles.json")


def _moment(value: str) -> datetime:
    return timezone.make_aware(datetime.combine(date.fromisoformat(value), time(10, 0)))


def _load_one(item: dict, organisations: dict) -> int:
    reporter = organisations.get(item["reporter"])
    if reporter is None or Obstacle.objects.filter(title=item["title"]).exists():
        return 0
    obstacle = operations.report_obstacle(
        user=None,
        reporter=reporter,
        language=item["language"],
        title=item["title"],
        description=item["description"],
        border=item["border"],
        domain=item["domain"],
        interaction=item["interaction"],
        territories=list(Territory.objects.filter(code__in=item["territories"])),
        authorities=[
            (country, organisations[slug])
            for country, slug in item["authorities"]
            if slug in organisations
        ],
        is_demo=True,
        at=_moment(item["submitted"]),
    )
    for translation in item["translations"]:
        operations.save_translation(obstacle, user=None, **translation)
    escalations = sorted(item["escalations"], key=lambda e: e[1])
    for status, reason, day in item["steps"]:
        while (
            escalations
            and escalations[0][1] <= day
            and obstacle.status not in ("submitted", "under_assessment")
        ):
            level, when = escalations.pop(0)
            operations.escalate_obstacle(obstacle, user=None, level=level, at=_moment(when))
        operations.transition_obstacle(
            obstacle, user=None, to_status=status, reason=reason, at=_moment(day)
        )
        obstacle.refresh_from_db()
    for level, when in escalations:
        operations.escalate_obstacle(obstacle, user=None, level=level, at=_moment(when))
    for provision in item["provisions"]:
        act = None
        if provision.get("bwb_id"):
            act = LegalAct.objects.filter(bwb_id=provision["bwb_id"]).first()
            if act is None:
                continue  # the act is not loaded: skip the citation
        article = None
        if act is not None and provision.get("article"):
            article = Article.objects.filter(act=act, anchor=f"art-{provision['article']}").first()
        operations.add_provision(
            obstacle,
            user=None,
            country=provision["country"],
            act=act,
            article=article,
            citation=provision.get("citation", ""),
        )
    for signal in item["signals"]:
        operations.add_signal(
            obstacle,
            user=None,
            date=date.fromisoformat(signal["date"]),
            count=signal["count"],
            source=organisations.get(signal["source"]),
        )
    return 1 + len(item["translations"])


def load(stdout=None) -> int:
    """Create the demo obstacles that are missing; returns how many records."""
    organisations = {o.slug: o for o in Organisation.objects.all()}
    items = json.loads(DATA.read_text(encoding="utf-8"))
    return sum(_load_one(item, organisations) for item in items)


__all__ = ["load"]
