"""Fixtures of the practices tests: the demo practices and collections, loaded once a module."""

import pytest
from django.db import transaction
from django.test import override_settings

from trefpunt.practices import demo


@pytest.fixture(scope="module")
def _demo_practices_once(_demo_directory_once, django_db_blocker):
    """The demo practices on top of the gazetteer and directory, rolled back after the module."""
    with (
        django_db_blocker.unblock(),
        override_settings(TREFPUNT_EMBEDDER="none"),
        transaction.atomic(),
    ):
        created = demo.load()
        yield created
        transaction.set_rollback(True)


@pytest.fixture
def demo_practices(_demo_practices_once, db, lexical_only):
    """The demo practices and collections (`trefpunt load-demo`); how many records were created."""
    return _demo_practices_once
