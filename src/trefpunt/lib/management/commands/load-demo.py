import io
from importlib import import_module

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _


class Command(BaseCommand):
    help = (
        "Load the packaged gazetteer and every app's demo data (idempotent: running it twice "
        "adds nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-gazetteer", action="store_true", help="Skip the packaged gazetteer."
        )

    def handle(self, *args, no_gazetteer=False, verbosity=1, **options):
        if not no_gazetteer:
            call_command(
                "import-territories",
                "packaged",
                verbosity=verbosity,
                stdout=self.stdout if verbosity >= 1 else io.StringIO(),
            )
        total = 0
        for config in apps.get_app_configs():
            if not config.name.startswith("trefpunt."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            created = module.load()
            total += created
            if verbosity >= 1:
                self.stdout.write(
                    _("%(app)s: %(count)s demo records created")
                    % {"app": config.label, "count": created}
                )
        if verbosity >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    _("Demo data ready (%(count)s records created).") % {"count": total}
                )
            )
