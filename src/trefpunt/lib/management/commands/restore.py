from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from trefpunt.lib.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `trefpunt backup` into an empty database (create it, do not "
        "migrate it) and MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(_("No archive at %(path)s.") % {"path": path})
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            _("Restored the %(engine)s database of %(created)s and %(files)s uploaded files.")
            % {
                "engine": manifest["engine"],
                "created": manifest["created"],
                "files": manifest["media_files"],
            }
        )
