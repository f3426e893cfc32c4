import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


def default_workers() -> int:
    """One worker per core (at least two): pages are CPU-bound Python, and threads cover the
    waits on the database."""
    return max(2, os.cpu_count() or 1)


class Command(BaseCommand):
    help = (
        "Run the production server (gunicorn, WSGI): workers × threads, static files from "
        "WhiteNoise. Run `trefpunt migrate` and `trefpunt collectstatic` first."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("TREFPUNT_BIND", "127.0.0.1:8000"))
        parser.add_argument("--workers", type=int, default=0, help="Default: one per core, ≥ 2.")
        parser.add_argument("--threads", type=int, default=4)
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument(
            "--app", default="trefpunt.wsgi:application", help="The WSGI application to serve."
        )
        parser.add_argument(
            "--limit-request-line",
            type=int,
            default=8190,
            help="Longest request line in bytes (0: unlimited); longer ones get 414.",
        )
        parser.add_argument(
            "--forwarded-allow-ips",
            default=os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1"),
            help="Proxies whose X-Forwarded-Proto gunicorn trusts.",
        )

    def gunicorn_argv(
        self,
        *,
        bind,
        workers,
        threads,
        timeout,
        forwarded_allow_ips,
        limit_request_line,
        app="trefpunt.wsgi:application",
    ) -> list:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            f"--bind={bind}",
            f"--workers={workers or default_workers()}",
            f"--threads={threads}",
            f"--timeout={timeout}",
            f"--forwarded-allow-ips={forwarded_allow_ips}",
            f"--limit-request-line={limit_request_line}",
            "--access-logfile=-",
            "--max-requests=2000",
            "--max-requests-jitter=200",
        ]

    def handle(self, *args, **options):
        argv = self.gunicorn_argv(
            **{
                key: options[key]
                for key in (
                    "bind",
                    "workers",
                    "threads",
                    "timeout",
                    "forwarded_allow_ips",
                    "limit_request_line",
                    "app",
                )
            }
        )
        if settings.DEBUG:
            self.stderr.write("warning: DEBUG is on; production sets DEBUG=false.")
        self.stderr.write(" ".join(argv[2:]))
        sys.stdout.flush()
        # numpy's BLAS threads would compete with the workers (docs/scaling.md).
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        os.execv(sys.executable, argv)
