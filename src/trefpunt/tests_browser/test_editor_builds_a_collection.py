"""In French, an editor of Menen adds a practice choosing Menen and Halluin by typing their
names, sees it saved, and builds a collection of three practices whose French PDF downloads."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from trefpunt.organisations import operations as accounts
from trefpunt.organisations.models import Organisation
from trefpunt.practices import operations
from trefpunt.practices.models import Collection, Practice

pytestmark = pytest.mark.browser

PASSWORD = "a long test password"


def _choose(field, typed: str) -> str:
    """Type ``typed`` at the end of ``field`` and take the first suggestion offered."""
    field.evaluate("input => input.list && input.list.replaceChildren()")
    field.press_sequentially(typed, delay=30)
    options = field.locator("xpath=following-sibling::datalist[1]/option")
    expect(options.first).to_be_attached()
    value = options.first.get_attribute("value")
    field.fill(value)
    return value


def test_an_editor_makes_a_practice_and_a_collection_in_french(page, demo_site):
    user = get_user_model().objects.create_user(username="editor.menen", password=PASSWORD)
    menen = Organisation.objects.get(slug="menen")
    accounts.add_member(by=None, user=user, organisation=menen, role="editor")
    others = [
        operations.create_practice(user=None, owner=menen, language="fr", title=title)
        for title in ("Navette transfrontalière", "Guichet emploi commun")
    ]

    page.goto(f"{demo_site.url}/fr/accounts/login/?next=/fr/practices/new/")
    page.locator("#id_username").fill("editor.menen")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/fr/practices/new/$"))

    form = page.locator("form.edit")
    expect(form.locator("#id_language")).to_have_value("fr")
    form.locator("#id_title").fill("Parc naturel de la Lys")
    _choose(form.locator("#id_owner"), "Menen")
    territories = form.locator("#id_territories")
    chosen = _choose(territories, "Menin")
    territories.press_sequentially(", ")
    _choose(territories, "Halluin")
    assert chosen.startswith("Menin (")
    form.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"/fr/practices/\d+/$"))
    expect(page.locator("ul.messages")).to_have_text("La pratique est enregistrée.")
    practice = Practice.objects.get(title="Parc naturel de la Lys")
    assert sorted(t.name_in("fr") for t in practice.territories.all()) == ["Halluin", "Menin"]

    page.goto(f"{demo_site.url}/fr/practices/collections/new/")
    form = page.locator("form.edit")
    form.locator("#id_slug").fill("lys")
    form.locator("#id_title").fill("Boîte à outils de la Lys")
    _choose(form.locator("#id_owner"), "Menen")
    field = form.locator("#id_practices")
    for number, title in enumerate(["Parc naturel", "Navette", "Guichet emploi"]):
        if number:
            field.press_sequentially(", ")
        _choose(field, title)
    form.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"/fr/practices/collections/lys/$"))
    expect(page.locator("ul.messages")).to_be_visible()
    collection = Collection.objects.get(slug="lys")
    assert list(collection.items.values_list("practice_id", flat=True)) == [
        practice.pk,
        *(p.pk for p in others),
    ]
    pdf = page.request.get(f"{demo_site.url}/fr/practices/collections/lys/fr.pdf")
    assert pdf.status == 200
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.body().startswith(b"%PDF")
