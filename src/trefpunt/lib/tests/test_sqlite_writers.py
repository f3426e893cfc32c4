"""Concurrent writers on the SQLite default wait for the lock instead of failing (issue 9)."""

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[4] / "benchmarks" / "sqlite_writers.py"


def test_eight_concurrent_api_writers_all_succeed():
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--writers", "8", "--writes", "5"],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )

    rows = [line.split() for line in result.stdout.splitlines()[2:]]
    assert rows[0][:3] == ["8", "40", "0"], result.stdout
