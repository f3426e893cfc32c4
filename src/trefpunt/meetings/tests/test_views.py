"""The meetings pages: the list, the calendar and a meeting in the reader's language, who sees
what, scheduling and editing with clear errors, the records of a meeting, registration."""

import csv
import io
import re
from datetime import date, datetime, timedelta

import pytest
from django.core import mail
from django.utils import timezone

from trefpunt.meetings import operations
from trefpunt.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Decision,
    Meeting,
    MeetingStatus,
    Minutes,
    Participant,
    ParticipantStatus,
    Series,
)
from trefpunt.organisations.models import Organisation, Person, Post
from trefpunt.places.models import Territory

TITLE_FR = "Concertation locale Menin–Halluin"
TITLE_NL = "Lokaal overleg Menen–Halluin"


def _mayor(slug: str) -> Post:
    return (
        Post.objects.current().select_related("person").get(organisation__slug=slug, role="mayor")
    )


def _day(days: int) -> date:
    return timezone.localdate() + timedelta(days=days)


def _at(days: int, hour: int) -> datetime:
    """A wall-clock time ``days`` from today (naive: read in the meeting's zone)."""
    return datetime.combine(_day(days), datetime.min.time()).replace(hour=hour)


@pytest.fixture
def consultation(demo_directory):
    """A French–Belgian series of Menen: last month's meeting (a decision, an overdue open
    action, a done action, approved minutes for participants) and next month's meeting."""
    menen = Organisation.objects.get(slug="menen")
    halluin, menen_mayor = _mayor("halluin"), _mayor("menen")
    series = operations.create_series(
        user=None,
        organiser=menen,
        slug="menen-halluin",
        name="Concertation Menin–Halluin",
        language="fr",
        kind="local_consultation",
        names={"nl": "Overleg Menen–Halluin"},
    )
    common = {
        "user": None,
        "organiser": menen,
        "kind": "local_consultation",
        "language": "fr",
        "timezone": "Europe/Brussels",
        "series": series,
        "territory": Territory.objects.get(code="BE-NIS:34027"),
        "address": "Grote Markt 1",
        "sides": ["FR", "BE"],
        "chairs": [
            {"person": halluin.person, "post": halluin, "country": None},
            {"person": menen_mayor.person, "post": menen_mayor, "country": None},
        ],
    }
    past = operations.schedule_meeting(
        title="Concertation locale Menin–Halluin (printemps)",
        start=_at(-30, 14),
        end=_at(-30, 16),
        **common,
    )
    decision = operations.record_decision(
        past, user=None, text="La navette transfrontalière est prolongée."
    )
    overdue = operations.assign_action(
        past,
        user=None,
        title="Chiffrer la navette",
        owner_organisation=Organisation.objects.get(slug="halluin"),
        due_date=_day(-5),
        decision=decision,
    )
    done = operations.assign_action(
        past, user=None, title="Publier le compte rendu", owner_person=menen_mayor.person
    )
    operations.update_action(done, user=None, version=done.version, status="done")
    operations.save_minutes(
        past,
        user=None,
        language="fr",
        body="<p>Les maires ont discuté.</p>",
        visibility="participants",
    )
    operations.approve_minutes(past.minutes.get(language="fr"), user=None)
    upcoming = operations.schedule_meeting(
        title=TITLE_FR, start=_at(30, 14), end=_at(30, 16), **common
    )
    operations.save_meeting_translation(upcoming, user=None, language="nl", title=TITLE_NL)
    operations.add_agenda_item(
        upcoming,
        user=None,
        title="Mobilité",
        presenter=halluin.person,
        duration_minutes=30,
    )
    return {
        "series": series,
        "past": past,
        "upcoming": upcoming,
        "overdue": overdue,
        "done": done,
        "decision": decision,
    }


@pytest.fixture
def participant(demo_directory, make_user):
    """``participant(meeting)``: a user whose person (Wervik's mayor) is invited."""

    def make(meeting):
        user = make_user("mayor.wervik")
        person = Person.objects.get(slug="sofie-vandamme")
        person.user = user
        person.save(update_fields=["user"])
        operations.invite(meeting, user=None, person=person)
        return user

    return make


def _html_lang(html: str) -> str:
    return re.search(r'<html lang="([a-z]{2})">', html).group(1)


# The list


@pytest.mark.parametrize(
    ("lang", "title"), [("fr", TITLE_FR), ("nl", TITLE_NL), ("de", TITLE_FR), ("en", TITLE_FR)]
)
def test_the_list_shows_upcoming_meetings_in_the_reader_s_language(
    client, consultation, lang, title, django_assert_num_queries
):
    upcoming = consultation["upcoming"]
    # Filter choices (4), count, page, its five prefetches: the same for any number of rows.
    with django_assert_num_queries(11):
        response = client.get(f"/{lang}/meetings/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _html_lang(html) == lang
    titles = re.findall(
        r'<h2 id="meeting-\d+-title" lang="([a-z]{2})"><a href="([^"]+)">([^<]+)</a>', html
    )
    expected_lang = "nl" if lang == "nl" else "fr"
    assert titles == [(expected_lang, f"/{lang}/meetings/{upcoming.pk}/", title)]
    assert "Marc Duhamel (FR)" in html and "Anneleen Vercruysse (BE)" in html
    assert 'href="/api/v1/meetings/series/menen-halluin.ics"' in html
    assert "(Europe/Brussels)" in html


def test_the_list_costs_the_same_queries_for_more_meetings(
    client, consultation, django_assert_num_queries
):
    for days in (45, 60, 75):
        operations.schedule_next_meeting(
            consultation["upcoming"], user=None, start=_at(days, 9), end=_at(days, 11)
        )
    with django_assert_num_queries(11):
        html = client.get("/en/meetings/").content.decode()
    assert len(re.findall(r'<h2 id="meeting-\d+-title"', html)) == 4


def test_the_past_tab_lists_past_meetings_newest_first(client, consultation):
    html = client.get("/en/meetings/?when=past").content.decode()
    assert re.findall(r'<h2 id="meeting-(\d+)-title"', html) == [str(consultation["past"].pk)]
    assert '<a href="?when=past" aria-current="page">Past</a>' in html
    assert "1 past meeting" in html


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("kind=local_consultation", 1),
        ("kind=conference", 0),
        ("series=menen-halluin", 1),
        ("organisation=menen", 1),
        ("organisation=halluin", 0),
        ("country=BE", 1),
        ("country=FR", 0),
    ],
)
def test_the_list_filters(client, consultation, query, count):
    html = client.get(f"/en/meetings/?{query}").content.decode()
    assert len(re.findall(r'<h2 id="meeting-\d+-title"', html)) == count
    if not count:
        assert "No upcoming meeting matches these filters." in html


def test_a_cancelled_meeting_is_marked_in_the_list(client, consultation):
    operations.cancel_meeting(consultation["upcoming"], user=None)
    html = client.get("/en/meetings/").content.decode()
    assert '<article class="meeting-item cancelled"' in html
    assert '<span class="badge cancelled">Cancelled</span>' in html


def test_the_list_is_paginated(client, consultation, settings):
    settings.TREFPUNT_PAGE_SIZE = 1
    operations.schedule_next_meeting(
        consultation["upcoming"], user=None, start=_at(60, 14), end=_at(60, 16)
    )
    first = client.get("/en/meetings/").content.decode()
    second = client.get("/en/meetings/?page=2").content.decode()
    assert "Page 1 of 2" in first and 'rel="next" href="?page=2"' in first
    assert re.findall(r"<h2 id=\"meeting-(\d+)-title\"", first) == [
        str(consultation["upcoming"].pk)
    ]
    assert len(re.findall(r'<h2 id="meeting-\d+-title"', second)) == 1


def test_restricted_meetings_are_listed_only_for_their_people(client, consultation, outsider):
    operations.update_meeting(
        consultation["upcoming"],
        user=None,
        version=consultation["upcoming"].version,
        visibility="restricted",
    )
    client.force_login(outsider)
    html = client.get("/en/meetings/").content.decode()
    assert "No upcoming meeting matches these filters." in html
    assert client.get(f"/en/meetings/{consultation['upcoming'].pk}/").status_code == 404


def test_the_list_exports_as_csv(client, consultation):
    response = client.get("/en/meetings/export.csv?when=past")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    past = consultation["past"]
    assert [row["id"] for row in rows] == [str(past.pk)]
    row = rows[0]
    assert row["title"] == past.title
    assert row["timezone"] == "Europe/Brussels"
    assert row["local_start"] == past.local_start.isoformat()
    assert row["place_code"] == "BE-NIS:34027"
    assert row["sides"] == "FR,BE"
    assert row["chairs"] == "Marc Duhamel (FR)|Anneleen Vercruysse (BE)"


# The calendar


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_the_calendar_shows_the_month_with_its_meetings(client, consultation, lang):
    upcoming = consultation["upcoming"]
    month = upcoming.local_start.strftime("%Y-%m")
    html = client.get(f"/{lang}/meetings/calendar/?month={month}").content.decode()
    assert _html_lang(html) == lang
    assert f'href="/{lang}/meetings/{upcoming.pk}/"' in html
    day = upcoming.local_start.date()
    cell = re.search(rf'<time datetime="{day.isoformat()}">{day.day}</time>.*?</td>', html, re.S)
    assert f"/{lang}/meetings/{upcoming.pk}/" in cell.group(0)
    previous = (day.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    assert f'<a rel="prev" href="?month={previous}">' in html


def test_the_calendar_highlights_today(client, consultation):
    html = client.get("/en/meetings/calendar/").content.decode()
    today = timezone.localdate().isoformat()
    cell = re.search(
        r'<td class="[^"]*today" aria-current="date">\s*<span class="day-number">'
        r'<time datetime="([0-9-]+)">',
        html,
    )
    assert cell.group(1) == today
    assert html.count('aria-current="date"') == 1


def test_the_calendar_places_a_meeting_on_its_local_day(client, demo_directory):
    # 23:30 on 10 January in Paris is 22:30 UTC: still 10 January for the meeting.
    meeting = operations.schedule_meeting(
        user=None,
        organiser=Organisation.objects.get(slug="menen"),
        kind="workshop",
        language="en",
        title="Late workshop",
        start=datetime(2027, 1, 10, 23, 30),
        end=datetime(2027, 1, 11, 1, 0),
        timezone="Europe/Paris",
        online_url="https://meet.example.org/late",
    )
    html = client.get("/en/meetings/calendar/?month=2027-01").content.decode()
    cell = re.search(r'<time datetime="2027-01-10">10</time>.*?</td>', html, re.S).group(0)
    assert f"/en/meetings/{meeting.pk}/" in cell
    assert '<time datetime="2027-01-10T23:30:00+01:00">23:30</time> Late workshop' in cell


def test_a_malformed_month_is_not_found(client, db):
    assert client.get("/en/meetings/calendar/?month=2025-13").status_code == 404


# The meeting page


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_the_meeting_page_renders_in_each_language(client, consultation, lang):
    upcoming = consultation["upcoming"]
    response = client.get(f"/{lang}/meetings/{upcoming.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert _html_lang(html) == lang
    expected = TITLE_NL if lang == "nl" else TITLE_FR
    assert re.search(r'<h1 id="meeting-title" lang="([a-z]{2})">([^<]+)</h1>', html).groups() == (
        "nl" if lang == "nl" else "fr",
        expected,
    )


def test_the_meeting_page_says_which_language_is_shown(client, consultation):
    pk = consultation["upcoming"].pk
    german = client.get(f"/de/meetings/{pk}/").content.decode()
    dutch = client.get(f"/nl/meetings/{pk}/").content.decode()
    french = client.get(f"/fr/meetings/{pk}/").content.decode()
    assert '<p class="original-note">' in german
    assert '<p class="original-note">' in dutch  # translated from French
    assert '<p class="original-note">' not in french


def test_the_meeting_page_shows_when_where_who(client, consultation):
    upcoming = consultation["upcoming"]
    html = client.get(f"/en/meetings/{upcoming.pk}/").content.decode()
    assert "Co-chaired by Marc Duhamel (FR) and Anneleen Vercruysse (BE)" in html
    assert f'<time datetime="{upcoming.local_start.isoformat()}">' in html
    assert (
        ", 14:00</time> – <time" in html and ">16:00</time>" in html and "(Europe/Brussels)" in html
    )
    assert f'href="/api/v1/meetings/{upcoming.pk}.ics"' in html
    assert '<a href="/en/places/BE-NIS:34027/">' in html
    assert '<a href="/en/organisations/menen/">Stad Menen</a>' in html


def test_the_agenda_carries_the_open_actions_of_earlier_meetings(client, consultation):
    upcoming = consultation["upcoming"]
    html = client.get(f"/en/meetings/{upcoming.pk}/").content.decode()
    carried = re.search(r'<section class="carried".*?</section>', html, re.S).group(0)
    assert '<h3 id="carried-title">Open actions from earlier meetings</h3>' in carried
    assert "Chiffrer la navette" in carried
    assert '<strong class="overdue-mark">overdue</strong>' in carried
    assert f'<a href="/en/meetings/{consultation["past"].pk}/">' in carried
    assert "Publier le compte rendu" not in carried  # done before this meeting
    assert "Presented by Marc Duhamel" in html and "30 minutes" in html


def test_the_past_meeting_shows_numbered_decisions_and_actions(client, consultation):
    past = consultation["past"]
    html = client.get(f"/en/meetings/{past.pk}/").content.decode()
    assert (
        '<li value="1" id="decision-1" lang="fr">La navette transfrontalière est prolongée.</li>'
        in html
    )
    actions = re.search(
        r'<section aria-labelledby="actions-title">.*?</section>', html, re.S
    ).group(0)
    assert "Chiffrer la navette" in actions and "overdue" in actions
    assert "Publier le compte rendu" in actions and "Done" in actions


def test_the_meeting_page_runs_a_fixed_number_of_queries(
    client, consultation, editor_of_menen, django_assert_num_queries
):
    upcoming = consultation["upcoming"]
    # The meeting, its eight prefetches, the agenda and its presenters and practices, the
    # decisions, actions, carried actions (and their prefetches), the participants; each of
    # these four lists is paged (a COUNT, then its page) and the status counts are one query.
    with django_assert_num_queries(19):
        client.get(f"/en/meetings/{upcoming.pk}/")
    for title in ("Transport", "Energie", "Zorg"):
        operations.add_agenda_item(upcoming, user=None, title=title)
    operations.assign_action(
        upcoming, user=None, title="Nog een", owner_person=_mayor("menen").person
    )
    # The actions list is no longer empty: its page is read after its COUNT (one more query,
    # then constant however many rows; test_meeting_page_lists).
    with django_assert_num_queries(20):
        client.get(f"/en/meetings/{upcoming.pk}/")


def test_an_organiser_page_runs_a_fixed_number_of_queries(
    client, consultation, editor_of_menen, django_assert_num_queries
):
    client.force_login(editor_of_menen)
    # The anonymous page's queries, the user's session, roles and organisations, and the
    # memberships and organisation tree that decide which carried actions they may read.
    with django_assert_num_queries(24):
        response = client.get(f"/en/meetings/{consultation['past'].pk}/")
    assert response.status_code == 200


# Who sees what


def test_participant_only_minutes_are_read_by_participants_not_the_public(
    client, consultation, participant
):
    past = consultation["past"]
    public = client.get(f"/en/meetings/{past.pk}/").content.decode()
    assert "Les maires ont discuté." not in public
    assert "No minutes to read yet." in public
    client.force_login(participant(past))
    html = client.get(f"/en/meetings/{past.pk}/").content.decode()
    assert '<div class="body" lang="fr"><p>Les maires ont discuté.</p></div>' in html
    assert "Edit these minutes" not in html


def test_the_content_of_a_participants_meeting_is_hidden_from_the_public(
    client, consultation, participant
):
    past = consultation["past"]
    operations.update_meeting(past, user=None, version=past.version, visibility="participants")
    public = client.get(f"/en/meetings/{past.pk}/").content.decode()
    assert "Chiffrer la navette" not in public
    assert "are for its participants" in public
    client.force_login(participant(past))
    assert "Chiffrer la navette" in client.get(f"/en/meetings/{past.pk}/").content.decode()


def test_organisers_see_draft_minutes_marked(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    operations.save_minutes(upcoming, user=None, language="nl", body="Ontwerp.")
    assert "Ontwerp." not in client.get(f"/en/meetings/{upcoming.pk}/").content.decode()
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{upcoming.pk}/").content.decode()
    assert 'Dutch <span class="badge draft">Draft</span>' in html
    assert "<p>Ontwerp.</p>" in html


def test_only_organisers_see_the_organiser_buttons(client, consultation, editor_of_menen, outsider):
    pk = consultation["upcoming"].pk
    client.force_login(outsider)
    assert f"/en/meetings/{pk}/edit/" not in client.get(f"/en/meetings/{pk}/").content.decode()
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{pk}/").content.decode()
    for path in ("edit", "agenda", "participants", "decisions", "actions", "next", "cancel"):
        assert f"/en/meetings/{pk}/{path}/" in html


@pytest.mark.parametrize(
    "path",
    ["edit/", "next/", "agenda/", "participants/", "decisions/", "actions/", "minutes/fr/"],
)
def test_an_editor_of_another_organisation_cannot_organise_and_nothing_changes(
    client, consultation, editor_of_kortrijk, path
):
    upcoming = consultation["upcoming"]
    before = (upcoming.version, upcoming.agenda.count(), upcoming.decisions.count())
    client.force_login(editor_of_kortrijk)
    shown = client.get(f"/en/meetings/{upcoming.pk}/{path}")
    posted = client.post(
        f"/en/meetings/{upcoming.pk}/{path}",
        {"title": "Kaper", "text": "Kaper", "body": "Kaper", "version": upcoming.version},
    )
    assert (shown.status_code, posted.status_code) == (403, 403)
    upcoming.refresh_from_db()
    assert (upcoming.version, upcoming.agenda.count(), upcoming.decisions.count()) == before
    assert Meeting.objects.count() == 2


def test_an_editor_of_another_organisation_cannot_cancel(client, consultation, editor_of_kortrijk):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_kortrijk)
    assert client.post(f"/en/meetings/{upcoming.pk}/cancel/").status_code == 403
    upcoming.refresh_from_db()
    assert upcoming.status == MeetingStatus.SCHEDULED


def test_anonymous_visitors_are_sent_to_log_in(client, consultation):
    pk = consultation["upcoming"].pk
    response = client.get(f"/en/meetings/{pk}/edit/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/en/meetings/{pk}/edit/"
    assert (
        client.get("/en/meetings/new/")["Location"] == "/en/accounts/login/?next=/en/meetings/new/"
    )


def test_an_outsider_cannot_schedule_meetings(client, consultation, outsider):
    client.force_login(outsider)
    assert client.get("/en/meetings/new/").status_code == 403
    assert client.post("/en/meetings/new/", {"title": "x"}).status_code == 403
    assert Meeting.objects.count() == 2


# Scheduling and editing


def _form(**overrides) -> dict:
    halluin, menen = _mayor("halluin"), _mayor("menen")
    data = {
        "title": "Grensoverleg Menen–Wervik",
        "language": "nl",
        "kind": "local_consultation",
        "description": "",
        "start": "2027-02-04T10:00",
        "end": "2027-02-04T12:30",
        "timezone": "Europe/Brussels",
        "place": "Menen",
        "address": "Grote Markt 1",
        "online_url": "",
        "organiser": str(Organisation.objects.get(slug="menen").pk),
        "sides": ["FR", "BE"],
        "visibility": "public",
        "capacity": "",
        "series": "",
        "new_series": "",
        "chairs-TOTAL_FORMS": "4",
        "chairs-INITIAL_FORMS": "0",
        "chairs-MIN_NUM_FORMS": "0",
        "chairs-MAX_NUM_FORMS": "4",
        "chairs-0-post": str(halluin.pk),
        "chairs-0-country": "",
        "chairs-1-post": str(menen.pk),
        "chairs-1-country": "BE",
    }
    for index in (2, 3):
        data[f"chairs-{index}-post"] = ""
        data[f"chairs-{index}-country"] = ""
    data.update(overrides)
    return data


def test_the_new_meeting_form_offers_local_times_and_zones(client, demo_directory, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.get("/en/meetings/new/").content.decode()
    assert re.search(r'<input type="datetime-local" name="start"', html)
    assert '<option value="Europe/Luxembourg">Europe/Luxembourg</option>' in html
    assert 'name="chairs-3-post"' in html and 'name="chairs-4-post"' not in html
    organiser = re.search(r'<input type="text" name="organiser"[^>]*>', html).group(0)
    assert 'value="Stad Menen (menen)"' in organiser
    assert 'data-suggest="/en/organisations/suggest/"' in organiser


def test_an_editor_schedules_a_binational_meeting_in_a_new_series(
    client, demo_directory, editor_of_menen
):
    client.force_login(editor_of_menen)
    response = client.post("/en/meetings/new/", _form(new_series="Grensoverleg Menen–Wervik"))
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/meetings/{meeting.pk}/"
    assert meeting.local_start.isoformat() == "2027-02-04T10:00:00+01:00"
    assert meeting.start.isoformat() == "2027-02-04T09:00:00+00:00"
    assert meeting.territory.code == "BE-NIS:34027"
    assert meeting.sides == "FR,BE"
    assert list(meeting.chairs.values_list("person__family_name", "country")) == [
        ("Duhamel", "FR"),
        ("Vercruysse", "BE"),
    ]
    assert meeting.series.slug == "grensoverleg-menen-wervik"
    assert meeting.history.first().history_user == editor_of_menen
    html = client.get(response["Location"]).content.decode()
    assert "The meeting is scheduled." in html


def _errors(html: str) -> str:
    return re.search(r'<div class="error" role="alert">.*?</div>', html, re.S).group(0)


def test_an_end_before_the_start_is_refused_and_nothing_is_created(
    client, demo_directory, editor_of_menen
):
    client.force_login(editor_of_menen)
    response = client.post("/en/meetings/new/", _form(end="2027-02-04T09:00", new_series="Nieuw"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<p class="error" id="id_end_error">The end must be after the start.</p>' in html
    assert '<a href="#id_end">End</a>: The end must be after the start.' in _errors(html)
    assert (Meeting.objects.count(), Series.objects.count()) == (0, 0)


def test_a_side_without_a_chair_is_refused_naming_the_country(
    client, demo_directory, editor_of_menen
):
    client.force_login(editor_of_menen)
    response = client.post("/en/meetings/new/", _form(**{"chairs-0-post": ""}))
    html = response.content.decode()
    assert response.status_code == 200
    message = (
        "This bi-national meeting needs a chair from each side: none is given for France (FR)."
    )
    assert f'<p class="error" id="chairs-error">{message}</p>' in html
    assert message in _errors(html)
    assert Meeting.objects.count() == 0


def test_an_unknown_time_zone_is_refused(client, demo_directory, editor_of_menen):
    client.force_login(editor_of_menen)
    response = client.post("/en/meetings/new/", _form(timezone="Europe/Atlantis"))
    html = response.content.decode()
    assert (
        '<p class="error" id="id_timezone_error">“Europe/Atlantis” is not a time zone offered '
        "here; choose one of the list.</p>"
    ) in html
    assert Meeting.objects.count() == 0


def test_an_unknown_place_is_refused(client, demo_directory, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.post("/en/meetings/new/", _form(place="Xyzzyqwv")).content.decode()
    assert "No place is known as “Xyzzyqwv”." in html
    assert Meeting.objects.count() == 0


def test_a_meeting_without_place_or_link_is_refused(client, demo_directory, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.post("/en/meetings/new/", _form(place="", address="")).content.decode()
    assert (
        '<p class="error" id="id_online_url_error">Give a place, an online link, or both.</p>'
        in html
    )
    assert Meeting.objects.count() == 0


def test_the_organiser_edits_the_meeting_in_its_own_zone(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{upcoming.pk}/edit/").content.decode()
    start = upcoming.local_start.strftime("%Y-%m-%dT%H:%M")
    assert f'value="{start}"' in html
    assert 'value="BE-NIS:34027"' in html
    data = _form(
        title="Nouveau titre",
        language="fr",
        start=start,
        end=upcoming.local_end.strftime("%Y-%m-%dT%H:%M"),
        timezone="Europe/Paris",
        series=str(upcoming.series_id),
        version=str(upcoming.version),
    )
    response = client.post(f"/en/meetings/{upcoming.pk}/edit/", data)
    assert response.status_code == 302
    upcoming.refresh_from_db()
    assert (upcoming.title, upcoming.timezone, upcoming.version) == (
        "Nouveau titre",
        "Europe/Paris",
        2,
    )


def test_a_stale_edit_shows_the_conflict_and_nothing_changes(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    data = _form(
        title="Trop tard",
        start=upcoming.local_start.strftime("%Y-%m-%dT%H:%M"),
        end=upcoming.local_end.strftime("%Y-%m-%dT%H:%M"),
        version=str(upcoming.version),
    )
    operations.update_meeting(upcoming, user=None, version=upcoming.version, capacity=30)
    html = client.post(f"/en/meetings/{upcoming.pk}/edit/", data).content.decode()
    assert "Someone else changed this in the meantime (version 2, you edited version 1)." in html
    upcoming.refresh_from_db()
    assert (upcoming.title, upcoming.version) == (TITLE_FR, 2)


def test_the_organiser_schedules_the_next_meeting(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    response = client.post(
        f"/en/meetings/{upcoming.pk}/next/",
        {
            "title": "",
            "start": "2027-06-03T14:00",
            "end": "2027-06-03T16:00",
            "timezone": "Europe/Brussels",
        },
    )
    following = Meeting.objects.order_by("-start").first()
    assert response["Location"] == f"/en/meetings/{following.pk}/"
    assert (following.series_id, following.title, following.sides) == (
        upcoming.series_id,
        TITLE_FR,
        "FR,BE",
    )
    html = client.get(response["Location"]).content.decode()
    assert "Chiffrer la navette" in re.search(
        r'<section class="carried".*?</section>', html, re.S
    ).group(0)


def test_the_organiser_cancels_the_meeting(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    assert client.get(f"/en/meetings/{upcoming.pk}/cancel/").status_code == 405
    response = client.post(f"/en/meetings/{upcoming.pk}/cancel/", follow=True)
    upcoming.refresh_from_db()
    assert upcoming.status == MeetingStatus.CANCELLED
    assert "This meeting is cancelled." in response.content.decode()


# Agenda, participants, minutes, decisions, actions


def test_the_organiser_builds_and_reorders_the_agenda(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    url = f"/en/meetings/{upcoming.pk}/agenda/"
    response = client.post(url, {"title": "Emploi", "duration_minutes": "20", "practices": ""})
    assert response["Location"] == url
    added = AgendaItem.objects.get(title="Emploi")
    client.post(f"{url}{added.pk}/move/", {"direction": "up"})
    assert list(upcoming.agenda.values_list("title", flat=True)) == ["Emploi", "Mobilité"]
    client.post(f"{url}{added.pk}/", {"title": "Emploi frontalier", "duration_minutes": "25"})
    added.refresh_from_db()
    assert (added.title, added.duration_minutes) == ("Emploi frontalier", 25)
    client.post(f"{url}{added.pk}/remove/")
    assert list(upcoming.agenda.values_list("title", flat=True)) == ["Mobilité"]


def test_an_unknown_practice_number_is_refused(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    html = client.post(
        f"/en/meetings/{upcoming.pk}/agenda/", {"title": "Emploi", "practices": "999999"}
    ).content.decode()
    assert "No practice has the number(s) 999999." in html
    assert upcoming.agenda.count() == 1


def test_the_organiser_invites_and_marks_attendance(client, consultation, editor_of_menen):
    past = consultation["past"]
    client.force_login(editor_of_menen)
    wervik = Person.objects.get(slug="sofie-vandamme")
    url = f"/en/meetings/{past.pk}/participants/"
    response = client.post(url, {"person": str(wervik.pk), "delegation_level": "municipal"})
    assert response["Location"] == url
    invited = Participant.objects.get(meeting=past, person=wervik)
    assert (invited.delegation_country, invited.status) == ("BE", ParticipantStatus.INVITED)
    client.post(f"{url}{invited.pk}/status/", {"status": "attended"})
    invited.refresh_from_db()
    assert invited.status == ParticipantStatus.ATTENDED
    html = client.get(f"/en/meetings/{past.pk}/").content.decode()
    assert "Attended: 1" in html


def test_inviting_nobody_is_refused(client, consultation, editor_of_menen):
    client.force_login(editor_of_menen)
    html = client.post(f"/en/meetings/{consultation['past'].pk}/participants/", {}).content.decode()
    assert "Choose a person or an organisation to invite." in html
    assert Participant.objects.count() == 0


def test_the_organiser_writes_and_approves_minutes(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    url = f"/en/meetings/{upcoming.pk}/minutes/nl/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"body": "<p>Verslag</p><script>x</script>", "visibility": "public"}
    )
    assert response["Location"] == f"/en/meetings/{upcoming.pk}/#minutes-nl"
    minutes = Minutes.objects.get(meeting=upcoming, language="nl")
    assert (minutes.body, minutes.status) == ("<p>Verslag</p>", "draft")
    client.post(f"{url}approve/")
    minutes.refresh_from_db()
    assert minutes.status == "approved"
    client.logout()
    assert "<p>Verslag</p>" in client.get(f"/en/meetings/{upcoming.pk}/").content.decode()
    assert client.get(f"/en/meetings/{upcoming.pk}/minutes/xx/").status_code == 302


def test_the_organiser_records_a_decision_and_an_action(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    client.post(f"/en/meetings/{upcoming.pk}/decisions/", {"text": "On avance.", "language": "fr"})
    decision = Decision.objects.get(meeting=upcoming)
    assert decision.number == 1
    response = client.post(
        f"/en/meetings/{upcoming.pk}/actions/",
        {
            "title": "Écrire la note",
            "owner_person": str(_mayor("menen").person_id),
            "due_date": "2027-01-15",
            "decision": str(decision.pk),
        },
    )
    assert response.status_code == 302
    action = Action.objects.get(meeting=upcoming)
    assert (action.due_date, action.decision_id, action.owner_person.family_name) == (
        date(2027, 1, 15),
        decision.pk,
        "Vercruysse",
    )


def test_an_action_without_owner_is_refused(client, consultation, editor_of_menen):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)
    html = client.post(
        f"/en/meetings/{upcoming.pk}/actions/", {"title": "Orphelin"}
    ).content.decode()
    assert "Choose who owns the action: a person or an organisation." in html
    assert not Action.objects.filter(meeting=upcoming).exists()


def test_the_action_status_is_updated_from_the_meeting_page(client, consultation, editor_of_menen):
    overdue, past = consultation["overdue"], consultation["past"]
    client.force_login(editor_of_menen)
    page = f"/en/meetings/{past.pk}/"
    response = client.post(
        f"/en/meetings/actions/{overdue.pk}/update/",
        {
            "version": overdue.version,
            "status": "in_progress",
            "notes": "Devis demandé",
            "next": page,
        },
    )
    assert response["Location"] == page
    overdue.refresh_from_db()
    assert (overdue.status, overdue.notes, overdue.version) == ("in_progress", "Devis demandé", 2)


def test_a_stale_action_update_changes_nothing(client, consultation, editor_of_menen):
    overdue = consultation["overdue"]
    client.force_login(editor_of_menen)
    response = client.post(
        f"/en/meetings/actions/{overdue.pk}/update/",
        {"version": overdue.version - 1 or 99, "status": "done", "next": "https://evil.example/"},
        follow=True,
    )
    assert response.redirect_chain == [(f"/en/meetings/{overdue.meeting_id}/", 302)]
    assert "Someone else changed this in the meantime" in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.status == ActionStatus.OPEN


def test_an_outsider_cannot_update_an_action(client, consultation, outsider):
    overdue = consultation["overdue"]
    client.force_login(outsider)
    response = client.post(
        f"/en/meetings/actions/{overdue.pk}/update/", {"version": overdue.version, "status": "done"}
    )
    assert response.status_code == 403
    overdue.refresh_from_db()
    assert (overdue.status, overdue.version) == (ActionStatus.OPEN, 1)


# Registration by link


def _registration_path(message) -> str:
    return re.search(r"https?://[^/\s]+(/\S+/register/\S+/)", message.body).group(1)


def test_the_invitee_registers_from_the_link(
    client, consultation, django_capture_on_commit_callbacks
):
    upcoming = consultation["upcoming"]
    person = Person.objects.get(slug="sofie-vandamme")
    Person.objects.filter(pk=person.pk).update(email="sofie@example.org")
    person.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):  # mailed once stored
        operations.invite(upcoming, user=None, person=person, language="nl")
    path = _registration_path(mail.outbox[-1])
    shown = client.get(path).content.decode()
    assert _html_lang(shown) == "nl"
    assert TITLE_NL in shown
    assert '<button type="submit" name="answer" value="register">' in shown
    assert '<button type="submit" name="answer" value="decline" class="secondary">' in shown
    done = client.post(path, {"answer": "register"}).content.decode()
    participant = Participant.objects.get(meeting=upcoming, person=person)
    assert participant.status == ParticipantStatus.REGISTERED
    assert '<p class="notice result" role="status">' in done


def test_a_full_meeting_puts_the_invitee_on_the_waiting_list(
    client, consultation, django_capture_on_commit_callbacks
):
    upcoming = consultation["upcoming"]
    operations.update_meeting(upcoming, user=None, version=upcoming.version, capacity=1)
    paths = []
    for slug, email in (
        ("sofie-vandamme", "sofie@example.org"),
        ("hanne-demeulenaere", "hanne@example.org"),
    ):
        person = Person.objects.get(slug=slug)
        with django_capture_on_commit_callbacks(execute=True):
            operations.invite(upcoming, user=None, person=person, email=email, language="en")
        paths.append(_registration_path(mail.outbox[-1]))
    client.post(paths[0], {"answer": "register"})
    html = client.post(paths[1], {"answer": "register"}).content.decode()
    assert "The meeting is full: you are on the waiting list." in html
    statuses = dict(
        Participant.objects.filter(meeting=upcoming).values_list("person__slug", "status")
    )
    assert statuses == {"sofie-vandamme": "registered", "hanne-demeulenaere": "waiting"}
    client.post(paths[0], {"answer": "decline"})
    statuses = dict(
        Participant.objects.filter(meeting=upcoming).values_list("person__slug", "status")
    )
    assert statuses == {"sofie-vandamme": "declined", "hanne-demeulenaere": "registered"}


def test_a_bad_registration_link_is_not_found(client, consultation):
    assert client.get("/en/meetings/register/not-a-token/").status_code == 404
    assert (
        client.post("/en/meetings/register/not-a-token/", {"answer": "register"}).status_code == 404
    )


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_every_organiser_page_renders_in_each_language(client, consultation, editor_of_menen, lang):
    upcoming = consultation["upcoming"]
    item = upcoming.agenda.get()
    client.force_login(editor_of_menen)
    paths = [
        "new/",
        f"{upcoming.pk}/edit/",
        f"{upcoming.pk}/next/",
        f"{upcoming.pk}/agenda/",
        f"{upcoming.pk}/agenda/{item.pk}/",
        f"{upcoming.pk}/participants/",
        f"{upcoming.pk}/minutes/de/",
        f"{upcoming.pk}/decisions/",
        f"{upcoming.pk}/actions/",
        "follow-up/",
        "series/menen-halluin/",
    ]
    for path in paths:
        response = client.get(f"/{lang}/meetings/{path}")
        assert (path, response.status_code) == (path, 200)
        assert _html_lang(response.content.decode()) == lang


def test_a_chair_whose_post_has_ended_is_kept_when_the_meeting_is_edited(
    client, consultation, editor_of_menen
):

    upcoming = consultation["upcoming"]
    before = sorted(upcoming.chairs.values_list("person__slug", "country"))
    data = _form(
        title="Nouveau titre",
        language="fr",
        start=upcoming.local_start.strftime("%Y-%m-%dT%H:%M"),
        end=upcoming.local_end.strftime("%Y-%m-%dT%H:%M"),
        series=str(upcoming.series_id),
        version=str(upcoming.version),
    )
    data["chairs-0-post"] = ""  # the French chair's post has ended: no longer offered
    ended = upcoming.chairs.get(country="FR").post
    Post.objects.filter(pk=ended.pk).update(start=date(2020, 1, 1), end=date(2020, 12, 31))
    client.force_login(editor_of_menen)
    html = client.get(f"/en/meetings/{upcoming.pk}/edit/").content.decode()
    assert "Kept as recorded (their post has ended or was not recorded):" in html

    response = client.post(f"/en/meetings/{upcoming.pk}/edit/", data)

    assert response.status_code == 302
    assert sorted(upcoming.chairs.values_list("person__slug", "country")) == before


def test_the_list_export_quotes_cells_that_a_spreadsheet_would_run(client, consultation):
    Meeting.objects.filter(pk=consultation["past"].pk).update(title="+cmd|' /C calc'!A0")

    response = client.get("/en/meetings/export.csv?when=past")

    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["title"] == "'+cmd|' /C calc'!A0"


def test_the_organiser_invites_a_person_typed_by_name(client, consultation, editor_of_menen):
    past = consultation["past"]
    client.force_login(editor_of_menen)
    url = f"/en/meetings/{past.pk}/participants/"

    page = client.get(url).content.decode()
    response = client.post(url, {"person": "Sofie Vandamme (sofie-vandamme)"})

    assert 'data-suggest="/en/people/suggest/"' in page
    assert response["Location"] == url
    assert Participant.objects.get(meeting=past).person.slug == "sofie-vandamme"


def test_an_unknown_action_owner_is_a_field_error_with_suggestions(
    client, consultation, editor_of_menen
):
    upcoming = consultation["upcoming"]
    client.force_login(editor_of_menen)

    html = client.post(
        f"/en/meetings/{upcoming.pk}/actions/",
        {"title": "Écrire la note", "owner_organisation": "Stad"},
    ).content.decode()

    assert "No organisation you may choose is called “Stad”. Did you mean:" in html
    assert "Stad Menen (menen)" in html
    assert not Action.objects.filter(meeting=upcoming).exists()


@pytest.mark.parametrize(
    ("path", "rich"),
    [
        ("edit/", ["description"]),
        ("translate/nl/", ["description"]),
        ("agenda/", ["description"]),
        ("minutes/fr/", ["body"]),
    ],
)
def test_the_meeting_forms_edit_their_rich_texts_with_the_editor(
    client, consultation, editor_of_menen, path, rich
):
    client.force_login(editor_of_menen)
    html = client.get(f"/nl/meetings/{consultation['upcoming'].pk}/{path}").content.decode()

    assert re.findall(r'<textarea name="([a-z_]+)" data-richtext="1"', html) == rich
    assert 'data-label-heading2="Kop"' in html
    for asset in (
        '<link href="/static/vendor/pell/pell.min.css" media="all" rel="stylesheet">',
        '<script src="/static/vendor/pell/pell.min.js"></script>',
        '<script src="/static/js/richtext.js"></script>',
    ):
        assert html.count(asset) == 1
