"""Signals (counted cases) and legal provisions attached to an obstacle."""

from datetime import date as Date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import with_history_user
from trefpunt.organisations.access import can_act_for

from .. import access
from ..models import Obstacle, Provision, Signal
from .base import Errors, refuse

MAX_SIGNAL_COUNT = 1_000_000


def add_signal(
    obstacle: Obstacle, *, user, date: Date, count: int = 1, source=None, note: str = ""
) -> Signal:
    refuse(
        access.can_add_signal(user, obstacle),
        _("Only people acting for an organisation may count cases."),
    )
    errors = Errors()
    if date is None:
        errors.add("date", _("This field is required."))
    elif date > timezone.localdate():
        errors.add("date", _("The date cannot be in the future."))
    if count is None or not 1 <= int(count) <= MAX_SIGNAL_COUNT:
        errors.add("count", _("Enter a number from 1 to %(max)s.") % {"max": MAX_SIGNAL_COUNT})
    if source is not None and user is not None and not can_act_for(user, source):
        errors.add("source", _("Choose an organisation you act for."))
    errors.raise_any()
    with transaction.atomic():
        signal = Signal(
            obstacle=obstacle,
            date=date,
            count=int(count),
            source=source,
            note=(note or "").strip(),
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        with_history_user(signal, user).save()
    return signal


def add_provision(
    obstacle: Obstacle,
    *,
    user,
    country: str,
    act=None,
    article=None,
    citation: str = "",
    note: str = "",
) -> Provision:
    """Cite an act of the legal library (and maybe one of its articles) or a national rule.
    The API and forms turn unknown identifiers into field errors before calling this."""
    refuse(access.can_add_provision(user, obstacle))
    errors = Errors()
    country = (country or "").strip().upper()
    if country not in obstacle.countries:
        errors.add(
            "country",
            _("Choose a side of the %(border)s border.") % {"border": obstacle.border},
        )
    citation = (citation or "").strip()
    if act is None and not citation:
        errors.add("act", _("Cite a legal act or write the citation of a national rule."))
    if article is not None and (act is None or article.act_id != act.pk):
        errors.add("article", _("This article is not part of the cited act."))
    if len(citation) > 500:
        errors.add("citation", _("At most %(max)s characters.") % {"max": 500})
    errors.raise_any()
    with transaction.atomic():
        provision = Provision(
            obstacle=obstacle,
            country=country,
            act=act,
            article=article,
            citation=citation,
            note=(note or "").strip(),
        )
        with_history_user(provision, user).save()
    return provision
