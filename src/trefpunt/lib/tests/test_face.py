"""The site's face: icons at the root, the language switch as links, dates written out."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from django.utils.formats import date_format

pytestmark = pytest.mark.django_db


def test_the_favicon_answers_at_the_root_as_a_real_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # ICONDIR header


def test_every_page_links_its_icons_and_manifest(client):
    html = client.get("/en/places/").content.decode()
    assert '<link rel="icon" href="/static/img/logo.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/static/img/site.webmanifest">' in html


def test_the_language_switch_links_to_the_same_page_in_each_language(client):
    html = client.get("/fr/places/?q=Menen").content.decode()
    assert 'action="/i18n/setlang/"' not in html
    for code in ("nl", "de", "en"):
        assert f'<link rel="alternate" hreflang="{code}" href="/{code}/places/?q=Menen">' in html
        assert f'<a href="/{code}/places/?q=Menen" lang="{code}" hreflang="{code}">' in html
    assert '<a href="/fr/places/?q=Menen" lang="fr" hreflang="fr" aria-current="true">' in html
    assert 'rel="alternate" hreflang="fr"' not in html  # no alternate for the page itself


def test_the_menu_button_controls_the_menu(client):
    html = client.get("/en/").content.decode()
    assert 'aria-expanded="false" aria-controls="site-menu" hidden>' in html
    assert '<div class="menu" id="site-menu">' in html
    assert '<a class="skip" href="#main">' in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "3 December 2026, 21:15"),
        ("nl", "3 december 2026, 21:15"),
        ("fr", "3 décembre 2026, 21:15"),
        ("de", "3. Dezember 2026, 21:15"),
    ],
)
def test_dates_are_written_out_in_every_language(language, expected):
    moment = datetime(2026, 12, 3, 21, 15, tzinfo=ZoneInfo("Europe/Brussels"))
    with translation.override(language):
        assert date_format(moment, "DATETIME_FORMAT") == expected
        assert date_format(moment, "TIME_FORMAT") == "21:15"
