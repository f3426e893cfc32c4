"""A person searches in German, opens a practice written in Dutch and switches to its German
translation."""

import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from trefpunt.practices.models import Practice

pytestmark = pytest.mark.browser

QUERY = "Dämmung alter Arbeiterhäuser"


def test_a_german_search_leads_to_a_dutch_practice_and_its_translation(page, demo_site):
    genk = Practice.objects.get(language="nl", title__contains="Genkse cités")
    german = genk.translation_in("de")
    assert german is not None, "the demo translates the Genk practice into German"

    page.goto(f"{demo_site.url}/de/search/?q={quote(QUERY)}")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("article.hit").first).to_be_visible()

    # Only texts written in Dutch, chosen with the keyboard.
    dutch = page.locator("aside.facets input[name=language][value=nl]")
    dutch.focus()
    page.keyboard.press("Space")
    expect(dutch).to_be_checked()
    page.locator("aside.facets button[type=submit]").press("Enter")
    page.wait_for_url(re.compile(r"[?&]language=nl(&|$)"))

    hit = page.locator("article.hit").first
    expect(hit).to_have_attribute("lang", "nl")
    expect(hit.locator(".lang-badge")).to_have_text("NL")
    link = hit.locator("h3 a")
    expect(link).to_have_text(genk.title)
    expect(hit.locator("a.read-in-my-language")).to_be_visible()
    link.click()

    page.wait_for_url(re.compile(rf"/de/practices/{genk.pk}/\?lang=nl$"))
    article = page.locator("article.practice")
    expect(article).to_have_attribute("lang", "nl")
    expect(article.locator("h1")).to_have_text(genk.title)
    expect(page.locator(".translation-banner")).to_have_count(0)
    expect(page.locator(".original-note")).to_contain_text("Niederländisch")

    page.locator(".original-note a.read-in-my-language").click()

    page.wait_for_url(re.compile(rf"/de/practices/{genk.pk}/\?lang=de$"))
    expect(article).to_have_attribute("lang", "de")
    expect(article.locator("h1")).to_have_text(german.title)
    banner = page.locator(".translation-banner")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("Niederländisch")
    expect(banner.locator("a.read-original")).to_have_attribute("hreflang", "nl")
    expect(page.locator("html")).to_have_attribute("lang", "de")
