"""The one list of public datasets: the DCAT-AP catalogue and the open-data page read it.

Each dataset names the public list it describes, the records it is made of (their latest
change gives ``dct:modified``) and its distributions: the existing exports, feeds and API
lists, never a restricted one (the crisis map, drafts, restricted meetings are not listed).
"""

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.legal.models import LegalAct
from trefpunt.meetings.models import Meeting, Series
from trefpunt.news.models import Article
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Organisation, Person, Relation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Collection, Practice
from trefpunt.programme.models import Project

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
POPOLO = "https://www.popoloproject.com/specs/"


@dataclass(frozen=True)
class Format:
    label: str
    media_type: str
    file_type: str  # the EU "file type" authority code

    @property
    def media_type_uri(self) -> str:
        return IANA + self.media_type

    @property
    def file_type_uri(self) -> str:
        return f"{EU}file-type/{self.file_type}"


FORMATS = {
    "csv": Format("CSV", "text/csv", "CSV"),
    "json": Format("JSON", "application/json", "JSON"),
    "geojson": Format("GeoJSON", "application/geo+json", "GEOJSON"),
    "ics": Format("iCalendar", "text/calendar", "ICS"),
    "atom": Format("Atom", "application/atom+xml", "ATOM"),
}


@dataclass(frozen=True)
class Licence:
    label: str
    uri: str
    url: str


CC_BY = Licence(
    "CC BY 4.0", f"{EU}licence/CC_BY_4_0", "https://creativecommons.org/licenses/by/4.0/"
)


@dataclass(frozen=True)
class Distribution:
    """One way to get a dataset. ``url_name`` is a page of the site (under the language
    prefix of the default language) or, starting with ``/``, a path of the API."""

    format: str
    url_name: str
    args: tuple = ()
    query: str = ""
    title: object = ""
    conforms_to: str = ""

    @property
    def is_api(self) -> bool:
        return self.url_name.startswith("/api/")

    @property
    def label(self):
        """What the distribution is called (translated when turned into text)."""
        if self.title:
            return self.title
        if self.is_api:
            return format_lazy(_("{format} from the API"), format=self.format_info.label)
        return format_lazy(_("{format} file"), format=self.format_info.label)

    @property
    def format_info(self) -> Format:
        return FORMATS[self.format]

    @property
    def path(self) -> str:
        """The address in the catalogue: pages in the default language."""
        with override(settings.LANGUAGE_CODE):
            return self.local_path()

    def local_path(self) -> str:
        """The address in the active language (for the open-data page)."""
        path = (
            self.url_name
            if self.url_name.startswith("/")
            else reverse(self.url_name, args=self.args)
        )
        return f"{path}?{self.query}" if self.query else path


@dataclass(frozen=True)
class Dataset:
    key: str
    title: object  # lazy: translated with ``translation.override``
    description: object
    themes: tuple[str, ...]  # EU data themes
    page: str  # URL name of the public list
    records: object  # () -> QuerySet of the public records, each with an ``updated`` field
    updated_field: str | None
    distributions: tuple[Distribution, ...]
    extra_distributions: object = None  # () -> list[Distribution], read in one query
    licence: Licence = CC_BY
    rights: object = ""
    keywords: tuple = field(default_factory=tuple)

    @property
    def page_path(self) -> str:
        with override(settings.LANGUAGE_CODE):
            return reverse(self.page)


def _series_calendars() -> list[Distribution]:
    return [
        Distribution(
            "ics",
            f"/api/v1/meetings/series/{slug}.ics",
            title=format_lazy(_("Calendar of the series {name}"), name=name),
        )
        for slug, name in Series.objects.order_by("name").values_list("slug", "name")
    ]


def _registry() -> tuple[Dataset, ...]:
    return (
        Dataset(
            key="territories",
            title=_("Territories"),
            description=_(
                "Municipalities, provinces, regions and countries of Belgium, the Netherlands, "
                "Luxembourg, North Rhine-Westphalia, Hauts-de-France and Grand Est: codes, names "
                "in every language, population, area, degree of urbanisation and boundaries."
            ),
            themes=("REGI",),
            page="places:list",
            records=lambda: Territory.objects.all(),
            updated_field="updated_at",
            distributions=(
                Distribution("csv", "places:export", args=("csv",)),
                Distribution("geojson", "places:export", args=("geojson",)),
                Distribution("json", "/api/v1/territories"),
            ),
            rights=_(
                "Compiled from Statbel open data, CBS/Kadaster (CC BY 4.0), Eurostat and "
                "EuroGeographics (with attribution), INSEE/etalab (Licence Ouverte 2.0) and "
                "GeoNames (CC BY 4.0); see the data sources of the platform."
            ),
        ),
        Dataset(
            key="organisations",
            title=_("Organisations"),
            description=_(
                "The directory of public bodies, networks and partners working across the "
                "borders: names in every language, kind, country, parent organisation and "
                "public contact details."
            ),
            themes=("GOVE",),
            page="organisations:list",
            records=lambda: Organisation.objects.active(),
            updated_field=None,
            distributions=(Distribution("json", "/api/v1/organisations"),),
        ),
        Dataset(
            key="people",
            title=_("People and posts"),
            description=_(
                "Who holds which post in which organisation, since and until when; a work "
                "e-mail or phone only where the post shows it to everyone. Also as Popolo."
            ),
            themes=("GOVE",),
            page="organisations:people",
            records=lambda: Person.objects.filter(archived_at__isnull=True),
            updated_field=None,
            distributions=(
                Distribution("csv", "organisations:people", query="format=csv"),
                Distribution("json", "organisations:people", query="format=json"),
                Distribution("json", "/api/v1/people"),
                Distribution(
                    "json",
                    "popolo",
                    title=_("Popolo: persons, organisations, posts and memberships"),
                    conforms_to=POPOLO,
                ),
            ),
        ),
        Dataset(
            key="relations",
            title=_("Relations between organisations"),
            description=_(
                "How the organisations of the directory are related: who is part of, prepares "
                "the work of, supervises or cooperates with whom, since and until when."
            ),
            themes=("GOVE",),
            page="organisations:relations",
            records=lambda: Relation.objects.all(),
            updated_field=None,
            distributions=(
                Distribution("csv", "organisations:relations_export", args=("csv",)),
                Distribution("json", "organisations:relations_export", args=("json",)),
            ),
        ),
        Dataset(
            key="practices",
            title=_("Good practices"),
            description=_(
                "Published good practices of cross-border cooperation: what was done, where, "
                "by whom, on which themes, with their translations."
            ),
            themes=("GOVE", "REGI"),
            page="practices:list",
            records=lambda: Practice.objects.published(),
            updated_field="updated_at",
            distributions=(
                Distribution("csv", "practices:export", args=("csv",)),
                Distribution("json", "practices:export", args=("json",)),
                Distribution("json", "/api/v1/practices"),
            ),
        ),
        Dataset(
            key="collections",
            title=_("Collections and toolkits"),
            description=_(
                "Good practices put together by theme or purpose, with an introduction, in "
                "the order chosen by their editors."
            ),
            themes=("GOVE",),
            page="practices:collections",
            records=lambda: Collection.objects.all(),
            updated_field="updated_at",
            distributions=(Distribution("json", "/api/v1/collections"),),
        ),
        Dataset(
            key="meetings",
            title=_("Meetings"),
            description=_(
                "Meetings of the cross-border bodies and networks: dates, places, organisers "
                "and, for public meetings, their agenda. Restricted meetings are left out."
            ),
            themes=("GOVE",),
            page="meetings:list",
            records=lambda: Meeting.objects.visible_to(None),
            updated_field="updated_at",
            distributions=(
                Distribution("csv", "meetings:export"),
                Distribution("json", "/api/v1/meetings"),
            ),
            extra_distributions=_series_calendars,
        ),
        Dataset(
            key="news",
            title=_("News"),
            description=_("Published news articles of the partners, in their languages."),
            themes=("GOVE",),
            page="news:list",
            records=lambda: Article.objects.published(),
            updated_field="updated_at",
            distributions=(
                Distribution("csv", "news:export", args=("csv",)),
                Distribution("json", "news:export", args=("json",)),
                Distribution("atom", "news:feed"),
                Distribution("json", "/api/v1/news"),
            ),
        ),
        Dataset(
            key="legal-acts",
            title=_("Treaties and legal acts"),
            description=_(
                "Treaties, agreements and other legal acts of cross-border cooperation, with "
                "their parties, articles and the links between them."
            ),
            themes=("JUST", "INTR"),
            page="legal:list",
            records=lambda: LegalAct.objects.all(),
            updated_field="updated_at",
            distributions=(Distribution("json", "/api/v1/legal-acts"),),
        ),
        Dataset(
            key="obstacles",
            title=_("Cross-border obstacles"),
            description=_(
                "The register of published cross-border obstacles: the problem, the border, "
                "the provisions involved, the authority in charge and the state of the case."
            ),
            themes=("INTR", "JUST"),
            page="obstacles:list",
            records=lambda: Obstacle.objects.published(),
            updated_field="updated_at",
            distributions=(
                Distribution("csv", "obstacles:csv"),
                Distribution("json", "obstacles:json"),
                Distribution("atom", "obstacles:feed"),
                Distribution("json", "/api/v1/obstacles"),
            ),
        ),
        Dataset(
            key="programme",
            title=_("Work programme"),
            description=_(
                "The multi-annual and annual plans, their projects, deliverables and "
                "milestones, and the rotating presidency."
            ),
            themes=("GOVE",),
            page="programme:index",
            records=lambda: Project.objects.all(),
            updated_field="updated_at",
            distributions=(
                Distribution("json", "/api/v1/plans"),
                Distribution("json", "/api/v1/projects"),
                Distribution("json", "/api/v1/deliverables"),
                Distribution("json", "/api/v1/presidencies"),
            ),
        ),
    )


DATASETS: tuple[Dataset, ...] = _registry()


def _as_datetime(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        parsed = value
    else:
        parsed = parse_datetime(str(value))
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def modified_dates(datasets=DATASETS) -> dict[str, datetime | None]:
    """The latest change of each dataset's records, read in ONE query (one scalar subquery
    per dataset) whatever the number of datasets."""
    dated = [d for d in datasets if d.updated_field]
    if not dated:
        return {d.key: None for d in datasets}
    parts, params = [], []
    for dataset in dated:
        queryset: QuerySet = dataset.records()
        latest = queryset.order_by(f"-{dataset.updated_field}").values(dataset.updated_field)[:1]
        sql, sql_params = latest.query.get_compiler(connection=connection).as_sql()
        parts.append(f"({sql})")
        params.extend(sql_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    values = {d.key: _as_datetime(v) for d, v in zip(dated, row, strict=True)}
    return {d.key: values.get(d.key) for d in datasets}


def distributions(dataset: Dataset, extra: dict[str, list[Distribution]]) -> list[Distribution]:
    return [*dataset.distributions, *extra.get(dataset.key, [])]


def extra_distributions(datasets=DATASETS) -> dict[str, list[Distribution]]:
    """The distributions read from the data (a calendar per meeting series): one query each
    kind, not one per record."""
    return {d.key: d.extra_distributions() for d in datasets if d.extra_distributions}


def listing() -> list[dict]:
    """What the open-data page shows of each dataset, in the active language; two queries."""
    modified = modified_dates()
    extra = extra_distributions()
    return [
        {
            "dataset": dataset,
            "modified": modified.get(dataset.key),
            "distributions": [
                {
                    "label": distribution.label,
                    "media_type": distribution.format_info.media_type,
                    "url": distribution.local_path(),
                }
                for distribution in distributions(dataset, extra)
            ],
        }
        for dataset in DATASETS
    ]
