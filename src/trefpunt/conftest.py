"""Shared fixtures of every app's tests: the cast, the demo directory, the index and real data.

The cast (users and organisations of the demo directory, which ``demo_directory`` loads once
per module and rolls back after it):

- ``curator``: a platform curator, acts for every organisation.
- ``editor_of_menen``: editor of the municipality of Menen (and of its sub-units).
- ``editor_of_kortrijk``: editor of Kortrijk, a neighbour of Menen: "another organisation".
- ``outsider``: signed in, member of no organisation, no platform role.
- ``make_user(username)``: any other user (cheap password hashing).
- ``menen``, ``kortrijk``: the two organisations.
- ``sub_units``: Menen's housing department and the teams below it, by depth (1 to 3).

The rest: ``demo_directory`` (packaged gazetteer + demo organisations, people, posts),
``packaged_gazetteer`` (the gazetteer only), ``demo_meetings`` (the demo meetings on the
demo directory), ``lexical_only`` (no embedder: the index keeps
words only, no model is loaded; fresh in-memory index before and after),
``api_client_with_token(user)`` (a client sending a bearer token) and ``shared_data`` (the real
data folder; skips when absent).
"""

import os
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.utils import translation

from trefpunt.accounts import operations as accounts
from trefpunt.meetings import demo as meetings_demo
from trefpunt.organisations import demo
from trefpunt.organisations import operations as directory
from trefpunt.organisations.models import Organisation
from trefpunt.places import operations
from trefpunt.places.importers import packaged
from trefpunt.practices import demo as practices_demo
from trefpunt.practices.models import Theme
from trefpunt.search import memory


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


@pytest.fixture(autouse=True)
def _theme_seed(request):
    """Tests on a rolled-back database find the theme taxonomy its data migration seeds, even
    after a transactional test in the same worker flushed it."""
    names = request.fixturenames
    if "db" in names and "transactional_db" not in names and "live_server" not in names:
        request.getfixturevalue("db")
        if Theme.objects.count() < len(practices_demo.SEED.THEMES):
            practices_demo.SEED.seed_themes(apps, None)


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture
def lexical_only(settings):
    """No embedder (fast: no model to load); the in-memory index starts and ends empty."""

    settings.TREFPUNT_EMBEDDER = "none"
    memory.forget()
    yield
    memory.forget()


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
    """The packaged gazetteer and the demo organisations, people, posts and relations, and
    the theme taxonomy its data migration seeds (a transactional test in the same worker
    may have flushed it)."""
    if Theme.objects.count() < len(practices_demo.SEED.THEMES):
        practices_demo.SEED.seed_themes(apps, None)


@pytest.fixture
def demo_meetings(demo_directory, lexical_only):
    """The demo meetings and series on the demo directory; how many records loading created."""

    return meetings_demo.load()


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
def editor_of_kortrijk(demo_directory, make_user):
    """Editor of Kortrijk: an organisation other than Menen (and not above it)."""
    user = make_user("editor.kortrijk")
    kortrijk = Organisation.objects.get(slug="kortrijk")
    directory.add_member(by=None, user=user, organisation=kortrijk, role="editor")
    return user


@pytest.fixture
def menen(demo_directory):
    return Organisation.objects.get(slug="menen")


@pytest.fixture
def kortrijk(demo_directory):
    return Organisation.objects.get(slug="kortrijk")


@pytest.fixture
def sub_units(menen):
    """Menen's housing department, and a team three levels below Menen: ``{depth: unit}``."""
    parent, made = menen, {}
    for depth, slug in enumerate(("menen-housing", "menen-housing-renovation", "menen-coaches"), 1):
        parent = directory.create_organisation(
            user=None, slug=slug, name=slug, kind="team", language="nl", country="BE", parent=parent
        )
        made[depth] = parent
    return made


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
