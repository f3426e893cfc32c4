"""The demo accounts: who they are and what they may do with the demo meetings."""

import pytest
from django.contrib.auth import get_user_model

from trefpunt.meetings import access
from trefpunt.meetings import demo as meetings_demo
from trefpunt.meetings.models import Meeting
from trefpunt.organisations import demo_accounts

pytestmark = pytest.mark.django_db


def test_demo_accounts_exist_only_while_debugging(demo_directory, settings):
    settings.DEBUG = False
    assert demo_accounts.load_accounts() == 0
    assert not get_user_model().objects.filter(username="mayor.halluin").exists()


def test_demo_accounts_organise_and_take_part_in_the_consultations(
    demo_directory, lexical_only, settings
):
    settings.DEBUG = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    assert demo_accounts.load_accounts() == 4
    assert demo_accounts.load_accounts() == 0
    meetings_demo.load()
    users = {u.username: u for u in get_user_model().objects.all()}
    consultation = (
        Meeting.objects.filter(series__slug="eurometropolis-local-consultation")
        .order_by("start")
        .first()
    )

    assert users["mayor.halluin"].person.slug == "marc-duhamel"
    assert access.is_participant(users["mayor.halluin"], consultation)
    assert access.can_organise(users["editor.eurometropolis"], consultation)
    assert not access.can_organise(users["editor.menen"], consultation)
    assert access.readable_minutes(users["mayor.halluin"], consultation)
