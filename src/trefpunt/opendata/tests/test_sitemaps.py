import re

from trefpunt.meetings.models import Meeting, Visibility
from trefpunt.news.models import Article
from trefpunt.news.models import Status as ArticleStatus
from trefpunt.practices.models import Practice, Status


def _locations(content: bytes) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", content.decode())


def test_the_index_lists_every_section_and_pages_the_territories(demo, client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sections = _locations(response.content)
    assert "http://testserver/sitemap-practices.xml" in sections
    assert "http://testserver/sitemap-territories.xml?p=2" in sections
    assert not any("assistance" in s for s in sections)


def test_every_page_is_listed_in_four_languages_with_hreflang(demo, client):
    practice = Practice.objects.published().first()
    response = client.get("/sitemap-practices.xml")
    assert response.status_code == 200
    text = response.content.decode()
    for code in ("nl", "fr", "de", "en"):
        assert f"<loc>http://testserver/{code}/practices/{practice.pk}/</loc>" in text
        assert (
            f'<xhtml:link rel="alternate" hreflang="{code}" '
            f'href="http://testserver/{code}/practices/{practice.pk}/"/>'
        ) in text
    assert 'hreflang="x-default"' in text


def test_drafts_and_restricted_records_are_never_listed(demo, client):
    draft = Practice.objects.published().first()
    Practice.objects.filter(pk=draft.pk).update(status=Status.DRAFT)
    meeting = Meeting.objects.first()
    Meeting.objects.filter(pk=meeting.pk).update(visibility=Visibility.RESTRICTED)
    article = Article.objects.published().first()
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.DRAFT)
    practices = _locations(client.get("/sitemap-practices.xml").content)
    meetings = _locations(client.get("/sitemap-meetings.xml").content)
    news = _locations(client.get("/sitemap-news.xml").content)
    assert f"http://testserver/en/practices/{draft.pk}/" not in practices
    assert f"http://testserver/en/meetings/{meeting.pk}/" not in meetings
    assert f"http://testserver/en/news/{article.pk}/" not in news
    assert len(practices) == 4 * Practice.objects.published().count()
    assert len(news) == 4 * Article.objects.published().count()


def test_every_listed_page_answers(demo, client):
    sections = (
        "pages",
        "organisations",
        "people",
        "practices",
        "collections",
        "meetings",
        "news",
        "legal-acts",
        "obstacles",
        "projects",
    )
    for section in sections:
        locations = _locations(client.get(f"/sitemap-{section}.xml").content)
        assert locations, section
        # One language of each page (every fourth address), at most twelve pages a section.
        for location in locations[::4][:12]:
            assert client.get(location.removeprefix("http://testserver")).status_code == 200, (
                location
            )


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_accounts(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /fr/accounts/" in lines
    assert "Disallow: /nl/admin/" in lines
    assert "Disallow: /*/edit/" in lines
    assert lines[-1] == "Sitemap: http://testserver/sitemap.xml"
