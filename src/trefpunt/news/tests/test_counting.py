"""View counting: distinct visitors per day, bots ignored, nothing written until a flush."""

from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from trefpunt.news import counting
from trefpunt.news.models import ArticleView

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def _visit(client, article, *, address="192.0.2.1", agent=FIREFOX, lang="", method="get"):
    query = f"?lang={lang}" if lang else ""
    response = getattr(client, method)(
        f"/en/news/{article.pk}/{query}", REMOTE_ADDR=address, HTTP_USER_AGENT=agent
    )
    assert response.status_code == 200
    return response


def _stored():
    return sorted(ArticleView.objects.values_list("article_id", "language", "count"))


def test_one_visitor_counts_once_a_day_and_two_visitors_twice(client, news):
    article = news["crisis_centres"]

    _visit(client, article, address="192.0.2.1")
    _visit(client, article, address="192.0.2.1")
    _visit(client, article, address="192.0.2.2")
    _visit(client, article, address="192.0.2.2", agent=FIREFOX + " other")

    assert counting.BUFFER.pending([article.pk]) == {article.pk: {"nl": 3}}


def test_article_pages_are_never_answered_from_the_page_cache(client, news, settings, tmp_path):
    settings.TREFPUNT_PAGE_CACHE_SECONDS = 30
    settings.TREFPUNT_PAGE_CACHE_STAMP = str(tmp_path / "stamp")
    article = news["crisis_centres"]

    first = _visit(client, article, address="192.0.2.1")
    second = _visit(client, article, address="192.0.2.2")

    assert "X-Page-Cache" not in first and "X-Page-Cache" not in second
    assert counting.BUFFER.pending([article.pk]) == {article.pk: {"nl": 2}}


def test_bots_empty_agents_and_head_requests_count_nothing(client, news):
    article = news["crisis_centres"]

    _visit(client, article, agent=GOOGLEBOT)
    _visit(client, article, agent="")
    _visit(client, article, method="head")

    assert len(counting.BUFFER) == 0


def test_views_are_counted_in_the_language_shown(client, news):
    article = news["crisis_centres"]

    _visit(client, article, address="192.0.2.1", lang="fr")
    _visit(client, article, address="192.0.2.2", lang="de")
    _visit(client, article, address="192.0.2.3", lang="en")  # no English: the original

    assert counting.BUFFER.pending([article.pk]) == {article.pk: {"fr": 1, "de": 1, "nl": 1}}


def test_drafts_and_disabled_counting_count_nothing(client, news, curator, settings):
    client.force_login(curator)
    _visit(client, news["draft"])
    client.logout()
    settings.TREFPUNT_COUNT_VIEWS = False
    _visit(client, news["bus"])

    assert len(counting.BUFFER) == 0


def test_a_page_view_writes_nothing_to_the_database_before_the_flush(
    client, news, django_assert_num_queries
):
    article = news["crisis_centres"]
    _visit(client, article, address="192.0.2.9")  # warm-up: first visitor of the module

    # The article with its author's names, translations, themes and their names, territories
    # and their names, organisations and their names, meetings; the stored view totals.
    with django_assert_num_queries(11) as captured:
        _visit(client, article, address="192.0.2.10")

    writes = [
        q["sql"] for q in captured.captured_queries if not q["sql"].lstrip().startswith("SELECT")
    ]
    assert writes == []
    assert _stored() == []
    assert counting.BUFFER.pending([article.pk]) == {article.pk: {"nl": 2}}


def test_flush_adds_the_buffered_counts_to_the_stored_ones(client, news):
    article, bus = news["crisis_centres"], news["bus"]
    for number in range(3):
        _visit(client, article, address=f"192.0.2.{number}")
    _visit(client, article, address="192.0.2.1", lang="fr")  # same visitor: not again
    _visit(client, article, address="192.0.2.7", lang="fr")
    _visit(client, bus, address="192.0.2.1")

    assert counting.flush() == 3
    assert _stored() == sorted([(article.pk, "nl", 3), (article.pk, "fr", 1), (bus.pk, "nl", 1)])
    assert len(counting.BUFFER) == 0

    for number in range(3, 5):
        _visit(client, article, address=f"192.0.2.{number}")
    call_command("flush-view-counts", stdout=__import__("io").StringIO())

    assert _stored() == sorted([(article.pk, "nl", 5), (article.pk, "fr", 1), (bus.pk, "nl", 1)])
    assert ArticleView.objects.get(article=article, language="nl").day == timezone.localdate()


def test_shown_counts_are_stored_plus_pending(client, news):
    article = news["crisis_centres"]
    counting.write_counts(Counter({(article.pk, "nl", date(2024, 6, 25)): 40}))
    _visit(client, article, address="192.0.2.1")

    response = _visit(client, article, address="192.0.2.2", lang="fr")

    assert response.context["views"] == 42
    assert response.context["views_by_language"] == [("fr", 1), ("nl", 41)]
    listed = client.get("/en/news/").context["articles"]
    assert {a.pk: a.views for a in listed}[article.pk] == 42


def test_the_buffer_flushes_itself_when_it_is_old_enough(client, news, settings):
    settings.TREFPUNT_VIEW_FLUSH_SECONDS = 0
    article = news["bus"]

    _visit(client, article, address="192.0.2.1")

    assert _stored() == [(article.pk, "nl", 1)]
    assert len(counting.BUFFER) == 0


def test_counts_of_deleted_articles_are_dropped_not_fatal(news):
    bus = news["bus"]
    counts = Counter({(bus.pk, "nl", date(2025, 3, 2)): 2, (987654, "nl", date(2025, 3, 2)): 5})

    assert counting.write_counts(counts) == 1
    assert ArticleView.objects.aggregate(total=Sum("count")) == {"total": 2}


@pytest.mark.parametrize(
    ("agent", "expected"),
    [(FIREFOX, False), (GOOGLEBOT, True), ("curl/8.5.0", True)],
)
def test_crawler_detection(agent, expected):
    assert counting._detector.is_crawler(agent) is expected


def test_visitor_keys_hold_no_address_and_change_with_the_salt():
    first = counting.visitor_key("salt-one", "192.0.2.1", FIREFOX, 7)
    again = counting.visitor_key("salt-one", "192.0.2.1", FIREFOX, 7)
    next_day = counting.visitor_key("salt-two", "192.0.2.1", FIREFOX, 7)

    assert first == again
    assert first != next_day
    assert len(first) == 32
    assert "192.0.2.1" not in first
