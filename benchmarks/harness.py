"""What the reliability scripts share: a scratch database, the production server, waiting."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(workdir: str, database_url: str | None = None, **extra) -> dict:
    """The production settings (DEBUG off) on plain HTTP at 127.0.0.1."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT / "src"),
        DEBUG="false",
        SECRET_KEY="harness-" + "x" * 60,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=f"{workdir}/static",
        MEDIA_ROOT=f"{workdir}/media",
        AXES_ENABLED="false",
        LOG_LEVEL="ERROR",
        OPENBLAS_NUM_THREADS="1",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra)
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


def wait_for(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (local)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"server did not answer {url}")


def start_server(env, port: int, log_path: Path, *serve_args) -> subprocess.Popen:
    """`trefpunt serve` in its own process group (so that kill_server reaches every worker)."""
    log = open(log_path, "a")  # noqa: SIM115 (the server process keeps it)
    return subprocess.Popen(
        [str(BIN / "trefpunt"), "serve", f"--bind=127.0.0.1:{port}", *serve_args],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def kill_server(server: subprocess.Popen, sig=signal.SIGTERM) -> None:
    try:
        os.killpg(server.pid, sig)
    except ProcessLookupError:
        return
    server.wait(timeout=60)
