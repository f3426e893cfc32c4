"""A person looks up Liège by its Dutch name from the home page and follows a comparable town
across the border."""

import re
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import expect

from trefpunt.places.models import Territory

pytestmark = pytest.mark.browser


def _territory_code(url: str) -> str:
    match = re.fullmatch(r"/[a-z]{2}/places/([^/]+)/", unquote(urlsplit(url).path))
    assert match, url
    return match.group(1)


def test_searching_luik_leads_to_liege_and_a_comparable_town(page, demo_site):
    page.goto(f"{demo_site.url}/fr/")
    page.locator("input#q").fill("Luik")
    page.locator("input#q").press("Enter")

    # One unambiguous place named in the home search box: its page opens directly.
    page.wait_for_url(re.compile(r"/fr/places/BE-NIS:62063/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Liège")
    names = page.locator("dl.names dd")
    expect(names).to_have_text(["Luik", "Liège", "Lüttich", "Liège"])
    assert [names.nth(i).get_attribute("lang") for i in range(4)] == ["nl", "fr", "de", "en"]

    comparable = page.locator("ol.comparable > li > a").first
    name, href = comparable.inner_text(), comparable.get_attribute("href")
    with page.expect_navigation():
        comparable.click()

    assert unquote(urlsplit(page.url).path) == href
    territory = Territory.objects.get(code=_territory_code(page.url))
    assert territory.country in {"FR", "NL"}
    expect(page.locator("h1")).to_have_text(name)
    expect(page.locator("html")).to_have_attribute("lang", "fr")


def test_the_language_switcher_moves_to_dutch(page, demo_site):
    page.goto(f"{demo_site.url}/fr/places/")

    page.locator("nav.language").get_by_role("link", name="Nederlands").click()

    page.wait_for_url(re.compile(r"/nl/"))
    assert urlsplit(page.url).path == "/nl/places/"
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.locator("nav.language a[aria-current=true]")).to_have_attribute("hreflang", "nl")
