"""The deployment files: `.env.example` starts, the compose file is valid, the serve command
runs gunicorn, the client address is read correctly behind a proxy."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import RequestFactory

from trefpunt.lib.client_ip import client_ip
from trefpunt.lib.management.commands.serve import Command as Serve

ROOT = Path(__file__).resolve().parents[4]


def _env_example() -> dict[str, str]:
    pairs = {}
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, value = line.partition("=")
            pairs[name] = value
    return pairs


def test_the_settings_start_with_env_example_as_shipped(tmp_path):
    env = {**os.environ, **_env_example(), "PYTHONPATH": str(ROOT / "src")}
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'trefpunt.settings'; "
        "django.setup(); from django.conf import settings; "
        "print(settings.STATIC_ROOT, settings.MEDIA_ROOT, bool(settings.SECRET_KEY), "
        "settings.DATABASES['default']['NAME'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    static_root, media_root, has_key, database = result.stdout.split()
    # Empty values mean the defaults under the project, never the working directory.
    assert static_root == str(ROOT / "var" / "static")
    assert media_root == str(ROOT / "var" / "media")
    assert has_key == "True"
    assert database == str(ROOT / "var" / "trefpunt.sqlite3")


def _docker_compose() -> bool:
    """The docker CLI with its compose plugin; ``compose config`` needs no running engine."""
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "compose", "version"], capture_output=True, timeout=30)
    return probe.returncode == 0


@pytest.mark.skipif(not _docker_compose(), reason="the docker CLI with compose is absent")
def test_the_compose_file_is_valid():
    result = subprocess.run(
        ["docker", "compose", "-f", str(ROOT / "compose.yaml"), "config", "-q"],
        env={**os.environ, "SECRET_KEY": "compose-config-check"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_dockerfile_copies_only_files_that_exist():
    copied = [
        line.split()[-2]
        for line in (ROOT / "Dockerfile").read_text().splitlines()
        if line.startswith("COPY ")
    ]
    assert copied == ["README.md", "src", "docker/entrypoint.sh"]
    assert all((ROOT / path).exists() for path in copied)


def test_serve_runs_gunicorn_with_workers_and_threads():
    argv = Serve().gunicorn_argv(
        bind="127.0.0.1:9000",
        workers=3,
        threads=4,
        timeout=60,
        forwarded_allow_ips="127.0.0.1",
        limit_request_line=8190,
    )

    assert argv[1:4] == ["-m", "gunicorn", "trefpunt.wsgi:application"]
    assert "--bind=127.0.0.1:9000" in argv
    assert "--workers=3" in argv
    assert "--threads=4" in argv


def test_without_proxies_the_client_is_the_remote_address(settings):
    settings.TREFPUNT_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "10.0.0.1"


def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(settings):
    settings.TREFPUNT_PROXY_COUNT = 1
    forged = "6.6.6.6, 203.0.113.7"  # the client claimed 6.6.6.6; the proxy appended its peer
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forged)

    assert client_ip(request) == "203.0.113.7"


def test_a_missing_forwarded_header_falls_back_to_the_remote_address(settings):
    settings.TREFPUNT_PROXY_COUNT = 2
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_ip(request) == "10.0.0.1"
