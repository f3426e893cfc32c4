"""axe-core (bundled by the axe-playwright-python package, no network) on the key pages, at
desktop width and at 375 px: no critical and no serious violation anywhere."""

import os
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from trefpunt.legal.models import LegalAct
from trefpunt.meetings.models import Meeting
from trefpunt.news.models import Article
from trefpunt.obstacles.models import Obstacle
from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Collection, Practice

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": (1280, 900), "375px": (375, 812)}
BLOCKING = {"critical", "serious"}


def key_pages() -> dict[str, str]:
    """Twenty pages a visitor meets first (a legal act too when the register has one)."""
    menen = Organisation.objects.get(slug="menen")
    meeting = Meeting.objects.filter(is_demo=True, series__isnull=False).order_by("-start").first()
    pages = {
        "home": "/en/",
        "search results": f"/en/search/?q={quote('grensarbeiders')}",
        "territory": "/en/places/BE-NIS:34027/",
        "organisation list": "/en/organisations/",
        "organisation": menen.get_absolute_url(),
        "practice list": "/en/practices/",
        "practice": Practice.objects.filter(is_demo=True).order_by("pk").first().get_absolute_url(),
        "collection": Collection.objects.order_by("pk").first().get_absolute_url(),
        "meeting list": "/en/meetings/",
        "meeting": meeting.get_absolute_url(),
        "calendar": f"/en/meetings/calendar/?month={meeting.start:%Y-%m}",
        "news list": "/en/news/",
        "news article": Article.objects.order_by("-published_at").first().get_absolute_url(),
        "legal list": "/en/legal/",
        "obstacle list": "/en/obstacles/",
        "obstacle": Obstacle.objects.order_by("pk").first().get_absolute_url(),
        "programme": "/en/programme/",
        "atlas": "/en/atlas/",
        "ask": "/en/ask/",
        "login": "/en/accounts/login/",
    }
    act = LegalAct.objects.order_by("pk").first()
    if act is not None:
        pages["legal act"] = act.get_absolute_url()
    return {name: url if url.startswith("/en/") else f"/en{url}" for name, url in pages.items()}


def blocking(results: dict) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results["violations"]
        if v["impact"] in BLOCKING
    ]


@pytest.mark.parametrize("width", WIDTHS)
def test_key_pages_have_no_critical_or_serious_violation(page, demo_site, width):
    pages = key_pages()
    assert len(pages) >= 20
    page.set_viewport_size(dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    axe = Axe()
    found = {}
    for name, url in pages.items():
        # The first search loads the search index: slow on a busy machine, not an a11y matter.
        response = page.goto(f"{demo_site.url}{url}", timeout=60_000)
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        page.wait_for_load_state("load")
        if shots := os.environ.get("TREFPUNT_SCREENSHOTS"):  # a folder, to look at the pages
            path = Path(shots) / f"{width}-{name.replace(' ', '-')}.png"
            page.screenshot(path=path, full_page=True)
        problems = blocking(axe.run(page).response)
        if problems:
            found[f"{name} {url}"] = problems
    assert found == {}


def test_the_menu_button_opens_the_menu_on_a_narrow_screen(page, demo_site):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(f"{demo_site.url}/en/meetings/")
    button = page.get_by_role("button", name="Menu")
    menu = page.locator("#site-menu")

    expect(button).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    assert page.locator("header.site").bounding_box()["height"] < 80  # one row, then content
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(menu.get_by_role("link", name="Practices")).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()


def test_the_menu_is_a_plain_row_of_links_on_a_wide_screen(page, demo_site):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{demo_site.url}/en/")
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    expect(page.locator("#site-menu").get_by_role("link", name="Practices")).to_be_visible()
