"""Long lists on a meeting's page come 25 rows at a time, with a page parameter per list and
the same number of queries however long the lists grow."""

from datetime import date, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from trefpunt.meetings import operations
from trefpunt.meetings.models import Action, Decision, Participant
from trefpunt.meetings.views.meeting import LIST_PAGE_SIZE
from trefpunt.organisations.models import Organisation, Person


@pytest.fixture
def series_meetings(schedule):
    menen = Organisation.objects.get(slug="menen")
    series = operations.create_series(
        user=None,
        organiser=menen,
        slug="menin-halluin",
        name="Concertation Menin–Halluin",
        language="fr",
        kind="local_consultation",
    )
    earlier = schedule(series=series)
    meeting = schedule(series=series, start=datetime(2027, 1, 7, 14), end=datetime(2027, 1, 7, 16))
    return menen, earlier, meeting


def _grow(menen, earlier, meeting, rows: int) -> None:
    """``rows`` more participants, decisions and actions, and as many open earlier actions."""
    start = Decision.objects.filter(meeting=meeting).count()
    invited = Person.objects.bulk_create(
        Person(slug=f"guest-{start + n}", given_name="Guest", family_name=str(start + n))
        for n in range(rows)
    )
    Participant.objects.bulk_create(
        Participant(meeting=meeting, person=person, status="registered") for person in invited
    )
    Decision.objects.bulk_create(
        Decision(meeting=meeting, number=start + n + 1, language="fr", text=f"Décision {start + n}")
        for n in range(rows)
    )
    for target in (meeting, earlier):
        Action.objects.bulk_create(
            Action(
                meeting=target,
                title=f"Action {target.pk}-{start + n}",
                owner_organisation=menen,
                due_date=date(2027, 6, 30),
            )
            for n in range(rows)
        )


def _queries(client, meeting, query="") -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(meeting.get_absolute_url() + query)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_each_long_list_is_paged_and_the_query_count_stays_constant(
    client, series_meetings, django_assert_num_queries
):
    menen, earlier, meeting = series_meetings
    _grow(menen, earlier, meeting, 30)
    queries_at_30, page = _queries(client, meeting)
    context = client.get(meeting.get_absolute_url()).context
    assert [len(context[name]) for name in ("participants", "decisions", "actions", "carried")] == [
        LIST_PAGE_SIZE
    ] * 4
    for name in ("participants", "decisions", "actions", "carried"):
        pages = context[f"{name}_pages"]
        assert (pages["param"], pages["page"].paginator.count) == (f"{name}_page", 30)
        assert f"{name}_page=2#{name}-title" in page

    _grow(menen, earlier, meeting, 170)
    queries_at_200, page = _queries(client, meeting)
    assert queries_at_200 == queries_at_30
    assert "Page 1 of 8" in page

    # The second page of the actions: rows 26 to 50 of 200, the other lists on their first.
    context = client.get(meeting.get_absolute_url() + "?actions_page=2").context
    assert [action.title for action in context["actions"]][:1] == [f"Action {meeting.pk}-25"]
    assert len(context["decisions"]) == LIST_PAGE_SIZE
    assert context["decisions"][0].text == "Décision 0"
    # The counts above the participants still cover everyone.
    assert context["status_counts"][0]["count"] == 200


def test_a_page_number_out_of_range_shows_the_last_page(client, series_meetings):
    menen, earlier, meeting = series_meetings
    _grow(menen, earlier, meeting, 30)
    for query in ("?decisions_page=99", "?decisions_page=x"):
        context = client.get(meeting.get_absolute_url() + query).context
        assert len(context["decisions"]) == (5 if query.endswith("99") else LIST_PAGE_SIZE)
