"""Demo news, written by us and marked ``is_demo``.

The events and their dates are public facts (the Secretary-General's visit to the mayor of
Brussels on 16 November 2021, the Benelux Council of 25 November 2021, the strategic meeting
of the crisis-centre directors on 24 June 2024 under the Belgian presidency, the customs
convention signed in London on 5 September 1944, the renewed Benelux Treaty in force on
1 January 2012, the Luxembourg presidency of 2025); every sentence is ours and no one is
quoted. The article on the Eurometropolis local consultations describes the format, not one
meeting: its publication date is our own and moves with the day of loading
(``published_days_ago``), so the demo's newest article is recent. View counts are not
invented: they start at zero.

The articles are data (``articles.jsonl``: one object per line with the article's fields,
``published`` as a local Brussels time, and its ``translations``), loaded through the news
operations. Loading is idempotent: an article is keyed by ``demo:<key>``. Meetings are
linked when the meetings demo holds one on the article's day (tolerating its absence).
"""

import json
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from django.apps import apps
from django.core.exceptions import FieldError
from django.utils import timezone

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Theme

from .. import operations
from ..models import Article, Status

BRUSSELS = ZoneInfo("Europe/Brussels")
ARTICLES = Path(__file__).resolve().parent / "articles.jsonl"


def read_articles() -> list[dict]:
    with ARTICLES.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _published(item: dict) -> datetime:
    if "published_days_ago" in item:  # our own article: recent whenever the demo is loaded
        day = timezone.localdate() - timedelta(days=item["published_days_ago"])
        return datetime.combine(day, time(10, 0), tzinfo=BRUSSELS)
    return datetime.fromisoformat(item["published"]).replace(tzinfo=BRUSSELS)


def _meetings(item: dict) -> list:
    """Demo meetings of the article's day (or of its kind), when the meetings demo has any."""
    try:
        meeting = apps.get_model("meetings", "Meeting")
        meetings = meeting.objects.filter(is_demo=True)
        if item.get("meeting_kind"):
            return list(meetings.filter(kind=item["meeting_kind"]).order_by("start")[:1])
        return list(meetings.filter(start__date=_published(item).date()))
    except (LookupError, FieldError):
        return []


def _load_article(item: dict, organisations: dict, themes: dict) -> int:
    if Article.objects.filter(external_id=f"demo:{item['key']}").exists():
        return 0
    author = organisations.get(item["author"])
    if author is None:  # the demo directory is not loaded
        return 0
    article = operations.create_article(
        user=None,
        status=Status.PUBLISHED,
        external_id=f"demo:{item['key']}",
        is_demo=True,
        author=author,
        language=item["language"],
        title=item["title"],
        summary=item["summary"],
        body=item["body"],
        published_at=_published(item),
        themes=[themes[slug] for slug in item["themes"] if slug in themes],
        territories=list(Territory.objects.filter(code__in=item["territories"])),
        organisations=[organisations[s] for s in item["organisations"] if s in organisations],
        meetings=_meetings(item),
    )
    for translation in item["translations"]:
        operations.save_article_translation(article, user=None, **translation)
    return 1 + len(item["translations"])


def load(stdout=None) -> int:
    """Create the demo articles that do not exist yet; returns the number of records created
    (articles and translations)."""
    articles = read_articles()
    slugs = {item["author"] for item in articles}
    slugs |= {slug for item in articles for slug in item["organisations"]}
    organisations = Organisation.objects.in_bulk(list(slugs), field_name="slug")
    themes = Theme.objects.in_bulk(field_name="slug")
    created = sum(_load_article(item, organisations, themes) for item in articles)
    if stdout is not None:
        stdout.write(f"news: {created} demo records created\n")
    return created
