"""Concurrent API writers on the SQLite default: errors and writes/s.

    .venv/bin/python benchmarks/sqlite_writers.py [--writers 2 4 8 20] [--writes 20]
        [--deferred]

Migrates a temporary SQLite database with the settings' OPTIONS (WAL, busy timeout,
``transaction_mode: IMMEDIATE``), loads the packaged gazetteer and the demo directory, schedules
one meeting of Menen and gives an editor of Menen an API token. Then, for each number of
writers, that many threads each send ``--writes`` ``POST /api/v1/meetings/{id}/actions``
through Django's test client (the whole middleware stack, one database connection per
thread). Prints per row: writers, writes, errors (any answer but 201, and their statuses) and
writes/s. ``--deferred`` drops ``transaction_mode`` to show what it changes.
"""

import argparse
import os
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _round(writers: int, writes: int, url: str, token: str) -> tuple[Counter, Counter]:
    """``writers`` threads, each sending ``writes`` posts at once; statuses and error lines."""
    from django.db import connection
    from django.test import Client

    statuses: Counter = Counter()
    samples: Counter = Counter()  # last line of the error bodies
    lock = threading.Lock()
    barrier = threading.Barrier(writers)

    def write(number: int) -> None:
        client = Client(headers={"Authorization": f"Bearer {token}"})
        barrier.wait()
        for write in range(writes):
            payload = {"title": f"Writer {number}, action {write}", "owner_organisation": "menen"}
            response = client.post(url, payload, "application/json")
            with lock:
                statuses[response.status_code] += 1
                if response.status_code != 201:
                    lines = response.content.decode().strip().splitlines() or [""]
                    samples[lines[-1][:160]] += 1
        connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses, samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, nargs="+", default=[2, 4, 8, 20])
    parser.add_argument("--writes", type=int, default=20, help="writes per writer")
    parser.add_argument("--deferred", action="store_true", help="without transaction_mode")
    args = parser.parse_args()
    temporary = Path(tempfile.mkdtemp(prefix="trefpunt-writers-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{temporary / 'writers.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    os.environ.setdefault("AXES_ENABLED", "false")
    os.environ.setdefault("TREFPUNT_EMBEDDER", "none")
    import django
    from django.conf import settings

    if args.deferred:
        settings.DATABASES["default"]["OPTIONS"].pop("transaction_mode", None)
    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection

    from trefpunt.accounts import operations as accounts
    from trefpunt.meetings import operations
    from trefpunt.organisations import demo
    from trefpunt.organisations import operations as directory
    from trefpunt.organisations.models import Organisation
    from trefpunt.places import operations as places
    from trefpunt.places.importers import packaged

    try:
        call_command("migrate", verbosity=0)
        places.import_territories(packaged.records())
        demo.load()
        menen = Organisation.objects.get(slug="menen")
        user = get_user_model().objects.create_user(username="writer", email="writer@example.org")
        directory.add_member(by=None, user=user, organisation=menen, role="editor")
        _token, raw = accounts.issue_token(user=user, label="benchmark")
        meeting = operations.schedule_meeting(
            user=None,
            organiser=menen,
            kind="local_consultation",
            language="fr",
            title="Concertation locale Menin–Halluin",
            start=datetime(2026, 3, 26, 14, 0),
            end=datetime(2026, 3, 26, 16, 0),
            address="Grote Markt 1, Menen",
        )
        connection.close()
        options = settings.DATABASES["default"]["OPTIONS"]
        print(f"SQLite OPTIONS: transaction_mode={options.get('transaction_mode', 'DEFERRED')}")
        print(f"{'writers':>8}{'writes':>8}{'errors':>8}{'writes/s':>10}  statuses")
        url = f"/api/v1/meetings/{meeting.pk}/actions"
        for writers in args.writers:
            started = time.perf_counter()
            statuses, samples = _round(writers, args.writes, url, raw)
            seconds = time.perf_counter() - started
            total = writers * args.writes
            errors = total - statuses[201]
            print(
                f"{writers:>8}{total:>8}{errors:>8}{statuses[201] / seconds:>10.1f}  "
                + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
            )
            for sample, count in samples.most_common(3):
                print(f"{'':>8}{count} × {sample}")
    finally:
        shutil.rmtree(temporary, ignore_errors=True)


if __name__ == "__main__":
    main()
