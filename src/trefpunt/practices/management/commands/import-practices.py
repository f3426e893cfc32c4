from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from trefpunt.practices import importer, operations


def _steps() -> dict[str, tuple[str, str]]:
    """Each step of the import: (unit, label) of its progress bar."""
    return {
        "check": (_("lines"), _("checking")),
        "write": (_("lines"), _("writing")),
        "index": (_("practices"), _("indexing")),
    }


class Command(BaseCommand):
    help = (
        "Import practices from a JSON Lines file (one object per line: external_id, language, "
        "title, summary, body, and optionally results, costs, transferability, contacts, url, "
        "stage, period_start, period_end, owner, themes, territories, organisations). Upserts "
        "by external_id; all-or-nothing: every line is checked before anything is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON Lines file (may be gzip-compressed).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count; write nothing."
        )

    def handle(self, *args, file, dry_run, verbosity, **options):
        source = importer.PracticeFile(file)
        if not Path(file).is_file():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
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
            summary = operations.import_practices(source, dry_run=dry_run, progress=progress)
        except importer.ImportFailed as failure:
            raise CommandError(self._refusal(failure)) from None
        finally:
            for bar in bars.values():
                bar.close()
        counts = {
            "total": summary.total,
            "created": summary.created,
            "updated": summary.updated,
            "unchanged": summary.unchanged,
            "documents": summary.documents,
            "seconds": f"{summary.seconds:.1f}",
        }
        line = (
            _(
                "%(total)s practices (%(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged), %(documents)s documents indexed in %(seconds)s s."
            )
            % counts
        )
        if summary.dry_run:
            line = _("Dry run, nothing written: %(summary)s") % {"summary": line}
        self.stdout.write(self.style.SUCCESS(line))

    def _refusal(self, failure: "importer.ImportFailed") -> str:
        lines = [str(problem) for problem in failure.problems]
        if not failure.complete:
            lines.append(
                _("(stopped after %(count)s problems; fix these and run it again)")
                % {"count": len(lines)}
            )
        return _("Nothing was imported. %(problems)s") % {"problems": "\n".join(lines)}
