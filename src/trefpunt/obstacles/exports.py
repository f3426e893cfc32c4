"""The register as CSV and JSON: the same rows as the API list, for the same filters."""

import io

from django.utils.translation import gettext as _

from trefpunt.lib import csv
from trefpunt.lib.api import localized_url

COLUMNS = (
    "id",
    "title",
    "language",
    "status",
    "border",
    "domain",
    "interaction",
    "reporter",
    "level",
    "submitted_at",
    "status_since",
    "cases",
    "url",
)


def row(obstacle, language: str, site: str = "") -> dict:
    text = obstacle.reading_in(language)
    return {
        "id": obstacle.pk,
        "title": text.title,
        "language": text.language,
        "status": obstacle.status,
        "border": obstacle.border,
        "domain": obstacle.domain,
        "interaction": obstacle.interaction,
        "reporter": obstacle.reporter.slug if obstacle.reporter_id else "",
        "level": obstacle.level,
        "submitted_at": obstacle.submitted_at.isoformat(),
        "status_since": obstacle.status_since.isoformat(),
        "cases": obstacle.cases or 0,
        "url": site + localized_url(obstacle, language),
    }


def as_csv(obstacles, language: str, site: str = "") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for obstacle in obstacles:
        values = row(obstacle, language, site)
        writer.writerow([values[name] for name in COLUMNS])
    return out.getvalue()


def filename(extension: str) -> str:
    return _("obstacles") + f".{extension}"
