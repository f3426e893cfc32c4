"""The home page: search, map, the next meetings and the latest news."""

from datetime import timedelta

import pytest
from django.utils import timezone

from trefpunt.meetings import operations as meetings
from trefpunt.news import operations as news
from trefpunt.organisations.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("lexical_only")]


def _meeting(title, *, days, visibility="public"):
    start = timezone.now() + timedelta(days=days)
    return meetings.schedule_meeting(
        user=None,
        organiser=Organisation.objects.get(slug="menen"),
        kind="expert",
        language="nl",
        title=title,
        start=start,
        end=start + timedelta(hours=2),
        online_url="https://meet.example.org/room",
        visibility=visibility,
    )


def test_home_shows_the_next_visible_meetings_and_the_latest_news(
    demo_directory, client, django_assert_max_num_queries
):
    _meeting("Overleg over grensarbeid", days=10)
    _meeting("Crisisoverleg", days=5, visibility="restricted")
    _meeting("Vorig overleg", days=-10)
    news.create_article(
        user=None,
        status="published",
        author=Organisation.objects.get(slug="menen"),
        language="nl",
        title="Menen opent een grenskantoor",
        published_at=timezone.now() - timedelta(hours=1),
    )

    with django_assert_max_num_queries(12):
        response = client.get("/nl/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Overleg over grensarbeid" in page
    assert "Crisisoverleg" not in page  # restricted
    assert "Vorig overleg" not in page  # past
    assert "Menen opent een grenskantoor" in page


def test_home_says_when_nothing_is_planned_or_published(db, client):
    page = client.get("/en/").content.decode()
    assert "No meetings are planned yet." in page
    assert "No news has been published yet." in page
