"""Fixtures for the calendar, API, reminder and demo tests of meetings."""

from datetime import datetime

import pytest

from trefpunt.meetings import operations
from trefpunt.organisations.models import Organisation, Person, Post


@pytest.fixture
def schedule(demo_directory):
    """``schedule(**overrides)``: a Menin–Halluin consultation organised by Menen, chaired by
    the two mayors, on Thursday 26 March 2026 from 14:00 to 16:00 in Brussels time."""

    def make(**overrides):
        halluin = Post.objects.current().get(organisation__slug="halluin", role="mayor")
        menen = Post.objects.current().get(organisation__slug="menen", role="mayor")
        values = {
            "user": None,
            "organiser": Organisation.objects.get(slug="menen"),
            "kind": "local_consultation",
            "language": "fr",
            "title": "Concertation locale Menin–Halluin",
            "description": "<p>Les maires parlent <strong>mobilité</strong>.</p>",
            "start": datetime(2026, 3, 26, 14, 0),
            "end": datetime(2026, 3, 26, 16, 0),
            "timezone": "Europe/Brussels",
            "address": "Grote Markt 1, Menen",
            "sides": ["FR", "BE"],
            "chairs": [
                {"person": halluin.person, "post": halluin, "country": None},
                {"person": menen.person, "post": menen, "country": None},
            ],
        }
        values.update(overrides)
        return operations.schedule_meeting(**values)

    return make


@pytest.fixture
def participant_user(demo_directory, make_user):
    """``participant_user(meeting)``: a signed-up user whose person (Wervik's mayor) is
    invited to ``meeting`` and registered."""

    def make(meeting, username="mayor.wervik"):
        user = make_user(username)
        person = Person.objects.get(slug="sofie-vandamme")
        if person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        else:
            user = person.user
        participant = operations.invite(meeting, user=None, person=person)
        operations.set_participant_status(participant, user=None, status="registered")
        return user

    return make
