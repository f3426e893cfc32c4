import json

from django.core.management.base import BaseCommand, CommandError

from trefpunt.lib.languages import CODES
from trefpunt.search import query
from trefpunt.search.api import payload
from trefpunt.search.memory import IndexMismatch


class Command(BaseCommand):
    help = (
        'Search the index as the API does: `trefpunt search "isolation maisons ouvrières" '
        "--type practice --json`."
    )

    def add_arguments(self, parser):
        parser.add_argument("q", help="what to look for, in any language")
        parser.add_argument("--type", action="append", dest="types", help="record type")
        parser.add_argument(
            "--lang", choices=CODES, default="en", help="reader's language (of the addresses)"
        )
        parser.add_argument("--language", action="append", help="only texts in this language")
        parser.add_argument("--country", action="append")
        parser.add_argument("--theme", action="append")
        parser.add_argument("--stage", action="append")
        parser.add_argument("--organisation", action="append")
        parser.add_argument("--year", action="append", type=int)
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--offset", type=int, default=0)
        parser.add_argument("--json", action="store_true", help="print the API's JSON")
        parser.add_argument(
            "--base-url", default="", help="prefix of result addresses, e.g. https://example.org"
        )

    def handle(self, *args, **options):
        if not options["q"].strip():
            raise CommandError("Type something to search for.")
        if not 1 <= options["limit"] <= 100 or options["offset"] < 0:
            raise CommandError("--limit must be 1–100 and --offset at least 0.")
        reader = options["lang"]
        try:
            response = query.search(
                options["q"],
                types=options["types"],
                languages=options["language"],
                country=options["country"],
                theme=options["theme"],
                stage=options["stage"],
                organisation=options["organisation"],
                year=options["year"],
                limit=options["limit"],
                offset=options["offset"],
                reader_language=reader,
                strict=True,
            )
        except IndexMismatch as mismatch:
            raise CommandError(str(mismatch)) from None
        data = payload(response, lambda hit: f"{options['base_url']}/{reader}{hit.path}")
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(
            f"{data['count']} records for “{data['query']}” "
            f"(language: {data['detected_language'] or '?'})"
        )
        for number, hit in enumerate(data["results"], start=options["offset"] + 1):
            self.stdout.write(
                f"{number:3}. [{hit['type']} {hit['language']}] {hit['title']}  {hit['url']}"
            )
