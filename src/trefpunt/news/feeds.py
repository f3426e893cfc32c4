"""Atom feeds, one per language: the public articles that can be read in it, in it."""

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from feedgen.feed import FeedGenerator

from trefpunt.lib.languages import LANGUAGE_LABELS
from trefpunt.lib.richtext import rich_text

from .models import Article, ArticleTranslation

FEED_SIZE = 30


def feed_articles(language: str, limit: int = FEED_SIZE) -> list[Article]:
    """The newest public articles written in ``language`` or translated into it."""
    translations = ArticleTranslation.objects.filter(language=language)
    return list(
        Article.objects.published()
        .in_language(language)
        .select_related("author")
        .prefetch_related("author__names", Prefetch("translations", queryset=translations))
        .order_by("-published_at", "-pk")[:limit]
    )


def atom_feed(request, language: str) -> bytes:
    """The Atom document of ``language``'s feed; entry ids are the articles' addresses."""
    articles = feed_articles(language)
    with translation.override(language):
        home = request.build_absolute_uri(_url("news:list"))
        self_url = request.build_absolute_uri(_url("news:feed"))
        feed = FeedGenerator()
        feed.id(self_url)
        feed.title(_("Trefpunt news (%(language)s)") % {"language": LANGUAGE_LABELS[language]})
        feed.subtitle(_("News of cross-border cooperation in the Benelux and its neighbours."))
        feed.language(language)
        feed.link(href=home, rel="alternate", type="text/html")
        feed.link(href=self_url, rel="self", type="application/atom+xml")
        feed.author(name=_("Trefpunt"))
        feed.updated(articles[0].updated_at if articles else timezone.now())
        for article in articles:
            _add_entry(feed, request, article, language)
    return feed.atom_str(pretty=True)


def _url(name: str) -> str:

    return reverse(name)


def _add_entry(feed: FeedGenerator, request, article: Article, language: str) -> None:
    text = article.reading_in(language)
    url = request.build_absolute_uri(article.get_absolute_url())
    if text is not article:
        url += f"?lang={language}"
    entry = feed.add_entry(order="append")
    entry.id(url)
    entry.title(text.title)
    entry.link(href=url, rel="alternate")  # feedgen 1.0 writes only href; xml:lang is the feed's
    entry.published(article.published_at)
    entry.updated(max(article.updated_at, article.published_at))
    entry.author(name=article.author.name_in(language))
    if text.summary:
        entry.summary(str(rich_text(text.summary)), type="html")
    if text.body or text.summary:
        entry.content(str(rich_text(text.body or text.summary)), type="html")
