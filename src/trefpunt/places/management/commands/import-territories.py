from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from trefpunt.places import operations
from trefpunt.places.importers import (
    SOURCES,
    ImportProblem,
    cbs,
    geojson,
    insee,
    lau,
    packaged,
    statbel,
)


class Command(BaseCommand):
    help = (
        "Import territories (upsert by official code, all-or-nothing). Sources: "
        "packaged (default, no file), eurostat-lau FILE, statbel FILE, cbs FILE, insee FILE, "
        "geojson FILE --code-field F."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", default="packaged", choices=SOURCES)
        parser.add_argument("file", nargs="?", help="The file to import (not for 'packaged').")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and count; write nothing."
        )
        parser.add_argument(
            "--country", help="Only these countries, comma-separated (eurostat-lau), e.g. BE,NL."
        )
        parser.add_argument(
            "--departements", help="Only these French departments (insee), e.g. 02,08,59."
        )
        parser.add_argument("--code-field", help="GeoJSON property holding the code (geojson).")
        parser.add_argument(
            "--code-prefix", default="", help="Scheme prefix for GeoJSON codes, e.g. NL-CBS:."
        )

    def handle(self, *args, source, file, dry_run, country, departements, code_field,
               code_prefix, verbosity, **options):  # fmt: skip
        if source != "packaged" and not file:
            raise CommandError(f"The source '{source}' needs a FILE.")
        try:
            records = self._parse(source, file, country, departements, code_field, code_prefix)
            with tqdm(
                total=len(records), unit="territories", disable=verbosity < 1, file=self.stderr
            ) as bar:
                summary = operations.import_territories(
                    records, dry_run=dry_run, progress=bar.update, reason=f"import {source}"
                )
        except ImportProblem as problem:
            raise CommandError(f"Nothing was imported. {problem}") from None
        self._report(summary, source)

    def _parse(self, source, file, country, departements, code_field, code_prefix):
        if source == "packaged":
            return packaged.records()
        if source == "eurostat-lau":
            countries = {c.strip().upper() for c in country.split(",")} if country else None
            return lau.records(file, countries)
        if source == "statbel":
            return statbel.records(file)
        if source == "cbs":
            return cbs.records(file)
        if source == "insee":
            wanted = {d.strip() for d in departements.split(",")} if departements else None
            return insee.records(file, wanted)
        if not code_field:
            raise CommandError("The geojson source needs --code-field.")
        return geojson.records(file, code_field=code_field, code_prefix=code_prefix)

    def _report(self, summary, source):
        out = self.stdout
        out.write(f"{'country':<8}{'level':<14}{'created':>9}{'updated':>9}{'unchanged':>11}")
        for country, level, created, updated, unchanged in summary.rows():
            out.write(f"{country:<8}{level:<14}{created:>9}{updated:>9}{unchanged:>11}")
        extra = []
        if summary.skipped:
            extra.append(f"{summary.skipped} skipped (no such territory)")
        if summary.boundaries:
            extra.append(f"{summary.boundaries} boundaries")
        prefix = "Dry run, nothing written: " if summary.dry_run else ""
        out.write(
            self.style.SUCCESS(
                f"{prefix}{summary.total} territories from {source} "
                f"({sum(summary.created.values())} created, {sum(summary.updated.values())} "
                f"updated), {summary.names_added} names added"
                + (", " + ", ".join(extra) if extra else "")
                + "."
            )
        )
