"""What counting article views costs a page view: throughput and latency, counting on vs off.

    .venv/bin/python benchmarks/news_views.py [--requests 3000]

Migrates a temporary SQLite database (unless DATABASE_URL is set), runs `load-demo`, then
requests the demo articles' pages through Django's test client (no network, whole middleware
stack) as distinct simulated visitors (each request a new address and browser string, so the
bot check never hits its cache), alternating request by request between counting off
(``TREFPUNT_COUNT_VIEWS=False``) and on, so that both see the same machine load. The buffer
flushes as in production (every 30 s). Prints requests/s of one process (from the mean
latency), p50/p95 in milliseconds, the relative difference (target: within 10 %) and what one
flush of the buffer costs.
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

AGENTS = [
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
]


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=3000, help="requests per mode")
    parser.add_argument("--warmup", type=int, default=200)
    args = parser.parse_args()
    temporary = None
    if not os.environ.get("DATABASE_URL"):
        temporary = Path(tempfile.mkdtemp(prefix="trefpunt-news-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary / 'news.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    os.environ.setdefault("AXES_ENABLED", "false")
    os.environ.setdefault("TREFPUNT_EMBEDDER", "none")
    import django

    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from trefpunt.news import counting
    from trefpunt.news.models import Article, ArticleView

    try:
        call_command("migrate", verbosity=0)
        call_command("load-demo", verbosity=0)
        client = Client()
        pages = [
            f"/{language}/news/{article.pk}/"
            for article in Article.objects.published()
            for language in ("nl", "fr", "de", "en")
        ]
        settings_off = override_settings(TREFPUNT_COUNT_VIEWS=False)
        samples: dict[bool, list[float]] = {False: [], True: []}
        visitor = 0
        for number in range(args.warmup + 2 * args.requests):
            count = number % 2 == 1  # alternate, so that both modes see the same load
            visitor += 1
            address = f"10.{visitor >> 16 & 255}.{visitor >> 8 & 255}.{visitor & 255}"
            agent = f"{AGENTS[visitor % len(AGENTS)]} v{visitor}"
            if not count:
                settings_off.enable()
            start = time.perf_counter()
            response = client.get(
                pages[number % len(pages)], REMOTE_ADDR=address, HTTP_USER_AGENT=agent
            )
            elapsed = (time.perf_counter() - start) * 1000
            if not count:
                settings_off.disable()
            assert response.status_code == 200, response.status_code
            if number >= args.warmup:
                samples[count].append(elapsed)
        flush_started = time.perf_counter()
        keys = len(counting.BUFFER)
        counting.flush()
        flush_ms = (time.perf_counter() - flush_started) * 1000
        stored = sum(ArticleView.objects.values_list("count", flat=True))

        print(
            f"database: {connection.vendor}; cache: {caches['default'].__class__.__name__}; "
            f"{len(pages)} pages; {args.requests} requests per mode, alternating; "
            "every request a new visitor"
        )
        print(f"{'counting':<10}{'req/s':>10}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}")
        rates = {}
        for mode in (False, True):
            rates[mode] = 1000 / statistics.fmean(samples[mode])
            print(
                f"{'on' if mode else 'off':<10}{rates[mode]:>10.1f}"
                f"{_percentile(samples[mode], 0.5):>9.2f}{_percentile(samples[mode], 0.95):>9.2f}"
                f"{statistics.fmean(samples[mode]):>9.2f}"
            )
        difference = (rates[False] - rates[True]) / rates[False] * 100
        p50 = _percentile(samples[True], 0.5) / _percentile(samples[False], 0.5) * 100 - 100
        print(f"throughput cost of counting: {difference:+.1f} % (p50 latency {p50:+.1f} %)")
        print(f"views stored: {stored}; last flush: {keys} keys in {flush_ms:.1f} ms")
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
