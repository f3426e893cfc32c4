"""What an obstacle puts in the search index: published obstacles only, one document per
language they can be read in. Submitted or rejected ones are never indexed."""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .lifecycle import PUBLISHED
from .models import DOMAIN_THEMES, Obstacle

DOC_TYPE = "obstacle"


def indexable(queryset=None):
    queryset = Obstacle.objects.all() if queryset is None else queryset
    return queryset.select_related("reporter").prefetch_related(
        "translations", "territories", "authorities__organisation"
    )


def obstacle_path(obstacle_id: int) -> str:
    try:
        with override("en"):
            return reverse("obstacles:obstacle", args=[obstacle_id]).removeprefix("/en")
    except NoReverseMatch:
        return f"/obstacles/{obstacle_id}/"


def documents_for(obstacle: Obstacle) -> list[DocumentData]:
    if obstacle.status not in PUBLISHED:
        return []
    organisations = {a.organisation.slug for a in obstacle.authorities.all()}
    if obstacle.reporter_id:
        organisations.add(obstacle.reporter.slug)
    theme = DOMAIN_THEMES.get(obstacle.domain)
    facets = {
        "type": DOC_TYPE,
        "country": sorted(obstacle.countries),
        "theme": [theme] if theme else [],
        "organisation": sorted(organisations),
        "year": obstacle.submitted_at.year,
    }
    versions = [(obstacle, True)]
    versions += [
        (t, False)
        for t in sorted(obstacle.translations.all(), key=lambda t: t.language)
        if t.language != obstacle.language
    ]
    path = obstacle_path(obstacle.pk)
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=str(obstacle.pk),
            language=version.language,
            title=version.title,
            text=version.description,
            path=path,
            is_original=is_original,
            facets={**facets, "language": version.language},
        )
        for version, is_original in versions
    ]


registry.register(
    DOC_TYPE,
    records=lambda: indexable(Obstacle.objects.filter(status__in=PUBLISHED)).order_by("pk"),
    documents=documents_for,
    label=_("Obstacle"),
)
