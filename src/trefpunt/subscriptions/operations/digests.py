"""``send-digests``: one mail per subscribed user with what is new for them.

For each user with subscriptions of the given frequency, the items published or changed since
each subscription's last mail (or, the first time, within the frequency's window) that match
it: published news, published practices, public meetings, published obstacles. Only what the
user may read (each app's ``visible_to``/``access``), never an item already mailed to them
(``SentItem``), titles in the reader's language (their profile's; translations where there
are any). The rows and the subscriptions' ``last_sent_at`` are written in the same
transaction as the mail is handed over, so a failing mail server changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from itertools import groupby

from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from trefpunt.accounts.mailing import site_url, unsubscribe_headers
from trefpunt.accounts.models import preferred_language
from trefpunt.lib.api import localized_url
from trefpunt.meetings.models import Meeting, MeetingStatus, Visibility
from trefpunt.news.models import Article
from trefpunt.obstacles import access as obstacles_access
from trefpunt.obstacles.models import Obstacle
from trefpunt.practices.models import Practice

from ..models import Frequency, ItemType, Kind, SentItem, Subscription
from .subscribing import digest_token, subscription_token, unsubscribe_url

# The first mail of a subscription covers this much time back.
WINDOWS = {
    Frequency.IMMEDIATE: timedelta(hours=1),
    Frequency.DAILY: timedelta(days=1),
    Frequency.WEEKLY: timedelta(days=7),
}


@dataclass
class DigestSummary:
    mails: int = 0
    items: int = 0
    nothing_new: int = 0
    no_email: int = 0
    dry_run: bool = False


@dataclass
class Item:
    item_type: str
    pk: int
    title: str
    url: str


@dataclass
class Digest:
    user: object
    language: str
    subscriptions: list
    items: list[Item] = field(default_factory=list)


def _since(subscription: Subscription, now):
    return subscription.last_sent_at or now - WINDOWS[Frequency(subscription.frequency)]


def _match(subscriptions, now, rules: dict, changed: Callable) -> Q | None:
    """One condition for all of a user's subscriptions: what each follows, changed since its
    own last mail."""
    condition = Q()
    for subscription in subscriptions:
        rule = rules.get(subscription.kind)
        if rule is None:
            continue
        condition |= rule(subscription) & changed(_since(subscription, now))
    return condition or None


def _news(user, subscriptions, now):
    condition = _match(
        subscriptions,
        now,
        {
            Kind.SERIES: lambda s: Q(meetings__series=s.series_id),
            Kind.THEME: lambda s: Q(themes=s.theme_id),
            Kind.TERRITORY: lambda s: Q(territories=s.territory_id),
            Kind.ORGANISATION: lambda s: (
                Q(author=s.organisation_id) | Q(organisations=s.organisation_id)
            ),
        },
        lambda since: Q(published_at__gt=since) | Q(updated_at__gt=since),
    )
    if condition is None:
        return []
    articles = Article.objects.visible_to(user).published().filter(condition)
    return Article.objects.filter(pk__in=articles.values("pk")).prefetch_related("translations")


def _practices(user, subscriptions, now):
    condition = _match(
        subscriptions,
        now,
        {
            Kind.THEME: lambda s: Q(themes=s.theme_id),
            Kind.TERRITORY: lambda s: Q(territories=s.territory_id),
            Kind.ORGANISATION: lambda s: (
                Q(owner=s.organisation_id) | Q(organisations=s.organisation_id)
            ),
        },
        lambda since: Q(updated_at__gt=since),
    )
    if condition is None:
        return []
    practices = Practice.objects.visible_to(user).published().filter(condition)
    return Practice.objects.filter(pk__in=practices.values("pk")).prefetch_related("translations")


def _meetings(user, subscriptions, now):
    condition = _match(
        subscriptions,
        now,
        {
            Kind.SERIES: lambda s: Q(series=s.series_id),
            Kind.TERRITORY: lambda s: Q(territory=s.territory_id),
            Kind.ORGANISATION: lambda s: (
                Q(organiser=s.organisation_id) | Q(supporting=s.organisation_id)
            ),
        },
        lambda since: Q(updated_at__gt=since),
    )
    if condition is None:
        return []
    meetings = (
        Meeting.objects.visible_to(user)
        .filter(visibility=Visibility.PUBLIC, status=MeetingStatus.SCHEDULED)
        .filter(condition)
    )
    return (
        Meeting.objects.filter(pk__in=meetings.values("pk"))
        .prefetch_related("translations")
        .order_by("start")
    )


def _obstacles(user, subscriptions, now):
    condition = _match(
        subscriptions,
        now,
        {
            Kind.OBSTACLE: lambda s: Q(pk=s.obstacle_id),
            Kind.TERRITORY: lambda s: Q(territories=s.territory_id),
            Kind.ORGANISATION: lambda s: (
                Q(reporter=s.organisation_id) | Q(authorities__organisation=s.organisation_id)
            ),
        },
        lambda since: Q(updated_at__gt=since),
    )
    if condition is None:
        return []
    obstacles = obstacles_access.visible(Obstacle.objects.published(), user).filter(condition)
    return Obstacle.objects.filter(pk__in=obstacles.values("pk")).prefetch_related("translations")


def _url(record, language: str) -> str:
    return site_url(localized_url(record, language))


def _items(user, subscriptions, language: str, now) -> list[Item]:
    found = []
    for record in _news(user, subscriptions, now):
        found.append(
            Item(
                ItemType.NEWS, record.pk, record.reading_in(language).title, _url(record, language)
            )
        )
    for record in _practices(user, subscriptions, now):
        found.append(
            Item(
                ItemType.PRACTICE,
                record.pk,
                record.reading_in(language).title,
                _url(record, language),
            )
        )
    for record in _meetings(user, subscriptions, now):
        found.append(
            Item(ItemType.MEETING, record.pk, record.title_in(language), _url(record, language))
        )
    for record in _obstacles(user, subscriptions, now):
        found.append(
            Item(
                ItemType.OBSTACLE,
                record.pk,
                record.reading_in(language).title,
                _url(record, language),
            )
        )
    if not found:
        return []
    sent = set(
        SentItem.objects.filter(user=user, item_id__in={item.pk for item in found}).values_list(
            "item_type", "item_id"
        )
    )
    return [item for item in found if (item.item_type, item.pk) not in sent]


def _message(digest: Digest, frequency: str, connection) -> EmailMessage:
    language = digest.language
    all_link = unsubscribe_url(digest_token(digest.user, frequency), language)
    with translation.override(language):
        groups = [
            {"label": ItemType(item_type).label, "items": list(items)}
            for item_type, items in groupby(digest.items, key=lambda item: item.item_type)
        ]
        context = {
            "user": digest.user,
            "frequency": Frequency(frequency).label,
            "count": len(digest.items),
            "groups": groups,
            "subscriptions": [
                {
                    "kind": subscription.get_kind_display(),
                    "label": subscription.target_label(language),
                    "unsubscribe_url": unsubscribe_url(subscription_token(subscription), language),
                }
                for subscription in digest.subscriptions
            ],
            "manage_url": site_url(reverse("subscriptions:mine")),
            "unsubscribe_url": all_link,
        }
        subject = render_to_string("subscriptions/email/digest_subject.txt", context)
        body = render_to_string("subscriptions/email/digest.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[digest.user.email],
        connection=connection,
        headers=unsubscribe_headers(all_link),
    )


def _record_and_send(digest: Digest, frequency: str, now, connection) -> None:
    with transaction.atomic():
        SentItem.objects.bulk_create(
            SentItem(user=digest.user, item_type=item.item_type, item_id=item.pk, sent_at=now)
            for item in digest.items
        )
        Subscription.objects.filter(pk__in=[s.pk for s in digest.subscriptions]).update(
            last_sent_at=now
        )
        # A failing mail server raises here and takes the rows back with it.
        _message(digest, frequency, connection).send()


def send_digests(*, frequency: str, now=None, dry_run=False, progress=None) -> DigestSummary:
    """Mail each user subscribed at ``frequency`` what is new for them. ``dry_run`` counts
    and neither sends nor writes. ``progress(digest)`` is called after each user."""
    if frequency not in Frequency.values:
        raise ValueError(f"unknown frequency {frequency!r}")
    now = now or timezone.now()
    summary = DigestSummary(dry_run=dry_run)
    subscriptions = (
        Subscription.objects.filter(frequency=frequency, user__is_active=True)
        .with_targets()
        .select_related("user")
        .prefetch_related("obstacle__translations")
        .order_by("user_id", "pk")
    )
    connection = None if dry_run else get_connection()
    try:
        for _user_id, group in groupby(subscriptions, key=lambda s: s.user_id):
            group = list(group)
            user = group[0].user
            if not (user.email or "").strip():
                summary.no_email += 1
                continue
            language = preferred_language(user)
            digest = Digest(user, language, group, _items(user, group, language, now))
            if not digest.items:
                summary.nothing_new += 1
                if not dry_run:
                    Subscription.objects.filter(pk__in=[s.pk for s in group]).update(
                        last_sent_at=now
                    )
                continue
            if not dry_run:
                _record_and_send(digest, frequency, now, connection)
            summary.mails += 1
            summary.items += len(digest.items)
            if progress is not None:
                progress(digest)
    finally:
        if connection is not None:
            connection.close()
    return summary
