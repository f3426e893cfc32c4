"""Relations as open data: CSV and JSON, the same columns as the API."""

import csv
import json

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language

COLUMNS = (
    "id",
    "kind",
    "source",
    "source_name",
    "target",
    "target_name",
    "since",
    "until",
    "description",
    "source_reference",
)


def relation_row(relation, language: str) -> dict:
    return {
        "id": relation.pk,
        "kind": relation.kind,
        "source": relation.source.slug,
        "source_name": relation.source.name_in(language),
        "target": relation.target.slug,
        "target_name": relation.target.name_in(language),
        "since": relation.since.isoformat() if relation.since else None,
        "until": relation.until.isoformat() if relation.until else None,
        "description": relation.description,
        "source_reference": relation.source_reference,
    }


def relations_response(request, relations, fmt: str) -> HttpResponse:
    language = current_language()
    rows = [relation_row(r, language) for r in relations]
    if fmt == "json":
        response = HttpResponse(
            json.dumps({"count": len(rows), "items": rows}, ensure_ascii=False, indent=1),
            content_type="application/json; charset=utf-8",
        )
    elif fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.DictWriter(response, fieldnames=COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    else:
        raise Http404(_("Relations are exported as csv or json."))
    response["Content-Disposition"] = f'attachment; filename="relations.{fmt}"'
    return response
