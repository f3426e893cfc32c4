"""Load test (locust as a library): 50 users on the production server, mixed public pages and
API, then the same server's Django "hello" view as the throughput ratio's denominator.

    python benchmarks/load.py                              # SQLite scratch database
    DATABASE_URL=postgres://…/scratch REDIS_URL=… python benchmarks/load.py --users 50 --seconds 120

Users send their next request as soon as the last one is answered (no think time), like the
measurement in issue 9. Prints requests/s, errors and p95 per page, the same for
``/__hello__/`` (served by ``benchmarks/hello_wsgi.py``, never by the platform itself), and the
ratio of the two throughputs.
"""

from gevent import monkey

monkey.patch_all()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import urllib.request  # noqa: E402
from pathlib import Path  # noqa: E402

import gevent  # noqa: E402
from harness import (  # noqa: E402
    ROOT,
    free_port,
    kill_server,
    server_env,
    start_server,
    trefpunt,
    wait_for,
)
from locust import HttpUser, constant, task  # noqa: E402
from locust.env import Environment  # noqa: E402

PAGES: dict[str, list[str]] = {}


def discover(base: str) -> None:
    """Real addresses from the demo data, grouped under the page names reported."""

    def get(path):
        with urllib.request.urlopen(base + path, timeout=30) as response:  # noqa: S310 (local)
            return json.load(response)

    meetings = [m["id"] for m in get("/api/v1/meetings?limit=20")["items"]]
    news = [a["id"] for a in get("/api/v1/news?limit=20")["items"]]
    organisations = [o["slug"] for o in get("/api/v1/organisations?limit=50")["items"]]
    territories = [t["code"] for t in get("/api/v1/territories?limit=50&country=BE")["items"]]
    PAGES.update(
        {
            "home": ["/en/", "/nl/", "/fr/"],
            "practices list": ["/en/practices/", "/fr/practices/"],
            "meetings list": ["/en/meetings/"],
            "meeting page": [f"/en/meetings/{pk}/" for pk in meetings],
            "news list": ["/en/news/"],
            "news article": [f"/en/news/{pk}/" for pk in news],
            "organisation page": [f"/en/organisations/{slug}/" for slug in organisations],
            "territory page": [f"/en/places/{code}/" for code in territories],
            "site search": ["/en/search/?q=housing", "/nl/search/?q=grensarbeiders"],
            "api territories": ["/api/v1/territories?limit=20&q=mo"],
            "api organisations": ["/api/v1/organisations?limit=20"],
            "api meetings": ["/api/v1/meetings?limit=20"],
            "api search": ["/api/v1/search?q=energy&limit=10"],
        }
    )


class Visitor(HttpUser):
    wait_time = constant(0)

    @task
    def page(self):
        name = random.choice(list(PAGES))  # noqa: S311 (load mix, not security)
        self.client.get(random.choice(PAGES[name]), name=name)  # noqa: S311


class HelloVisitor(HttpUser):
    wait_time = constant(0)

    @task
    def hello(self):
        self.client.get("/__hello__/", name="hello")


def run(user_class, base: str, users: int, seconds: float):
    env = Environment(user_classes=[user_class], host=base)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=users)
    gevent.sleep(seconds)
    runner.quit()
    return env.stats


def report(stats, title: str) -> tuple[float, int]:
    print(f"\n{title}")
    print(f"{'page':<20} {'requests':>9} {'errors':>7} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for (name, _method), entry in sorted(stats.entries.items()):
        print(
            f"{name:<20} {entry.num_requests:>9} {entry.num_failures:>7} "
            f"{entry.total_rps:>7.1f} {entry.get_response_time_percentile(0.5):>8.0f} "
            f"{entry.get_response_time_percentile(0.95):>8.0f}"
        )
    total = stats.total
    print(
        f"{'all':<20} {total.num_requests:>9} {total.num_failures:>7} {total.total_rps:>7.1f} "
        f"{total.get_response_time_percentile(0.5):>8.0f} "
        f"{total.get_response_time_percentile(0.95):>8.0f}"
    )
    for error in stats.errors.values():
        print(f"  error: {error.occurrences} × {error.method} {error.name}: {error.error}")
    return total.total_rps, total.num_failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--hello-seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="trefpunt-load-")
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/load.sqlite3"
    env = server_env(
        workdir,
        database_url,
        PYTHONPATH=f"{ROOT / 'benchmarks'}:{ROOT / 'src'}",
    )
    print("--- preparing the database (migrate, demo data, collectstatic)", flush=True)
    trefpunt("migrate", "--noinput", env=env)
    trefpunt("load-demo", "--verbosity=0", env=env)
    trefpunt("collectstatic", "--noinput", env=env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(
        env,
        port,
        Path(workdir) / "server.log",
        "--app=hello_wsgi:application",
        f"--workers={options.workers}",
        f"--threads={options.threads}",
    )
    try:
        wait_for(f"{base}/__hello__/")
        discover(base)
        for paths in PAGES.values():  # warm every worker's caches and lazily loaded models
            for path in paths:
                urllib.request.urlopen(base + path, timeout=120).read()  # noqa: S310 (local)
        engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
        print(
            f"--- {options.users} users, {options.seconds:.0f} s, gunicorn {options.workers} "
            f"workers × {options.threads} threads, {engine}",
            flush=True,
        )
        mixed_rps, errors = report(
            run(Visitor, base, options.users, options.seconds), "mixed pages and API"
        )
        hello_rps, hello_errors = report(
            run(HelloVisitor, base, options.users, options.hello_seconds), "Django hello view"
        )
    finally:
        kill_server(server)
    print(
        f"\nthroughput ratio (mixed / hello): {mixed_rps:.1f} / {hello_rps:.1f} = "
        f"{mixed_rps / hello_rps:.2f}; errors {errors + hello_errors}"
    )
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if errors or hello_errors else 0


if __name__ == "__main__":
    sys.exit(main())
