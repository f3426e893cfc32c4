"""Reading the news: current articles, the archive and its exports, one article, the feeds."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trefpunt.lib import csv, pagecache
from trefpunt.lib.languages import LANGUAGE_LABELS, current_language
from trefpunt.lib.richtext import rich_text
from trefpunt.meetings.models import Meeting
from trefpunt.organisations.models import Organisation

from .. import access, counting, feeds
from ..forms import ArchiveFilterForm
from ..models import CONTENT_LANGUAGES, Article, ArticleTranslation

CURRENT_COUNT = 10
EXPORT_LIMIT = 5000
ORIGIN_LABELS = {"human": gettext_lazy("human"), "machine": gettext_lazy("machine")}


def get_article_for_user(user, pk: int, *, full: bool = True) -> Article:
    """The article ``pk`` if ``user`` may read it, with what its page shows prefetched."""
    translations = ArticleTranslation.objects.select_related("reviewed_by")
    articles = (
        Article.objects.visible_to(user)
        .select_related("author")
        .prefetch_related("author__names", Prefetch("translations", queryset=translations))
    )
    if full:
        articles = articles.prefetch_related(
            "themes__names",
            "territories__names",
            Prefetch("organisations", queryset=Organisation.objects.prefetch_related("names")),
            Prefetch("meetings", queryset=Meeting.objects.visible_to(user).order_by("start")),
        )
    article = articles.filter(pk=pk).first()
    if article is None:
        raise Http404(_("No article has the number %(pk)s.") % {"pk": pk})
    return article


def can_edit_article(user, article: Article) -> bool:
    return access.can_edit(user, article)


def editable_article(request, pk: int, *, full: bool = False) -> Article:
    article = get_article_for_user(request.user, pk, full=full)
    if not can_edit_article(request.user, article):
        raise PermissionDenied(_("Only the author organisation's editors may change an article."))
    return article


def listed_articles(user):
    """The articles a list shows, newest first, with their view totals and light translations."""
    light = ArticleTranslation.objects.only("id", "article_id", "language", "title", "summary")
    return (
        Article.objects.visible_to(user)
        .with_views()
        .defer("body")
        .select_related("author")
        .prefetch_related("author__names", Prefetch("translations", queryset=light))
        .newest_first()
    )


def prepare_items(articles, reader: str) -> list[Article]:
    """What a list shows of each article: its text in the reader's language, its views."""
    articles = list(articles)
    for article in articles:
        article.reading = article.reading_in(reader)
    counting.add_pending_views(articles)
    return articles


def _can_create(user) -> bool:
    return access.can_add(user)


def article_list(request):
    reader = current_language()
    articles = prepare_items(listed_articles(request.user)[:CURRENT_COUNT], reader)
    return render(
        request,
        "news/article_list.html",
        {"articles": articles, "can_create": _can_create(request.user), "reader": reader},
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def article_archive(request):
    form = ArchiveFilterForm(request.GET or None)
    articles = form.filter(listed_articles(request.user))
    page = Paginator(articles, settings.TREFPUNT_PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = prepare_items(page.object_list, current_language())
    return render(
        request,
        "news/article_archive.html",
        {"form": form, "page": page, "query": _query_without_page(request)},
    )


EXPORT_COLUMNS = (
    "id",
    "language",
    "translations",
    "title",
    "summary",
    "published_at",
    "author",
    "views",
    "url",
)


def article_export(request, fmt: str):
    if fmt not in ("csv", "json"):
        raise Http404(_("Exports are available as CSV and JSON."))
    form = ArchiveFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    articles = form.filter(listed_articles(request.user).published())[:EXPORT_LIMIT]
    rows = [_export_row(request, article) for article in prepare_items(articles, "")]
    if fmt == "json":
        response = JsonResponse({"articles": rows}, json_dumps_params={"ensure_ascii": False})
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv.writer(response)
        writer.writerow(EXPORT_COLUMNS)
        for row in rows:
            writer.writerow(
                "|".join(row[c]) if isinstance(row[c], list) else row[c] for c in EXPORT_COLUMNS
            )
    response["Content-Disposition"] = f'attachment; filename="news.{fmt}"'
    return response


def _export_row(request, article: Article) -> dict:
    return {
        "id": article.pk,
        "language": article.language,
        "translations": sorted(t.language for t in article.translations.all()),
        "title": article.title,
        "summary": article.summary,
        "published_at": article.published_at.isoformat(),
        "author": article.author.slug,
        "views": article.views,
        "url": request.build_absolute_uri(article.get_absolute_url()),
    }


def article_detail(request, pk: int):
    article = get_article_for_user(request.user, pk)
    reader = current_language()
    context = reading(article, request.GET.get("lang") or reader, reader)
    if article.is_public:
        counting.record_view(request, article.pk, context["shown_language"])
    views = counting.views_by_language([article.pk])[article.pk]
    can_edit = can_edit_article(request.user, article)
    response = render(
        request,
        "news/article_detail.html",
        {
            **context,
            "views": sum(views.values()),
            "views_by_language": sorted(views.items()),
            "can_edit": can_edit,
            "translate_languages": _translate_languages(article) if can_edit else [],
        },
    )
    return pagecache.skip(response)  # every reader is counted


def reading(article: Article, wanted: str, reader: str) -> dict:
    """The text to show: the translation into ``wanted`` if there is one, else the original."""
    translation = article.translation_in(wanted) if wanted != article.language else None
    text = translation or article
    return {
        "article": article,
        "text": text,
        "translation": translation,
        "outdated": translation is not None and translation.is_outdated(article),
        "origin": ORIGIN_LABELS.get(translation.origin) if translation else "",
        "shown_language": text.language,
        "reader": reader,
        "reader_available": reader != text.language and reader in article.available_languages(),
        "reading_languages": _languages(article, text.language),
        "summary": rich_text(text.summary),
        "body": rich_text(text.body),
    }


def _translate_languages(article: Article) -> list[dict]:
    existing = {t.language for t in article.translations.all()}
    return [
        {"code": code, "label": label, "exists": code in existing}
        for code, label in CONTENT_LANGUAGES
        if code != article.language
    ]


def _languages(article: Article, shown: str) -> list[dict]:
    """Every language the article can be read in, the original first."""
    items = [{"code": article.language, "origin": "", "original": True}]
    items += [
        {"code": t.language, "origin": ORIGIN_LABELS.get(t.origin, ""), "original": False}
        for t in sorted(article.translations.all(), key=lambda t: t.language)
    ]
    for item in items:
        item["label"] = LANGUAGE_LABELS.get(item["code"], item["code"])
        item["current"] = item["code"] == shown
    return items


def article_feed(request):
    language = current_language()
    body = feeds.atom_feed(request, language)
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")
