from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite copy or pg_dump) and the uploaded files into one "
        ".tar.gz archive; `trefpunt restore` reads it."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help="Default: trefpunt-backup-<UTC time>.tar.gz here."
        )

    def handle(self, *args, archive=None, **options):
        path = Path(archive or f"trefpunt-backup-{timezone.now():%Y%m%dT%H%M%SZ}.tar.gz")
        try:
            manifest = create_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Backup written to %(path)s (%(engine)s database, %(files)s uploaded files).")
            % {"path": path, "engine": manifest["engine"], "files": manifest["media_files"]}
        )
