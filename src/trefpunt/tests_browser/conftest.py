"""Playwright driving Debian's Chromium (never a downloaded browser) against the live server."""

import io
import os
import re
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = Path("/usr/bin/chromium")
# The machine's network is closed: no GPU, no QUIC, no background fetches or updates.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Only the live server answers; map tiles and anything else off-site are refused at once.
OFF_SITE = re.compile(r"^(?!https?://(localhost|127\.0\.0\.1)[:/])")


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)."
        if os.environ.get("TREFPUNT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{message} TREFPUNT_REQUIRE_BROWSER=1 requires it.", pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright  # noqa: PLC0415 (heavy, loaded on first use)

    # Playwright's sync API keeps an event loop running in this thread, so Django's
    # async-safety check would refuse the ORM calls of tests and fixtures while it lives. The
    # variable is set only while the browser lives: a process-wide one would leak into later
    # tests (`check --deploy` in a subprocess fails with async.E001).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    context.route(OFF_SITE, lambda route: route.abort())
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The live server with the packaged gazetteer and the demo directory loaded."""

    call_command("load-demo", verbosity=0, stdout=io.StringIO())
    return live_server
