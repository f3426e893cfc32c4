"""The news pages: current news, archive, an article in the reader's language, editing."""

import csv
import io
import json
import re
from datetime import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from trefpunt.meetings.models import Meeting
from trefpunt.news import operations
from trefpunt.news.models import Article

from .conftest import BRUSSELS
from .test_operations import png_upload

FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def _heading(html: str) -> tuple[str, str]:
    """The ``lang`` of the article element and its heading."""
    match = re.search(
        r'<article class="news-article" lang="([a-z]{2})"[^>]*>\s*<h1[^>]*>([^<]+)</h1>', html
    )
    assert match, html
    return match.group(1), match.group(2)


def _form(article: Article, **changes) -> dict:
    data = {
        "version": article.version,
        "author": article.author_id,
        "language": article.language,
        "title": article.title,
        "summary": article.summary,
        "body": article.body,
        "published_at": "2025-03-01T09:00",
        "image_alt": article.image_alt,
        "territories": "",
    }
    return {**data, **changes}


# Current news and the archive ---------------------------------------------------------------


def test_current_news_lists_public_articles_newest_first_in_the_reader_s_language(
    client, news, django_assert_max_num_queries
):
    # Measured: 3 (the articles with their view totals, author names, translations), whatever
    # the number of articles.
    with django_assert_max_num_queries(3):
        response = client.get("/fr/news/")

    assert response.status_code == 200
    articles = response.context["articles"]
    assert [a.reading.title for a in articles] == [
        "Grensbus naar Halluin",
        "Les centres de crise se concertent",
        "Le Conseil Benelux prépare le Comité de Ministres",
    ]
    html = response.content.decode()
    pk = news["crisis_centres"].pk
    assert f'lang="fr"><a href="/fr/news/{pk}/">Les centres de crise se concertent</a>' in html
    assert html.count('<span class="lang-badge" aria-hidden="true">FR</span>') == 2
    assert html.count('<span class="lang-badge" aria-hidden="true">NL</span>') == 1
    assert '<time datetime="2024-06-24T18:00:00+02:00">' in html
    assert "Ontwerp over fietspaden" not in html
    assert "Morgen te lezen" not in html
    assert html.count('class="read-more"') == 3


def test_editors_see_their_drafts_in_the_list(client, news, editor_of_menen):
    client.force_login(editor_of_menen)

    titles = [a.title for a in client.get("/nl/news/").context["articles"]]

    assert titles[:2] == ["Ontwerp over fietspaden", "Morgen te lezen"]
    assert len(titles) == 5


def test_empty_news_says_so(client, db):
    html = client.get("/en/news/").content.decode()

    assert '<p class="empty">No news has been published yet.</p>' in html


def test_the_archive_is_paginated_and_filtered(client, news, settings):
    settings.TREFPUNT_PAGE_SIZE = 2

    first = client.get("/en/news/archive/")
    second = client.get("/en/news/archive/", {"page": 2})
    by_year = client.get("/en/news/archive/", {"year": "2021"})
    by_theme = client.get("/en/news/archive/", {"theme": "mobility-transport"})
    by_author = client.get("/en/news/archive/", {"organisation": "benelux-secretariat-general"})

    assert [a.title for a in first.context["page"].object_list] == [
        "Grensbus naar Halluin",
        "Crisiscentra overleggen",
    ]
    assert [a.title for a in second.context["page"].object_list] == [
        "Le Conseil Benelux prépare le Comité de Ministres"
    ]
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert [a.title for a in by_year.context["page"].object_list] == [
        "Le Conseil Benelux prépare le Comité de Ministres"
    ]
    assert [a.title for a in by_theme.context["page"].object_list] == ["Grensbus naar Halluin"]
    assert [a.title for a in by_author.context["page"].object_list] == [
        "Crisiscentra overleggen",
        "Le Conseil Benelux prépare le Comité de Ministres",
    ]
    assert [c[0] for c in first.context["form"].fields["year"].choices] == ["", 2025, 2024, 2021]


def test_an_empty_archive_offers_a_way_back(client, news):
    html = client.get("/en/news/archive/", {"year": "1999"}).content.decode()

    assert '<p class="empty">No article matches these filters.</p>' in html
    assert '<a href="/en/news/archive/">Show all news</a>' in html


def test_the_archive_costs_a_fixed_number_of_queries(client, news, django_assert_max_num_queries):
    # Measured: 9 (the filter's years, themes and their names, authors and their names; count;
    # the page with its view totals, author names, translations).
    with django_assert_max_num_queries(9):
        response = client.get("/en/news/archive/", {"theme": "crisis-management"})

    assert response.status_code == 200


def test_the_archive_exports_csv_and_json(client, news):
    rows = list(csv.DictReader(io.StringIO(client.get("/en/news/export.csv").content.decode())))
    data = json.loads(client.get("/en/news/export.json", {"year": "2024"}).content)

    assert [row["title"] for row in rows] == [
        "Grensbus naar Halluin",
        "Crisiscentra overleggen",
        "Le Conseil Benelux prépare le Comité de Ministres",
    ]
    assert rows[1]["translations"] == "de|fr"
    assert data["articles"][0] == {
        "id": news["crisis_centres"].pk,
        "language": "nl",
        "translations": ["de", "fr"],
        "title": "Crisiscentra overleggen",
        "summary": "De directeurs kwamen <strong>samen</strong>.",
        "published_at": "2024-06-24T16:00:00+00:00",
        "author": "benelux-secretariat-general",
        "views": 0,
        "url": f"http://testserver/en/news/{news['crisis_centres'].pk}/",
    }


# One article --------------------------------------------------------------------------------


def test_an_article_is_shown_in_the_reader_s_language_with_a_translation_banner(
    client, news, django_assert_max_num_queries
):
    pk = news["crisis_centres"].pk
    with django_assert_max_num_queries(11):
        response = client.get(f"/fr/news/{pk}/", HTTP_USER_AGENT=FIREFOX)
    html = response.content.decode()
    assert _heading(html) == ("fr", "Les centres de crise se concertent")

    html = client.get(f"/en/news/{pk}/", {"lang": "fr"}).content.decode()  # English wording
    assert _heading(html) == ("fr", "Les centres de crise se concertent")
    assert "You are reading the French translation (machine) of a text written in Dutch." in html
    assert "Not reviewed yet." in html
    assert '<a class="read-original" href="?lang=nl" hreflang="nl">' in html
    assert '<a href="/en/organisations/nccn-be/">' in html
    assert '<a href="/en/places/BE-NIS:21004/">' in html
    assert f'<link rel="alternate" hreflang="de" href="/en/news/{pk}/?lang=de">' in html


def test_without_a_translation_the_original_is_shown_and_the_page_says_so(client, news):
    html = client.get(f"/en/news/{news['bus'].pk}/").content.decode()

    assert _heading(html) == ("nl", "Grensbus naar Halluin")
    assert "Original text, written in Dutch." in html
    assert "No translation into your language yet." in html


def test_the_original_can_be_asked_for(client, news):
    html = client.get(f"/de/news/{news['crisis_centres'].pk}/", {"lang": "nl"}).content.decode()

    assert _heading(html) == ("nl", "Crisiscentra overleggen")
    assert 'class="read-in-my-language" href="?lang=de"' in html
    assert "<script>" not in html


def test_the_featured_image_is_shown_with_its_description(client, menen):
    article = operations.create_article(
        user=None,
        status="published",
        author=menen,
        language="nl",
        title="Met foto",
        image=png_upload(),
        image_alt="Burgemeesters aan tafel",
    )

    html = client.get(f"/nl/news/{article.pk}/").content.decode()

    assert f'<img src="/media/{article.image.name}" alt="Burgemeesters aan tafel">' in html


@pytest.mark.parametrize("key", ["draft", "scheduled"])
def test_unpublished_articles_are_not_found_by_the_public(client, news, key):
    assert client.get(f"/en/news/{news[key].pk}/").status_code == 404


# Writing ------------------------------------------------------------------------------------


def test_an_editor_writes_an_article_with_an_image(client, editor_of_menen, menen):
    client.force_login(editor_of_menen)
    data = {
        "author": menen.pk,
        "language": "nl",
        "title": "Nieuwe grensbus",
        "summary": "Vanaf maandag.",
        "body": "<p>Elk uur <b>een bus</b>.</p>",
        "status": "published",
        "image": png_upload(),
        "image_alt": "De bus aan de halte",
        "territories": "BE-NIS:34027",
    }

    response = client.post("/nl/news/new/", data)

    article = Article.objects.get(title="Nieuwe grensbus")
    assert response.status_code == 302
    assert response["Location"] == f"/nl/news/{article.pk}/"
    assert (article.status, article.author, article.body) == (
        "published",
        menen,
        "<p>Elk uur een bus.</p>",  # <b> is not on the allow-list; <strong> is
    )
    assert article.image.name.endswith(".png")
    assert [t.code for t in article.territories.all()] == ["BE-NIS:34027"]


@pytest.mark.parametrize(
    ("upload", "error"),
    [
        (
            SimpleUploadedFile("bus.png", b"GIF89a-not-really"),
            "This file is not an image we accept (PNG, JPEG, WebP or GIF).",
        ),
        (
            SimpleUploadedFile("bus.png", b"\x89PNG" + b"0" * (5 * 1024 * 1024)),
            "The image is larger than the 5 MB limit (5.01 MB).",
        ),
    ],
)
def test_a_bad_image_is_refused_beside_its_field(client, editor_of_menen, menen, upload, error):
    client.force_login(editor_of_menen)
    data = {"author": menen.pk, "language": "nl", "title": "T", "status": "draft"}

    response = client.post("/en/news/new/", {**data, "image": upload, "image_alt": "x"})

    assert response.status_code == 200
    assert error in response.context["form"].errors["image"][0]
    assert 'id="id_image_error"' in response.content.decode()
    assert Article.objects.count() == 0


def test_an_edit_with_a_stale_version_shows_the_conflict(client, news, editor_of_menen):
    bus = news["bus"]
    operations.update_article(bus, user=None, version=1, title="Intussen gewijzigd")
    client.force_login(editor_of_menen)

    response = client.post(f"/en/news/{bus.pk}/edit/", _form(bus, title="Mijn versie"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "Someone else changed this article meanwhile; reload it and try again."
    ]
    assert Article.objects.get(pk=bus.pk).title == "Intussen gewijzigd"


def test_an_edit_is_saved(client, news, editor_of_menen):
    bus = news["bus"]
    client.force_login(editor_of_menen)

    response = client.post(f"/nl/news/{bus.pk}/edit/", _form(bus, title="Nieuwe titel"))

    assert response.status_code == 302
    fresh = Article.objects.get(pk=bus.pk)
    assert (fresh.title, fresh.version) == ("Nieuwe titel", 2)


def test_an_edit_without_publication_date_keeps_the_article_public(client, news, editor_of_menen):
    bus = news["bus"]
    client.force_login(editor_of_menen)

    response = client.post(f"/nl/news/{bus.pk}/edit/", _form(bus, published_at=""))

    assert response.status_code == 302
    fresh = Article.objects.get(pk=bus.pk)
    assert (fresh.status, fresh.published_at) == ("published", bus.published_at)
    client.logout()
    assert "Grensbus naar Halluin" in client.get("/nl/news/").content.decode()


def test_outsiders_cannot_write_edit_or_publish(client, news, outsider):
    client.force_login(outsider)
    bus = news["bus"]

    assert client.get("/nl/news/new/").status_code == 403
    assert client.get(f"/nl/news/{bus.pk}/edit/").status_code == 403
    assert client.post(f"/nl/news/{bus.pk}/archive/").status_code == 403
    assert Article.objects.get(pk=bus.pk).status == "published"


def test_an_editor_translates_publishes_and_archives(client, news, editor_of_menen):
    client.force_login(editor_of_menen)
    draft = news["draft"]

    translated = client.post(
        f"/nl/news/{draft.pk}/translate/fr/",
        {"title": "Projet de pistes cyclables", "origin": "human", "reviewed": "on"},
    )
    published = client.post(f"/nl/news/{draft.pk}/publish/")
    archived = client.post(f"/nl/news/{draft.pk}/archive/")

    assert translated["Location"] == f"/nl/news/{draft.pk}/?lang=fr"
    assert published.status_code == archived.status_code == 302
    fresh = Article.objects.get(pk=draft.pk)
    assert fresh.status == "archived"
    assert fresh.translation_in("fr").reviewed_by == editor_of_menen
    assert client.get(f"/nl/news/{draft.pk}/translate/nl/").status_code == 404


def test_the_article_links_its_public_meetings_only(client, news, secretariat):

    def meeting(title, visibility):
        return Meeting.objects.create(
            kind="strategic",
            language="nl",
            title=title,
            start=datetime(2024, 6, 24, 8, 0, tzinfo=BRUSSELS),
            end=datetime(2024, 6, 24, 14, 0, tzinfo=BRUSSELS),
            organiser=secretariat,
            visibility=visibility,
        )

    public, restricted = meeting("Strategisch overleg", "public"), meeting("Geheim", "restricted")
    article = operations.update_article(
        news["crisis_centres"], user=None, meetings=[public, restricted]
    )

    html = client.get(f"/en/news/{article.pk}/").content.decode()

    assert f'<a href="/en/meetings/{public.pk}/" lang="nl">Strategisch overleg</a>' in html
    assert "Geheim" not in html


def test_the_search_page_finds_articles_in_every_language(client, news):
    pk = news["crisis_centres"].pk

    response = client.get("/en/search/", {"q": "Krisenzentren"})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<a href="/en/news/{pk}/?lang=de" hreflang="de">Krisenzentren beraten sich</a>' in html
    assert "</span> · News" in html
