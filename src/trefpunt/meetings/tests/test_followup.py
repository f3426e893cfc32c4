"""The follow-up dashboard: open and overdue actions grouped per organiser, series or owner,
with counts, filters, updates in place and a CSV export."""

import csv
import html as html_module
import io
import re
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from trefpunt.meetings import operations
from trefpunt.meetings.models import Action
from trefpunt.organisations.models import Organisation, Post


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(
        timezone.localdate() + timedelta(days=days), datetime.min.time()
    ).replace(hour=hour)


def _mayor(slug: str) -> Post:
    return (
        Post.objects.current().select_related("person").get(organisation__slug=slug, role="mayor")
    )


@pytest.fixture
def actions(demo_directory):
    """Two series of two organisers: four open actions (two overdue), one done; and one
    open action of a restricted meeting."""
    menen, tournai = (Organisation.objects.get(slug=slug) for slug in ("menen", "tournai"))
    today = timezone.localdate()

    def meeting(organiser, slug, title, visibility="public"):
        series = operations.create_series(
            user=None, organiser=organiser, slug=slug, name=title, language="fr", kind="expert"
        )
        return operations.schedule_meeting(
            user=None,
            organiser=organiser,
            kind="expert",
            language="fr",
            title=title,
            start=_at(-20, 10),
            end=_at(-20, 12),
            series=series,
            online_url="https://meet.example.org/x",
            visibility=visibility,
        )

    mobility = meeting(menen, "mobilite", "Groupe mobilité")
    health = meeting(tournai, "sante", "Groupe santé")
    secret = meeting(tournai, "crise", "Cellule de crise", visibility="restricted")
    halluin = Organisation.objects.get(slug="halluin")
    menen_mayor = _mayor("menen").person

    def assign(meeting_, title, days, **owner):
        return operations.assign_action(
            meeting_, user=None, title=title, due_date=today + timedelta(days=days), **owner
        )

    made = {
        "late_bus": assign(mobility, "Horaire du bus", -3, owner_organisation=halluin),
        "bike": assign(mobility, "Pistes cyclables", 10, owner_person=menen_mayor),
        "late_care": assign(health, "Convention de soins", -1, owner_person=menen_mayor),
        "beds": assign(health, "Lits disponibles", 5, owner_organisation=halluin),
        "done": assign(health, "Rapport annuel", -9, owner_organisation=halluin),
        "secret": assign(secret, "Stock de masques", -2, owner_organisation=halluin),
    }
    done = made["done"]
    operations.update_action(done, user=None, version=done.version, status="done")
    return made


def _titles(html: str) -> list[str]:
    return re.findall(r'<tr class="(?:overdue)?">\s*<th scope="row">([^<]+)', html)


def _groups(html: str) -> list[str]:
    return [
        html_module.unescape(re.sub(r"<[^>]+>", "", name)).strip()
        for name in re.findall(r'<h2 id="group-\d+-title">(.*?)<span class="count">', html, re.S)
    ]


def test_the_dashboard_counts_open_and_overdue_actions(client, actions, django_assert_num_queries):
    # Filter choices (4), the actions and their five prefetches: not one per action; plus one
    # per source registered in meetings.followup_sources (the programme's overdue deliverables).
    with django_assert_num_queries(10):
        response = client.get("/en/meetings/follow-up/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "4 open actions" in html
    assert "<strong>2 overdue</strong>" in html
    assert sorted(_titles(html)) == sorted(
        ["Horaire du bus", "Pistes cyclables", "Convention de soins", "Lits disponibles"]
    )
    assert "Stock de masques" not in html and "Rapport annuel" not in html


def test_the_dashboard_groups_per_organiser_by_default(client, actions):
    html = client.get("/en/meetings/follow-up/").content.decode()
    assert _groups(html) == ["Stad Menen", "Ville de Tournai"]
    assert '<span class="count">2 open, 1 overdue</span>' in html


@pytest.mark.parametrize(
    ("group", "names"),
    [
        ("series", ["Groupe mobilité", "Groupe santé"]),
        ("owner", ["Anneleen Vercruysse", "Ville d'Halluin"]),
    ],
)
def test_the_dashboard_groups_per_series_or_owner(client, actions, group, names):
    html = client.get(f"/en/meetings/follow-up/?group={group}").content.decode()
    assert _groups(html) == names


def test_the_dashboard_filters(client, actions):
    overdue = client.get("/en/meetings/follow-up/?overdue=on").content.decode()
    assert sorted(_titles(overdue)) == ["Convention de soins", "Horaire du bus"]
    series = client.get("/en/meetings/follow-up/?series=sante").content.decode()
    assert sorted(_titles(series)) == ["Convention de soins", "Lits disponibles"]
    organiser = client.get("/en/meetings/follow-up/?organisation=menen").content.decode()
    assert sorted(_titles(organiser)) == ["Horaire du bus", "Pistes cyclables"]


def test_the_dashboard_links_actions_to_their_meeting(client, actions):
    html = client.get("/en/meetings/follow-up/").content.decode()
    meeting = actions["late_bus"].meeting
    assert f'<a href="/en/meetings/{meeting.pk}/">Groupe mobilité</a>' in html
    assert '<a href="/en/organisations/menen/">Stad Menen</a>' in html


def test_an_empty_dashboard_says_so(client, actions):
    html = client.get(
        "/en/meetings/follow-up/?series=mobilite&overdue=on&organisation=tournai"
    ).content.decode()
    assert "No open action matches these filters." in html
    assert "0 open actions" in html


def test_curators_also_see_actions_of_restricted_meetings(client, actions, curator):
    client.force_login(curator)
    html = client.get("/en/meetings/follow-up/").content.decode()
    assert "Stock de masques" in html
    assert "5 open actions" in html and "<strong>3 overdue</strong>" in html


def test_organisers_update_actions_from_the_dashboard(client, actions, editor_of_menen):
    late_bus, late_care = actions["late_bus"], actions["late_care"]
    client.force_login(editor_of_menen)
    html = client.get("/en/meetings/follow-up/").content.decode()
    # Menen organises the mobility group and owns (through its mayor) the care action.
    assert f'action="/en/meetings/actions/{late_bus.pk}/update/"' in html
    assert f'action="/en/meetings/actions/{late_care.pk}/update/"' not in html
    response = client.post(
        f"/en/meetings/actions/{late_bus.pk}/update/",
        {"version": "1", "status": "done", "notes": "Fait", "next": "/en/meetings/follow-up/"},
        follow=True,
    )
    assert response.redirect_chain == [("/en/meetings/follow-up/", 302)]
    assert "3 open actions" in response.content.decode()
    late_bus.refresh_from_db()
    assert (late_bus.status, late_bus.notes) == ("done", "Fait")


def test_the_owner_person_updates_their_action(client, actions, make_user):
    late_care = actions["late_care"]
    user = make_user("mayor.menen")
    person = late_care.owner_person
    person.user = user
    person.save(update_fields=["user"])
    client.force_login(user)
    html = client.get("/en/meetings/follow-up/").content.decode()
    assert f'action="/en/meetings/actions/{late_care.pk}/update/"' in html
    client.post(
        f"/en/meetings/actions/{late_care.pk}/update/", {"version": "1", "status": "in_progress"}
    )
    assert Action.objects.get(pk=late_care.pk).status == "in_progress"


def test_the_dashboard_exports_its_actions_as_csv(client, actions):
    response = client.get("/en/meetings/follow-up/actions.csv?overdue=on")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="actions.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    late_bus, late_care = actions["late_bus"], actions["late_care"]
    assert [(row["id"], row["action"], row["overdue"]) for row in rows] == [
        (str(late_bus.pk), "Horaire du bus", "yes"),
        (str(late_care.pk), "Convention de soins", "yes"),
    ]
    assert rows[0]["owner"] == "Ville d'Halluin"
    assert rows[0]["owner_kind"] == "organisation"
    assert rows[0]["series"] == "mobilite"
    assert rows[0]["meeting_url"] == f"http://testserver/en/meetings/{late_bus.meeting_id}/"
    assert rows[1]["owner"] == "Anneleen Vercruysse"


def test_the_series_page_lists_its_open_actions(client, actions):
    html = client.get("/fr/meetings/series/sante/").content.decode()
    assert '<html lang="fr">' in html
    assert sorted(_titles(html)) == ["Convention de soins", "Lits disponibles"]
    assert 'href="/api/v1/meetings/series/sante.ics"' in html
    assert client.get("/fr/meetings/series/nope/").status_code == 404
