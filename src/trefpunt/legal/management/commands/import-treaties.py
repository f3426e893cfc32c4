from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from trefpunt.legal import operations
from trefpunt.legal.importer import TreatyFile


def _steps() -> dict[str, tuple[str, str]]:
    """Each step of the import: (unit, label) of its progress bar."""
    return {
        "check": (_("lines"), _("checking")),
        "write": (_("acts"), _("writing")),
        "index": (_("acts"), _("indexing")),
    }


class Command(BaseCommand):
    help = (
        "Import legal acts from a JSON Lines file (one object per line: bwb_id, title, text, "
        "crisis_related, and optionally path, source_commit). Upserts by bwb_id; "
        "all-or-nothing: every line is checked before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON Lines file (may be gzip-compressed).")

    def handle(self, *args, file, verbosity, **options):
        if not Path(file).is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        source = TreatyFile(file)
        total = source.count_lines()
        bars: dict[str, tqdm] = {}
        steps = _steps()

        def progress(step: str, count: int) -> None:
            if step not in bars:
                for bar in bars.values():
                    bar.close()
                unit, label = steps.get(step, (_("records"), step))
                bars[step] = tqdm(
                    total=total,
                    unit=unit,
                    desc=label,
                    disable=verbosity < 1,
                    file=self.stderr,
                    dynamic_ncols=True,
                )
            bars[step].update(count)

        try:
            summary = operations.import_acts(source, progress=progress)
        except operations.ImportFailed as failure:
            raise CommandError(self._refusal(failure)) from None
        finally:
            for bar in bars.values():
                bar.close()
        line = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged") % {
            "created": summary.created,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
        }
        self.stdout.write(self.style.SUCCESS(line))

    def _refusal(self, failure: "operations.ImportFailed") -> str:
        lines = [str(problem) for problem in failure.problems]
        if not failure.complete:
            lines.append(
                _("(stopped after %(count)s problems; fix these and run it again)")
                % {"count": len(lines)}
            )
        return _("Nothing was imported. %(problems)s") % {"problems": "\n".join(lines)}
