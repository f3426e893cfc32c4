from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from trefpunt.assistance import operations


class Command(BaseCommand):
    help = (
        "Import hospitals from Eurostat/GISCO healthcare_XX.csv files (BE, NL, LU; DE: North "
        "Rhine-Westphalia; FR: Hauts-de-France and Grand Est). All-or-nothing; a second run "
        "changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        for path in files:
            if not path.is_file():
                raise CommandError(_("No such file: %(path)s") % {"path": path})
        try:
            summary = operations.import_hospitals(files)
        except ValidationError as error:
            raise CommandError(
                _("Nothing imported: %(errors)s") % {"errors": "; ".join(error.messages[:20])}
            ) from error
        for country, counts in sorted(summary["countries"].items()):
            self.stdout.write(
                _(
                    "%(country)s: %(hospitals)d hospitals, %(emergency)d with an emergency "
                    "department"
                )
                % {"country": country, **counts}
            )
        self.stdout.write(
            self.style.SUCCESS(
                _("%(created)d capabilities created, %(updated)d updated, %(unchanged)d unchanged.")
                % summary
            )
        )
