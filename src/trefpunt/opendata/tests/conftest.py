"""Fixtures of the open-data tests: every app's demo data, loaded once a module."""

from importlib import import_module

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

DEMO_APPS = ("legal", "practices", "meetings", "news", "obstacles", "programme", "assistance")


@pytest.fixture(scope="module")
def _demo_once(_demo_directory_once, django_db_blocker):
    """The whole demo (on the gazetteer and directory), rolled back after the module."""
    with (
        django_db_blocker.unblock(),
        override_settings(TREFPUNT_EMBEDDER="none"),
        transaction.atomic(),
    ):
        for app in DEMO_APPS:
            import_module(f"trefpunt.{app}.demo").load()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_once, db, lexical_only):
    cache.clear()
    yield
    cache.clear()
