"""The mapping the directors asked for: capabilities by kind × country × region, as tables,
on the map page and as a PDF in the reader's language."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from trefpunt.lib.pdf import html_to_pdf

from . import queries


def mapping(language: str) -> dict:
    kinds = {k.slug: k.name_in(language) for k in queries.kinds()}
    rows = queries.mapping_table()
    by_kind: dict[str, dict] = {}
    for row in rows:
        section = by_kind.setdefault(
            row["kind__slug"],
            {"kind": kinds.get(row["kind__slug"], row["kind__slug"]), "rows": [], "count": 0},
        )
        section["rows"].append(row)
        section["count"] += row["count"]
    countries = sorted({row["country"] for row in rows})
    totals = {
        slug: {c: sum(r["count"] for r in s["rows"] if r["country"] == c) for c in countries}
        for slug, s in by_kind.items()
    }
    return {
        "sections": list(by_kind.values()),
        "countries": countries,
        "matrix": [
            (by_kind[slug]["kind"], [totals[slug][c] for c in countries]) for slug in by_kind
        ],
        "generated": timezone.now(),
        "language": language,
    }


def render_pdf(language: str) -> bytes:
    with override(language):
        html = render_to_string("assistance/report_pdf.html", mapping(language))
    return html_to_pdf(html)
