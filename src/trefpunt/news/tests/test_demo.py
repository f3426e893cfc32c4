"""The demo news (`trefpunt load-demo`)."""

from collections import Counter

from trefpunt.news import demo
from trefpunt.news.models import Article, ArticleTranslation, ArticleView
from trefpunt.search.models import SearchDocument


def test_loading_twice_adds_nothing(demo_directory, settings):
    created = demo.load()
    counts = (Article.objects.count(), ArticleTranslation.objects.count())

    assert created == 7 + 6  # articles and their translations
    assert demo.load() == 0
    assert (Article.objects.count(), ArticleTranslation.objects.count()) == counts


def test_the_demo_articles_are_public_in_dutch_and_french_with_translations(demo_directory):
    demo.load()
    articles = Article.objects.filter(is_demo=True)

    assert articles.count() == 7
    assert Counter(articles.values_list("language", flat=True)) == {"nl": 3, "fr": 4}
    assert Counter(ArticleTranslation.objects.values_list("language", flat=True)) == {
        "fr": 2,
        "nl": 2,
        "de": 1,
        "en": 1,
    }
    assert set(articles.values_list("status", flat=True)) == {"published"}
    assert Article.objects.published().count() == 7
    assert ArticleView.objects.count() == 0  # counts are real: none invented
    capitals = articles.get(external_id="demo:capitals-2021")
    assert capitals.published_at.isoformat() == "2021-11-16T15:00:00+00:00"
    assert capitals.author.slug == "benelux-secretariat-general"
    assert sorted(capitals.organisations.values_list("slug", flat=True)) == [
        "amsterdam",
        "brussels",
        "luxembourg-city",
    ]
    assert SearchDocument.objects.filter(doc_type="article").count() == 7 + 6


def test_demo_articles_link_the_demo_meetings_of_their_day(demo_meetings):
    demo.load()

    def meeting_days(key):
        article = Article.objects.get(external_id=f"demo:{key}")
        return [m.local_start.date().isoformat() for m in article.meetings.all()]

    assert meeting_days("capitals-2021") == ["2021-11-16"]
    assert meeting_days("benelux-council-2021") == ["2021-11-25"]
    assert meeting_days("crisis-centres-2024") == ["2024-06-24"]
    assert len(meeting_days("eurometropolis-consultations")) == 1
    assert meeting_days("treaty-2012") == []
