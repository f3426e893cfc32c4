"""What an article puts in the search index: one document per language it can be read in.

Only public articles (published, publication time reached) have documents; drafts, articles
scheduled for later and archived ones have none. An article scheduled for later enters the
index at the first ``trefpunt publish-scheduled`` (cron) after its publication time, or when it
is next saved then.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.lib.richtext import plain_text
from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .models import Article, Status

DOC_TYPE = "article"


def indexable(queryset=None):
    """Articles with everything ``documents_for`` reads, in a fixed number of queries."""
    queryset = Article.objects.all() if queryset is None else queryset
    return queryset.select_related("author").prefetch_related(
        "themes", "territories", "organisations", "translations"
    )


def article_path(article_id: int) -> str:
    """The page address without the language prefix, e.g. ``/news/12/``."""
    try:
        with override("en"):
            path = reverse("news:article", args=[article_id])
    except NoReverseMatch:  # the news pages are not wired into this URLconf
        return f"/news/{article_id}/"
    return path.removeprefix("/en")


def _text(*parts: str) -> str:
    return "\n\n".join(text for text in (plain_text(part or "") for part in parts) if text)


def documents_for(article: Article) -> list[DocumentData]:
    """The original and each translation of a public article; nothing for the others.

    Reads the relations through ``all()``, so pass an article from ``indexable()``.
    """
    if not article.is_public:
        return []
    organisations = {o.slug for o in article.organisations.all()} | {article.author.slug}
    facets = {
        "type": DOC_TYPE,
        "country": sorted({t.country for t in article.territories.all() if t.country}),
        "theme": sorted(theme.slug for theme in article.themes.all()),
        "organisation": sorted(organisations),
        "year": timezone.localtime(article.published_at).year,
    }
    versions = [(article, True)]
    versions += [
        (translation, False)
        for translation in sorted(article.translations.all(), key=lambda t: t.language)
        if translation.language != article.language
    ]
    path = article_path(article.pk)
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=str(article.pk),
            language=version.language,
            title=version.title,
            text=_text(version.summary, version.body),
            path=path,
            is_original=is_original,
            facets={**facets, "language": version.language},
            visibility="public",
        )
        for version, is_original in versions
    ]


registry.register(
    DOC_TYPE,
    records=lambda: indexable(Article.objects.filter(status=Status.PUBLISHED)).order_by("pk"),
    documents=documents_for,
    label=_("News"),
)
