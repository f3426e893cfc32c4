"""Time and memory of inputs that used to exhaust a worker (issue 9): peak RSS and seconds.

    .venv/bin/python benchmarks/limits.py

Each case runs in a fresh process on a temporary SQLite database (migrated, packaged gazetteer
and demo directory loaded) and prints its answer, the seconds it took, how far it raised
the process's peak resident memory above the peak after setup, and the peak of Python
allocations during the case (tracemalloc; what the case itself needed):

* ``api-description``: ``POST /api/v1/meetings/{id}/agenda`` by an organiser with a
  description of 300,000 characters without a space (was 10 s and +1.7 GB);
* ``chunking``: the same text cut into passages for the embedder (what indexing does);
* ``import-line``: ``trefpunt import-practices`` of a file whose second line is 12 MB (was
  22.9 GB, killed by the kernel).
"""

import io
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CASES = ("api-description", "chunking", "import-line")
TEXT = "a" * 300_000


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup(temporary: Path):
    os.environ["DATABASE_URL"] = f"sqlite:///{temporary / 'limits.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trefpunt.settings")
    os.environ.setdefault("AXES_ENABLED", "false")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from trefpunt.accounts import operations as accounts
    from trefpunt.meetings import operations
    from trefpunt.organisations import demo
    from trefpunt.organisations import operations as directory
    from trefpunt.organisations.models import Organisation
    from trefpunt.places import operations as places
    from trefpunt.places.importers import packaged

    call_command("migrate", verbosity=0)
    places.import_territories(packaged.records())
    demo.load()
    menen = Organisation.objects.get(slug="menen")
    user = get_user_model().objects.create_user(username="organiser", email="o@example.org")
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
    return meeting, raw


def _case(name: str, temporary: Path) -> str:
    meeting, token = _setup(temporary)
    if name == "api-description":
        from django.test import Client

        client = Client(headers={"Authorization": f"Bearer {token}"})
        payload = {"title": "Mobilité", "description": TEXT}
        run = lambda: client.post(  # noqa: E731
            f"/api/v1/meetings/{meeting.pk}/agenda", payload, "application/json"
        )
        describe = lambda r: f"{r.status_code} {r.content.decode()[:110]}"  # noqa: E731
    elif name == "chunking":
        from trefpunt.search import chunking

        run = lambda: chunking.passages(chunking.plain_text(TEXT))  # noqa: E731
        describe = lambda parts: f"{len(parts)} passages, longest {max(map(len, parts))}"  # noqa: E731
    else:
        from django.core.management import call_command
        from django.core.management.base import CommandError

        path = temporary / "practices.jsonl"
        small = {"external_id": "a", "language": "nl", "title": "Klein", "body": "Tekst."}
        big = {**small, "external_id": "b", "body": "x" * 12_000_000}
        path.write_text(json.dumps(small) + "\n" + json.dumps(big) + "\n", encoding="utf-8")

        def run():
            try:
                call_command("import-practices", str(path), stdout=io.StringIO(), verbosity=0)
            except CommandError as error:
                return str(error)
            return "imported"

        describe = str
    before = _peak_mb()
    tracemalloc.start()
    started = time.perf_counter()
    result = run()
    seconds = time.perf_counter() - started
    traced = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return (
        f"{name:<16}{seconds:>8.2f} s{_peak_mb() - before:>9.1f} MB{traced:>9.1f} MB  "
        f"{describe(result)}"
    )


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        temporary = Path(tempfile.mkdtemp(prefix="trefpunt-limits-"))
        try:
            print(_case(sys.argv[2], temporary))
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return
    print(f"{'case':<16}{'time':>10}{'peak RSS +':>12}{'allocated':>11}  answer")
    for name in CASES:
        output = subprocess.run(
            [sys.executable, __file__, "--case", name], capture_output=True, text=True, check=False
        )
        print(output.stdout.strip() or output.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
