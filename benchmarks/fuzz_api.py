"""Schemathesis against the live API: generated requests, anonymous and with a curator token.

Prepares a database (migrate + demo data), starts the production server (`trefpunt serve`,
DEBUG off) and runs schemathesis twice against ``/api/v1/openapi.json``: once anonymous, once
with a curator's token. Checks: no server error, every status code is documented in the schema,
responses match their documented schema. Deterministic (fixed seed), no network beyond
127.0.0.1. Used by ``.ci/run`` on the throw-away PostgreSQL database.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch python benchmarks/fuzz_api.py

Exit status 0 only when both runs pass and together generated at least ``--min-cases`` cases.
"""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Server errors, undocumented status codes, undocumented content types and responses that do not
# match their documented schema all fail CI.
CHECKS = ",".join(
    (
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
    )
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(static_root: str, media_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        DEBUG="false",
        SECRET_KEY="fuzz-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=static_root,
        MEDIA_ROOT=media_root,
        TREFPUNT_COUNT_VIEWS="false",
        AXES_ENABLED="false",
        LOG_LEVEL="ERROR",
    )
    return env


def trefpunt(*args, env, capture=False) -> str:
    result = subprocess.run(
        [str(BIN / "trefpunt"), *args],
        env=env,
        check=True,
        text=True,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
    )
    return (result.stdout or "").strip()


def wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"server did not answer {url}")


def run_schemathesis(schema_url, *, label, headers, examples, seed, workdir) -> tuple[int, bool]:
    output = Path(workdir) / f"schemathesis-{label}.txt"
    command = [
        str(BIN / "schemathesis"),
        "run",
        schema_url,
        f"--checks={CHECKS}",
        f"--max-examples={examples}",
        f"--seed={seed}",
        "--workers=2",
        "--request-timeout=30",
        "--suppress-health-check=all",
        "--no-color",
        "--phases=examples,coverage,fuzzing",
        "--continue-on-failure",
    ]
    for header in headers:
        command += ["-H", header]
    print(f"--- schemathesis ({label})", flush=True)
    result = subprocess.run(
        command, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=workdir
    )
    output.write_text(result.stdout)
    # The failures in full when there are any, else the summary.
    text = result.stdout
    if result.returncode == 0 and "SUMMARY" in text:
        text = text[text.index("SUMMARY") - 40 :]
    print(text[-40000:], flush=True)
    found = re.search(r"(\d+) generated", result.stdout)
    return (int(found.group(1)) if found else 0), result.returncode == 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2, help="per operation and phase")
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--min-cases", type=int, default=1000)
    parser.add_argument("--keep", action="store_true", help="keep the work directory")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="trefpunt-fuzz-")
    env = server_env(f"{workdir}/static", f"{workdir}/media")
    setup_env = dict(env, DEBUG="true")  # demo accounts are created only while DEBUG is on
    print("--- preparing the database (migrate, demo data, collectstatic)", flush=True)
    trefpunt("migrate", "--noinput", env=setup_env)
    trefpunt("load-demo", env=setup_env)
    trefpunt("collectstatic", "--noinput", env=env)
    token = trefpunt("token", "create", "curator", "--name", "fuzz", env=env, capture=True)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(Path(workdir) / "server.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [
            str(BIN / "trefpunt"),
            "serve",
            f"--bind=127.0.0.1:{port}",
            "--workers=2",
            "--limit-request-line=0",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(f"{base}/api/v1/openapi.json")
        schema = f"{base}/api/v1/openapi.json"
        runs = [("anonymous", []), ("curator", [f"Authorization: Bearer {token}"])]
        total, passed = 0, True
        for label, headers in runs:
            cases, ok = run_schemathesis(
                schema,
                label=label,
                headers=headers,
                examples=options.examples,
                seed=options.seed,
                workdir=workdir,
            )
            total += cases
            passed = passed and ok
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    errors = (Path(workdir) / "server.log").read_text().count("Internal Server Error")
    print(f"fuzz: {total} cases, server errors logged: {errors}, passed: {passed}")
    if not options.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    else:
        print(f"work directory: {workdir}")
    return 0 if passed and errors == 0 and total >= options.min_cases else 1


if __name__ == "__main__":
    sys.exit(main())
