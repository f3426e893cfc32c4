"""What a practice puts in the search index: one document per language it can be read in."""

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.organisations.models import Organisation
from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .models import Practice, PracticeTranslation, Stage, Status, Theme

DOC_TYPE = "practice"
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"  +")
_PATH_SENTINEL = 987654321


def plain_text(value: str) -> str:
    """Text of (already cleaned) rich text: tags become spaces, entities characters."""
    if "<" in value:
        value = _SPACES.sub(" ", html.unescape(_TAG.sub(" ", value)))
    return value.strip()


def indexable(queryset=None):
    """Practices with everything ``documents_for`` reads, in a fixed number of queries."""
    queryset = Practice.objects.all() if queryset is None else queryset
    return queryset.select_related("owner").prefetch_related(
        "themes", "territories", "organisations", "translations"
    )


def practice_path(practice_id: int) -> str:
    """The page address without the language prefix, e.g. ``/practices/12/``."""
    try:
        with override("en"):
            path = reverse("practices:practice", args=[practice_id])
    except NoReverseMatch:  # the practices pages are not wired into this URLconf
        return f"/practices/{practice_id}/"
    return path.removeprefix("/en")


def _text(*parts: str) -> str:
    return "\n\n".join(text for text in (plain_text(part or "") for part in parts) if text)


def build_documents(
    practice: Practice,
    *,
    path: str,
    themes: Iterable[str],
    countries: Iterable[str],
    organisations: Iterable[str],
    translations: Iterable[PracticeTranslation],
) -> list[DocumentData]:
    """The documents of ``practice`` from its relations, however they were read."""
    if practice.status == Status.ARCHIVED:
        return []
    started = practice.period_start or practice.created_at
    facets = {
        "type": DOC_TYPE,
        "country": sorted({country for country in countries if country}),
        "theme": sorted(set(themes)),
        "stage": practice.stage,
        "organisation": sorted(set(organisations)),
        "year": started.year if started else None,
    }
    visibility = "public" if practice.status == Status.PUBLISHED else "restricted"
    versions = [(practice, True)]
    versions += [
        (translation, False)
        for translation in sorted(translations, key=lambda t: t.language)
        if translation.language != practice.language
    ]
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=str(practice.pk),
            language=version.language,
            title=version.title,
            text=_text(version.summary, version.body, version.results, version.transferability),
            path=path,
            is_original=is_original,
            external_id=practice.external_id or "",
            facets={**facets, "language": version.language},
            visibility=visibility,
        )
        for version, is_original in versions
    ]


def documents_for(practice: Practice) -> list[DocumentData]:
    """The original and each translation; drafts are restricted, archived practices absent.

    Reads the relations through ``all()``, so pass a practice from ``indexable()``.
    """
    organisations = [o.slug for o in practice.organisations.all()]
    if practice.owner_id is not None:
        organisations.append(practice.owner.slug)
    return build_documents(
        practice,
        path=practice_path(practice.pk),
        themes=[theme.slug for theme in practice.themes.all()],
        countries=[t.country for t in practice.territories.all()],
        organisations=organisations,
        translations=practice.translations.all(),
    )


def documents_for_ids(ids: list[int], *, chunk: int = 2000) -> Iterator[tuple[str, str, list]]:
    """``(doc_type, object_key, documents)`` for many practices (bulk import, reindex).

    Same documents as ``documents_for``, read with five flat queries per chunk instead of
    the prefetch machinery, which costs more than the rest of the indexing at 100,000 rows.
    """
    template = practice_path(_PATH_SENTINEL)
    theme_slugs = dict(Theme.objects.values_list("pk", "slug"))
    organisation_slugs = dict(Organisation.objects.values_list("pk", "slug"))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        themes, countries, organisations = defaultdict(list), defaultdict(list), defaultdict(list)
        translations = defaultdict(list)
        for practice_id, theme_id in Practice.themes.through.objects.filter(
            practice_id__in=part
        ).values_list("practice_id", "theme_id"):
            themes[practice_id].append(theme_slugs[theme_id])
        for practice_id, country in Practice.territories.through.objects.filter(
            practice_id__in=part
        ).values_list("practice_id", "territory__country"):
            countries[practice_id].append(country)
        for practice_id, organisation_id in Practice.organisations.through.objects.filter(
            practice_id__in=part
        ).values_list("practice_id", "organisation_id"):
            organisations[practice_id].append(organisation_slugs[organisation_id])
        for translation in PracticeTranslation.objects.filter(practice_id__in=part):
            translations[translation.practice_id].append(translation)
        for practice in Practice.objects.filter(pk__in=part).exclude(status=Status.ARCHIVED):
            owner = [organisation_slugs[practice.owner_id]] if practice.owner_id else []
            yield (
                DOC_TYPE,
                str(practice.pk),
                build_documents(
                    practice,
                    path=template.replace(str(_PATH_SENTINEL), str(practice.pk)),
                    themes=themes[practice.pk],
                    countries=countries[practice.pk],
                    organisations=organisations[practice.pk] + owner,
                    translations=translations[practice.pk],
                ),
            )


registry.register(
    DOC_TYPE,
    records=lambda: indexable(Practice.objects.exclude(status=Status.ARCHIVED)).order_by("pk"),
    documents=documents_for,
    label=_("Practice"),
)


def theme_names(slugs) -> dict[str, str]:
    themes = Theme.objects.filter(slug__in=list(slugs)).prefetch_related("names")
    return {theme.slug: theme.name_in() for theme in themes}


registry.register_facet("theme", title=_("Theme"), labels=theme_names, position=20)
registry.register_facet(
    "stage", title=_("Stage"), labels=lambda values: dict(Stage.choices), position=40
)
