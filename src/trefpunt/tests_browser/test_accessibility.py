"""axe-core (bundled by the axe-playwright-python package, no network) on the key pages, at
desktop width and at 375 px: no critical and no serious violation anywhere."""

from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

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
        response = page.goto(f"{demo_site.url}{url}")
        assert response.status == 200, f"{name}: {url} answered {response.status}"
        page.wait_for_load_state("load")
        problems = blocking(axe.run(page).response)
        if problems:
            found[f"{name} {url}"] = problems
    assert found == {}
