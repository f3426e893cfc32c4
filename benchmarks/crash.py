"""Crash test: concurrent API writers, `kill -9` of the server mid-way, restart, and every write
the server acknowledged (201) must be in the database.

    python benchmarks/crash.py                         # SQLite (a scratch file)
    DATABASE_URL=postgres://…/scratch python benchmarks/crash.py   # PostgreSQL (empty database)

Each writer creates organisations through ``POST /api/v1/organisations`` (one transaction with
history and search index) as fast as the server answers; after ``--kill-after`` seconds every
gunicorn process gets SIGKILL. Requests in flight then fail and count as unacknowledged.
"""

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from harness import free_port, kill_server, server_env, start_server, trefpunt, wait_for


def writer(base, token, number, acknowledged, failures, stop):
    sequence = 0
    while not stop.is_set():
        sequence += 1
        slug = f"crash-{number}-{sequence}"
        body = json.dumps(
            {"slug": slug, "kind": "agency", "name": f"Crash {number}/{sequence}", "language": "en"}
        ).encode()
        request = urllib.request.Request(
            f"{base}/api/v1/organisations",
            data=body,
            method="POST",
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (local)
                if response.status == 201:
                    acknowledged.append(slug)
        except (urllib.error.URLError, OSError, TimeoutError):
            failures.append(slug)
            time.sleep(0.05)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--kill-after", type=float, default=15.0, help="seconds of writing")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="trefpunt-crash-")
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{workdir}/crash.sqlite3"
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    env = server_env(workdir, database_url, TREFPUNT_COUNT_VIEWS="false")
    trefpunt("migrate", "--noinput", env=env)
    trefpunt("collectstatic", "--noinput", env=env)
    code = (
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_superuser('crash', 'crash@example.org', None)"
    )
    trefpunt("shell", "-c", code, env=env)
    token = trefpunt("token", "create", "crash", "--name", "crash", env=env, capture=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(workdir) / "server.log"
    server = start_server(env, port, log, "--workers=2", "--threads=4")
    wait_for(f"{base}/api/v1/territories?limit=1")
    acknowledged: list[str] = []
    failures: list[str] = []
    stop = threading.Event()
    threads = [
        threading.Thread(target=writer, args=(base, token, n, acknowledged, failures, stop))
        for n in range(options.writers)
    ]
    for thread in threads:
        thread.start()
    time.sleep(options.kill_after)
    kill_server(server, signal.SIGKILL)
    killed_at = len(acknowledged)
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join()

    # The restarted server must come up on the same data; the check reads the database itself.
    server = start_server(env, port, log, "--workers=2", "--threads=4")
    try:
        wait_for(f"{base}/api/v1/territories?limit=1")
    finally:
        kill_server(server)
    code = (
        "import json; from trefpunt.organisations.models import Organisation;"
        "print(); print(json.dumps(list(Organisation.objects.filter(slug__startswith='crash-')"
        ".values_list('slug', flat=True))))"
    )
    output = trefpunt("shell", "-c", code, env=env, capture=True)
    present = set(json.loads(output.splitlines()[-1]))
    lost = sorted(set(acknowledged) - present)
    print(
        f"crash ({engine}): {options.writers} writers, SIGKILL after {options.kill_after:.0f} s; "
        f"acknowledged {len(acknowledged)} (at the kill: {killed_at}), "
        f"failed/unacknowledged {len(failures)}, found after restart {len(present)}, "
        f"acknowledged writes lost: {len(lost)}"
    )
    if lost:
        print("lost:", ", ".join(lost[:20]))
    shutil.rmtree(workdir, ignore_errors=True)
    return 1 if lost else 0


if __name__ == "__main__":
    sys.exit(main())
