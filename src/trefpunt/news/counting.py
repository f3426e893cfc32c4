"""Counting article views per language and day, at no measurable cost to a page view.

The design, in the order a page view meets it:

1. **Who is counted.** Only GET requests with a user agent that ``crawlerdetect`` does not
   recognise as a bot (HEAD requests, empty user agents and crawlers count nothing), and only
   when ``TREFPUNT_COUNT_VIEWS`` is true (the default).
2. **Once per visitor, article and day.** A visitor key is
   ``sha256(salt of the day + client address + user agent + article)``, truncated. The salt is
   random, made once a day and kept only in the cache until the day ends: keys cannot be
   linked across days and the address and user agent are never stored anywhere. The key is
   remembered with ``cache.add`` until the end of the day (days in ``settings.TIME_ZONE``);
   a second view the same day finds it and counts nothing. With Redis (production) every
   worker shares the salt and the keys; with the local-memory cache, each process dedupes
   on its own.
3. **No write per request.** A counted view adds one to an in-memory counter keyed
   ``(article, language, day)``. The buffer is written when its oldest entry is older than
   ``TREFPUNT_VIEW_FLUSH_SECONDS`` (30) or it holds more than ``TREFPUNT_VIEW_FLUSH_SIZE``
   (1000) keys, by the request that notices, as one ``INSERT … ON CONFLICT DO UPDATE SET
   count = count + excluded.count`` (SQLite ≥ 3.24 and PostgreSQL) per 500 keys. It is also
   written at process exit and by ``trefpunt flush-view-counts``.
4. **What readers see** is the database total plus what this process still holds.

Limits: the buffer lives in one process, so a crash (not a clean exit) loses at most the last
``TREFPUNT_VIEW_FLUSH_SECONDS`` of that process's counts, and other processes' pending counts
are not shown until they flush. Visitors behind one address with the same browser count once
a day. Behind a reverse proxy, ``REMOTE_ADDR`` must be the client's (the proxy sets it).
"""

import atexit
import hashlib
import logging
import secrets
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta

from crawlerdetect import CrawlerDetect
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from .models import Article, ArticleView

logger = logging.getLogger(__name__)

Key = tuple[int, str, date]  # article id, language, day
ROWS_PER_STATEMENT = 500
_detector = CrawlerDetect()


def counting_enabled() -> bool:
    return getattr(settings, "TREFPUNT_COUNT_VIEWS", True)


def _flush_seconds() -> float:
    return getattr(settings, "TREFPUNT_VIEW_FLUSH_SECONDS", 30)


def _flush_size() -> int:
    return getattr(settings, "TREFPUNT_VIEW_FLUSH_SIZE", 1000)


class ViewBuffer:
    """Thread-safe counts not yet written to the database."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts: Counter[Key] = Counter()
        self._since: float | None = None  # monotonic time of the oldest entry

    def add(self, key: Key, count: int = 1) -> None:
        with self._lock:
            if not self._counts:
                self._since = time.monotonic()
            self._counts[key] += count

    def due(self) -> bool:
        with self._lock:
            if not self._counts:
                return False
            age = time.monotonic() - (self._since or 0)
            return age >= _flush_seconds() or len(self._counts) > _flush_size()

    def drain(self) -> Counter[Key]:
        with self._lock:
            counts, self._counts, self._since = self._counts, Counter(), None
            return counts

    def restore(self, counts: Counter[Key]) -> None:
        for key, count in counts.items():
            self.add(key, count)

    def pending(self, article_ids) -> dict[int, dict[str, int]]:
        """{article id: {language: count}} still held here for ``article_ids``."""
        wanted = set(article_ids)
        result: dict[int, dict[str, int]] = {}
        with self._lock:
            for (article_id, language, _day), count in self._counts.items():
                if article_id in wanted:
                    by_language = result.setdefault(article_id, {})
                    by_language[language] = by_language.get(language, 0) + count
        return result

    def __len__(self) -> int:
        with self._lock:
            return len(self._counts)


BUFFER = ViewBuffer()
_salt_of_day: tuple[date, str] | None = None


def _seconds_left(now: datetime) -> int:
    local = timezone.localtime(now)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time())
    end = timezone.make_aware(midnight, local.tzinfo)
    return max(1, int((end - local).total_seconds()))


def _salt(day: date, timeout: int) -> str:
    """The random salt of ``day``: made by the first process that needs it, kept in the cache
    for the rest of the day only, memoised here per day."""
    global _salt_of_day
    if _salt_of_day is None or _salt_of_day[0] != day:
        key = f"news:views:salt:{day.isoformat()}"
        cache.add(key, secrets.token_hex(16), timeout=timeout + 60)
        _salt_of_day = (day, cache.get(key) or secrets.token_hex(16))
    return _salt_of_day[1]


def visitor_key(salt: str, address: str, user_agent: str, article_id: int) -> str:
    material = "\x1f".join((salt, address, user_agent, str(article_id)))
    return hashlib.sha256(material.encode()).hexdigest()[:32]


def is_countable(request) -> bool:
    user_agent = request.META.get("HTTP_USER_AGENT", "").strip()
    return (
        counting_enabled()
        and request.method == "GET"
        and bool(user_agent)
        and not _detector.is_crawler(user_agent)
    )


def record_view(request, article_id: int, language: str) -> bool:
    """Count this request as a view of ``article_id`` in ``language`` if it is a new visitor's
    of the day; returns whether it was counted. Writes to the database only when the buffer
    is due (see the module's docstring)."""
    if not is_countable(request):
        return False
    now = timezone.now()
    day = timezone.localdate(now)
    timeout = _seconds_left(now)
    try:
        key = visitor_key(
            _salt(day, timeout),
            request.META.get("REMOTE_ADDR", ""),
            request.META.get("HTTP_USER_AGENT", "").strip(),
            article_id,
        )
        if not cache.add(f"news:views:seen:{key}", 1, timeout=timeout):
            return False
    except Exception:  # a cache outage costs a count, never the page
        logger.warning("View not counted: the cache is unavailable", exc_info=True)
        return False
    BUFFER.add((article_id, language, day))
    if BUFFER.due():
        flush()
    return True


def flush() -> int:
    """Write the buffered counts; returns the number of (article, language, day) rows written.

    On a database error the counts go back to the buffer for the next attempt."""
    counts = BUFFER.drain()
    if not counts:
        return 0
    try:
        return write_counts(counts)
    except Exception:
        BUFFER.restore(counts)
        logger.exception("Could not write %s article view counts; kept for later", len(counts))
        return 0


def write_counts(counts: Counter[Key]) -> int:
    """Add ``counts`` to the stored ones: one upsert statement per 500 keys."""

    existing = set(
        Article.objects.filter(pk__in={key[0] for key in counts}).values_list("pk", flat=True)
    )
    rows = [
        (article_id, language, day.isoformat(), count)
        for (article_id, language, day), count in sorted(counts.items())
        if article_id in existing and count > 0
    ]
    quote = connection.ops.quote_name
    table = quote(ArticleView._meta.db_table)
    column = quote("count")
    with transaction.atomic(), connection.cursor() as cursor:
        for start in range(0, len(rows), ROWS_PER_STATEMENT):
            part = rows[start : start + ROWS_PER_STATEMENT]
            values = ", ".join(["(%s, %s, %s, %s)"] * len(part))
            cursor.execute(
                f"INSERT INTO {table} (article_id, language, day, {column}) VALUES {values} "  # noqa: S608 (names quoted, values bound)
                f"ON CONFLICT (article_id, language, day) "
                f"DO UPDATE SET {column} = {table}.{column} + excluded.{column}",
                [value for row in part for value in row],
            )
    return len(rows)


def views_by_language(article_ids) -> dict[int, dict[str, int]]:
    """{article id: {language: views}}: stored (one query) plus this process's pending ones."""

    ids = list(article_ids)
    result: dict[int, dict[str, int]] = {pk: {} for pk in ids}
    stored = (
        ArticleView.objects.filter(article_id__in=ids)
        .values_list("article_id", "language")
        .annotate(total=Sum("count"))
        .order_by()
    )
    for article_id, language, total in stored:
        result[article_id][language] = total
    for article_id, pending in BUFFER.pending(ids).items():
        for language, count in pending.items():
            result[article_id][language] = result[article_id].get(language, 0) + count
    return result


def add_pending_views(articles) -> None:
    """Set ``views`` on articles annotated by ``with_views()``: stored plus pending views."""
    pending = BUFFER.pending(article.pk for article in articles)
    for article in articles:
        article.views = article.stored_views + sum(pending.get(article.pk, {}).values())


atexit.register(flush)
