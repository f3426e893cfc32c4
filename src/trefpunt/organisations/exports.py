"""The people index as CSV and JSON: public fields only. A work e-mail or phone is exported
only when its post shows it to everyone (``access.public_contact``)."""

import csv
import io

from .access import public_contact

COLUMNS = (
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
    writer.writerow(COLUMNS)
    for post in posts:
        values = row(post, language)
        values["competences"] = " ".join(values["competences"])
        writer.writerow([safe_cell(values[column]) for column in COLUMNS])
    return out.getvalue()
