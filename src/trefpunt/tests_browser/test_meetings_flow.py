"""An organiser of Menen schedules a French–Belgian consultation with two chairs, records a
decision and an action, schedules the next meeting and finds the action on its agenda."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from trefpunt.meetings.models import Meeting
from trefpunt.organisations import operations as accounts
from trefpunt.organisations.models import Organisation, Post

pytestmark = pytest.mark.browser

PASSWORD = "a long test password"
TITLE = "Concertation Menin–Halluin"
ACTION = "Chiffrer une navette transfrontalière"


def _mayor(slug: str) -> Post:
    return Post.objects.current().get(organisation__slug=slug, role="mayor")


def test_an_organiser_carries_an_action_over_to_the_next_meeting(page, demo_site):
    user = get_user_model().objects.create_user(username="organiser.menen", password=PASSWORD)
    menen = Organisation.objects.get(slug="menen")
    accounts.add_member(by=None, user=user, organisation=menen, role="editor")
    halluin_mayor, menen_mayor = _mayor("halluin"), _mayor("menen")

    page.goto(f"{demo_site.url}/en/accounts/login/?next=/en/meetings/new/")
    page.locator("#id_username").fill("organiser.menen")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/meetings/new/$"))

    form = page.locator("form.meeting-form")
    form.locator("#id_title").fill(TITLE)
    form.locator("#id_language").select_option("fr")
    form.locator("#id_kind").select_option("local_consultation")
    form.locator("#id_start").fill("2027-03-11T14:00")
    form.locator("#id_end").fill("2027-03-11T16:30")
    form.locator("#id_timezone").select_option("Europe/Brussels")
    form.locator("#id_place").fill("Menen")
    form.locator("#id_address").fill("Grote Markt 1")
    form.locator("#id_organiser").fill("Stad Menen (menen)")
    form.locator("input[name=sides][value=FR]").check()
    form.locator("input[name=sides][value=BE]").check()
    form.locator("#id_chairs-0-post").fill("Marc Duhamel")
    form.locator("#id_chairs-1-post").fill("Anneleen Vercruysse")
    form.locator("button[type=submit]").click()

    page.wait_for_url(re.compile(r"/en/meetings/\d+/$"))
    first = Meeting.objects.get(title=TITLE)
    chairs = {chair.post for chair in first.chairs.all()}
    assert chairs == {halluin_mayor, menen_mayor}  # typed by name, resolved to their posts
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("p.chairs")).to_have_text(
        "Co-chaired by Marc Duhamel (FR) and Anneleen Vercruysse (BE)"
    )
    expect(page.locator("dl.facts")).to_contain_text("(Europe/Brussels)")

    page.locator("nav.organiser-tools").get_by_role("link", name="Decisions").click()
    page.locator("#id_text").fill("Une navette entre Menin et Halluin est étudiée.")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.locator("ol.decisions li")).to_have_text(
        ["Une navette entre Menin et Halluin est étudiée."]
    )

    page.get_by_role("link", name="Assign actions").click()
    page.locator("#id_title").fill(ACTION)
    page.locator("#id_owner_person").fill("Anneleen Vercruysse")
    page.locator("#id_due_date").fill("2027-04-15")
    page.locator("#id_decision").select_option(index=1)
    page.get_by_role("button", name="Assign the action").click()
    expect(page.locator("table.actions tbody th")).to_have_text([ACTION])

    page.get_by_role("link", name="Back to the meeting").click()
    page.locator("nav.organiser-tools").get_by_role(
        "link", name="Schedule the next meeting"
    ).click()
    page.locator("#id_start").fill("2027-06-10T14:00")
    page.locator("#id_end").fill("2027-06-10T16:30")
    page.get_by_role("button", name="Schedule the next meeting").click()

    page.wait_for_url(re.compile(r"/en/meetings/\d+/$"))
    following = Meeting.objects.exclude(pk=first.pk).get(title=TITLE)
    assert page.url.endswith(f"/en/meetings/{following.pk}/")
    expect(page.locator("p.chairs")).to_have_text(
        "Co-chaired by Marc Duhamel (FR) and Anneleen Vercruysse (BE)"
    )
    carried = page.locator("section.carried")
    expect(carried.locator("h3")).to_have_text("Open actions from earlier meetings")
    row = carried.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row.locator("th")).to_contain_text(ACTION)
    expect(row).to_contain_text("Anneleen Vercruysse")
    expect(row.locator("time")).to_have_attribute("datetime", "2027-04-15")
    expect(row.get_by_role("link", name=TITLE)).to_have_attribute(
        "href", f"/en/meetings/{first.pk}/"
    )
