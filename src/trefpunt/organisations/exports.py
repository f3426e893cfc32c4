"""Open data of the directory as CSV and JSON.

The people index: public fields only; a work e-mail or phone is exported only when its post
shows it to everyone (``access.public_contact``). Relations: the same columns as the API."""

import csv
import io
import json

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from trefpunt.lib.languages import current_language

from .access import public_contact

PEOPLE_COLUMNS = (
    "person",
    "name",
    "role",
    "title",
    "organisation",
    "organisation_name",
    "country",
    "start",
    "end",
    "competences",
    "work_email",
    "work_phone",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell a spreadsheet will not run: text starting like a formula gets a quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row(post, language: str) -> dict:
    contact = public_contact(post)
    return {
        "person": post.person.slug,
        "name": str(post.person),
        "role": post.role,
        "title": post.title,
        "organisation": post.organisation.slug,
        "organisation_name": post.organisation.name_in(language),
        "country": post.organisation.country,
        "start": post.start.isoformat() if post.start else None,
        "end": post.end.isoformat() if post.end else None,
        "competences": sorted({c.theme for c in post.competences.all()}),
        "work_email": contact.get("email", ""),
        "work_phone": contact.get("phone", ""),
    }


def as_csv(posts, language: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PEOPLE_COLUMNS)
    for post in posts:
        values = row(post, language)
        values["competences"] = " ".join(values["competences"])
        writer.writerow([safe_cell(values[column]) for column in PEOPLE_COLUMNS])
    return out.getvalue()


RELATION_COLUMNS = (
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
        writer = csv.DictWriter(response, fieldnames=RELATION_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    else:
        raise Http404(_("Relations are exported as csv or json."))
    response["Content-Disposition"] = f'attachment; filename="relations.{fmt}"'
    return response
