"""``trefpunt publish-scheduled``: articles scheduled for later enter the search index once
their publication time has come, without being saved again."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from trefpunt.news import operations
from trefpunt.news.models import Article
from trefpunt.search.models import SearchDocument


def _indexed(article) -> list[str]:
    return sorted(
        SearchDocument.objects.filter(doc_type="article", object_key=str(article.pk)).values_list(
            "language", flat=True
        )
    )


def _run() -> str:
    out = StringIO()
    call_command("publish-scheduled", stdout=out, stderr=StringIO())
    return out.getvalue().strip()


def test_a_scheduled_article_is_indexed_once_its_time_has_come(news):
    scheduled = news["scheduled"]
    operations.save_article_translation(scheduled, user=None, language="fr", title="À lire demain")
    assert _indexed(scheduled) == []

    assert _run() == "0 scheduled articles added to the search index."
    assert _indexed(scheduled) == []

    # Time passes: the publication time is now behind us (nothing saves the article).
    Article.objects.filter(pk=scheduled.pk).update(
        published_at=timezone.now() - timedelta(minutes=1)
    )
    assert _run() == "1 scheduled article added to the search index."
    assert _indexed(scheduled) == ["fr", "nl"]

    assert _run() == "0 scheduled articles added to the search index."
    assert SearchDocument.objects.filter(doc_type="article").count() == 7


def test_drafts_and_archived_articles_stay_out_of_the_index(news, curator):
    operations.archive_article(news["bus"], user=curator)
    Article.objects.filter(pk=news["draft"].pk).update(
        published_at=timezone.now() - timedelta(days=1)
    )

    assert _run() == "0 scheduled articles added to the search index."
    assert _indexed(news["bus"]) == []
    assert _indexed(news["draft"]) == []
