from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
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
            "--region",
            help="Only units whose code or NUTS 3 starts with this (eurostat-lau), e.g. 05 or "
            "DEA for North Rhine-Westphalia.",
        )
        parser.add_argument(
            "--departements", help="Only these French departments (insee), e.g. 02,08,59."
        )
        parser.add_argument("--code-field", help="GeoJSON property holding the code (geojson).")
        parser.add_argument(
            "--code-prefix", default="", help="Scheme prefix for GeoJSON codes, e.g. NL-CBS:."
        )

    def handle(
        self,
        *args,
        source,
        file,
        dry_run,
        country,
        region,
        departements,
        code_field,
        code_prefix,
        verbosity,
        **options,
    ):
        if source != "packaged" and not file:
            raise CommandError(_("The source '%(source)s' needs a FILE.") % {"source": source})
        try:
            records = self._parse(source, file, country, departements, code_field, code_prefix)
            if region:
                records = [r for r in records if _in_region(r, region)]
            vintage = statbel.refnis_vintage(records) if source == "statbel" else None
            with tqdm(
                total=len(records), unit="territories", disable=verbosity < 1, file=self.stderr
            ) as bar:
                summary = operations.import_territories(
                    records,
                    dry_run=dry_run,
                    progress=bar.update,
                    reason=f"import {source}",
                    vintage=vintage,
                    scope=("BE", "municipality") if vintage else None,
                )
        except ImportProblem as problem:
            raise CommandError(
                _("Nothing was imported. %(problem)s") % {"problem": problem}
            ) from None
        self._report(summary, source)  # the summary is the result: printed at every verbosity

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
            raise CommandError(_("The geojson source needs --code-field."))
        return geojson.records(file, code_field=code_field, code_prefix=code_prefix)

    def _report(self, summary, source):
        out = self.stdout
        header = (_("country"), _("level"), _("created"), _("updated"), _("unchanged"))
        out.write(f"{header[0]:<8}{header[1]:<14}{header[2]:>9}{header[3]:>9}{header[4]:>11}")
        for country, level, created, updated, unchanged in summary.rows():
            out.write(f"{country:<8}{level:<14}{created:>9}{updated:>9}{unchanged:>11}")
        counts = {
            "total": summary.total,
            "source": source,
            "created": sum(summary.created.values()),
            "updated": sum(summary.updated.values()),
            "names": summary.names_added,
        }
        line = (
            _(
                "%(total)s territories from %(source)s (%(created)s created, %(updated)s updated), "
                "%(names)s names added"
            )
            % counts
        )
        if summary.skipped:
            line += _(", %(count)s skipped (no such territory)") % {"count": summary.skipped}
        if summary.ended:
            line += _(", %(count)s ended (absent from this newer list)") % {"count": summary.ended}
        if summary.boundaries:
            line += _(", %(count)s boundaries") % {"count": summary.boundaries}
        line += "."
        if summary.dry_run:
            line = _("Dry run, nothing written: %(summary)s") % {"summary": line}
        out.write(self.style.SUCCESS(line))


def _in_region(record, region: str) -> bool:
    local = record.code.split(":", 1)[-1]
    return local.startswith(region) or record.nuts3.startswith(region.upper())
