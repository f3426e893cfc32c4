"""Shared fixtures: users with roles, and the real data folder (skipped cleanly when absent)."""

import os
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import translation

from trefpunt.accounts import operations as accounts
from trefpunt.organisations import demo
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation
from trefpunt.places import operations
from trefpunt.places.importers import packaged


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the default language: a request through the test client activates
    its URL's language for the rest of the thread, which would leak into the next test."""

    translation.activate("en")
    yield
    translation.deactivate()


SHARED_DATA = Path(
    os.environ.get("TREFPUNT_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")
)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def packaged_gazetteer(db):

    return operations.import_territories(packaged.records())


@pytest.fixture(scope="module")
def _demo_directory_once(django_db_setup, django_db_blocker):
    """Load the packaged gazetteer and the demo directory once per test module.

    The data lives in an outer transaction that each test's own transaction nests in (as
    Django's ``setUpTestData`` does) and is rolled back after the module: tests stay isolated
    without paying ~1.5 s each for the import. Not for ``transactional_db`` or ``live_server``
    tests: their flush would run inside this transaction.
    """

    with django_db_blocker.unblock(), transaction.atomic():
        operations.import_territories(packaged.records())
        demo.load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_directory(_demo_directory_once, db):
    """The packaged gazetteer and the demo organisations, people, posts and relations."""


@pytest.fixture
def make_user(db, settings):

    # Argon2 costs ~0.3 s a hash; tests check who may do what, not the hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    def make(username: str, password: str = "a long test password"):
        return get_user_model().objects.create_user(
            username=username, email=f"{username}@example.org", password=password
        )

    return make


@pytest.fixture
def curator(make_user):
    user = make_user("curator")
    accounts.grant_role(by=None, user=user, role="curator")
    return user


@pytest.fixture
def editor_of_menen(demo_directory, make_user):
    user = make_user("editor.menen")
    menen = Organisation.objects.get(slug="menen")
    directory.add_member(by=None, user=user, organisation=menen, role="editor")
    return user


@pytest.fixture
def outsider(make_user):
    """Signed in, but a member of no organisation and without platform roles."""
    return make_user("outsider")


@pytest.fixture
def api_client_with_token(db):
    """``api_client_with_token(user)``: a test client that sends a fresh bearer token."""

    def make(user):
        _token, raw = accounts.issue_token(user=user, label="tests")
        return Client(headers={"Authorization": f"Bearer {raw}"})

    return make
