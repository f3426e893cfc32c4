"""The Atom feeds: one per language, entries in that language, parsed back."""

import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _feed(client, language: str) -> ET.Element:
    response = client.get(f"/{language}/news/feed.atom")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def _entries(feed: ET.Element) -> list[dict]:
    return [
        {
            "id": entry.findtext(f"{ATOM}id"),
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "published": entry.findtext(f"{ATOM}published"),
            "author": entry.findtext(f"{ATOM}author/{ATOM}name"),
            "content_type": entry.find(f"{ATOM}content").get("type"),
        }
        for entry in feed.findall(f"{ATOM}entry")
    ]


def test_the_french_feed_holds_articles_written_in_or_translated_into_french(client, news):
    feed = _feed(client, "fr")
    pk_council, pk_crisis = news["council"].pk, news["crisis_centres"].pk

    assert feed.get(XML_LANG) == "fr"
    assert feed.findtext(f"{ATOM}id") == "http://testserver/fr/news/feed.atom"
    assert _entries(feed) == [
        {
            "id": f"http://testserver/fr/news/{pk_crisis}/?lang=fr",
            "title": "Les centres de crise se concertent",
            "link": f"http://testserver/fr/news/{pk_crisis}/?lang=fr",
            "published": "2024-06-24T16:00:00+00:00",
            "author": "Secrétariat général de l'Union Benelux",
            "content_type": "html",
        },
        {
            "id": f"http://testserver/fr/news/{pk_council}/",
            "title": "Le Conseil Benelux prépare le Comité de Ministres",
            "link": f"http://testserver/fr/news/{pk_council}/",
            "published": "2021-11-25T16:00:00+00:00",
            "author": "Secrétariat général de l'Union Benelux",
            "content_type": "html",
        },
    ]
    content = feed.find(f"{ATOM}entry/{ATOM}content").text
    assert content == "<p>Sur l'assistance mutuelle.</p>"


def test_the_dutch_feed_leaves_out_drafts_and_scheduled_articles(client, news):
    titles = [entry["title"] for entry in _entries(_feed(client, "nl"))]

    assert titles == ["Grensbus naar Halluin", "Crisiscentra overleggen"]


def test_an_english_feed_without_articles_is_valid_and_empty(client, news):
    feed = _feed(client, "en")

    assert feed.findall(f"{ATOM}entry") == []
    assert feed.findtext(f"{ATOM}title") == "Trefpunt news (English)"
