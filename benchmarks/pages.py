"""Latency and query count of the main pages and API calls on the demo data.

    .venv/bin/python benchmarks/pages.py [--repeat 50]

Migrates a temporary SQLite database (unless DATABASE_URL is set), runs `load-demo`, then
requests each page through Django's test client (no network, whole middleware stack) and
prints p50/p95 in milliseconds and the number of SQL queries of one warm request.
"""

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PAGES = [
    "/fr/",
    "/fr/search/?q=Luik",
    "/nl/places/?country=BE&level=municipality",
    "/nl/places/?country=BE&level=municipality&page=10",
    "/fr/places/BE-NIS:62063/",
    "/en/places/BE-NIS:34027/",
    "/de/organisations/",
    "/de/organisations/benelux-secretariat-general/",
    "/en/organisations/menen/",
    "/api/v1/territories?country=BE&level=municipality&limit=50",
    "/api/v1/territories?q=Aken",
    "/api/v1/territories/BE-NIS:62063",
    "/api/v1/territories/BE-NIS:34027/comparable?across_border=true&limit=10",
    "/api/v1/organisations/benelux-secretariat-general",
    "/api/v1/people?limit=50",
    "/nl/meetings/",
    "/fr/meetings/calendar/",
    "/en/meetings/follow-up/",
    "/fr/meetings/series/eurometropolis-local-consultation/",
    "/nl/news/",
    "/fr/news/archive/",
    "/fr/news/feed.atom",
    "/api/v1/meetings?limit=50",
    "/api/v1/actions?status=open",
    "/api/v1/meetings/series/eurometropolis-local-consultation.ics",
    "/api/v1/news?lang=fr",
]


def demo_pages() -> list[str]:
    """Pages whose address depends on the demo's ids: the next meeting of the series (with
    its carried-over actions) and the newest article."""
    from trefpunt.meetings.models import Meeting
    from trefpunt.news.models import Article

    meeting = (
        Meeting.objects.filter(series__slug="eurometropolis-local-consultation")
        .order_by("-start")
        .first()
    )
    article = Article.objects.published().order_by("-published_at").first()
    return [
        f"/fr/meetings/{meeting.pk}/",
        f"/fr/meetings/calendar/?month={meeting.start:%Y-%m}",
        f"/api/v1/meetings/{meeting.pk}",
        f"/api/v1/meetings/{meeting.pk}.ics",
        f"/nl/news/{article.pk}/",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    temporary = None
    if not os.environ.get("DATABASE_URL"):
        temporary = Path(tempfile.mkdtemp(prefix="trefpunt-pages-"))
        os.environ["DATABASE_URL"] = f"sqlite:///{temporary / 'pages.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    os.environ.setdefault("AXES_ENABLED", "false")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    try:
        call_command("migrate", verbosity=0)
        call_command("load-demo", verbosity=0)
        client = Client()
        print(f"database: {connection.vendor}; {args.repeat} requests per page")
        print(f"{'page':<75}{'p50 ms':>8}{'p95 ms':>8}{'queries':>9}")
        for page in PAGES + demo_pages():
            response = client.get(page)  # warm caches (matching index, name list)
            assert response.status_code == 200, (page, response.status_code)
            queries = []

            def count(execute, sql, params, many, context, queries=queries):
                queries.append(sql)
                return execute(sql, params, many, context)

            with connection.execute_wrapper(count):
                client.get(page)
            samples = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                client.get(page)
                samples.append((time.perf_counter() - start) * 1000)
            samples.sort()
            p50 = samples[len(samples) // 2]
            p95 = samples[min(len(samples) - 1, int(len(samples) * 0.95))]
            print(f"{page:<75}{p50:>8.1f}{p95:>8.1f}{len(queries):>9}")
    finally:
        if temporary:
            shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
