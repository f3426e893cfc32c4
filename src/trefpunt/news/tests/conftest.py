"""Fixtures of the news tests: a few articles by Menen and the Benelux Secretariat-General."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.cache import cache
from django.utils import timezone

from trefpunt.news import counting, operations
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices.models import Theme

BRUSSELS = ZoneInfo("Europe/Brussels")


@pytest.fixture(autouse=True)
def _isolated(lexical_only, settings, tmp_path):
    """Lexical index only, uploads in a temporary folder, no view counts left over."""
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    counting.BUFFER.drain()
    yield
    counting.BUFFER.drain()
    cache.clear()


@pytest.fixture
def secretariat(demo_directory):
    return Organisation.objects.get(slug="benelux-secretariat-general")


@pytest.fixture
def news(menen, secretariat):
    """Three public articles (one translated into French and German), a draft of Menen and
    one scheduled for tomorrow."""
    crisis = Theme.objects.get(slug="crisis-management")
    mobility = Theme.objects.get(slug="mobility-transport")
    crisis_centres = operations.create_article(
        user=None,
        status="published",
        author=secretariat,
        language="nl",
        title="Crisiscentra overleggen",
        summary="De directeurs kwamen <strong>samen</strong>.",
        body="<p>Over wederzijdse bijstand.</p><script>alert(1)</script>",
        published_at=datetime(2024, 6, 24, 18, 0, tzinfo=BRUSSELS),
        themes=[crisis],
        territories=[Territory.objects.get(code="BE-NIS:21004")],
        organisations=[Organisation.objects.get(slug="nccn-be")],
    )
    operations.save_article_translation(
        crisis_centres,
        user=None,
        language="fr",
        title="Les centres de crise se concertent",
        summary="Les directeurs se sont réunis.",
        body="<p>Sur l'assistance mutuelle.</p>",
        origin="machine",
    )
    operations.save_article_translation(
        crisis_centres,
        user=None,
        language="de",
        title="Krisenzentren beraten sich",
        summary="Die Direktoren trafen sich.",
        origin="human",
    )
    bus = operations.create_article(
        user=None,
        status="published",
        author=menen,
        language="nl",
        title="Grensbus naar Halluin",
        summary="Een nieuwe lijn.",
        published_at=datetime(2025, 3, 1, 9, 0, tzinfo=BRUSSELS),
        themes=[mobility],
    )
    council = operations.create_article(
        user=None,
        status="published",
        author=secretariat,
        language="fr",
        title="Le Conseil Benelux prépare le Comité de Ministres",
        summary="Réunion des hauts fonctionnaires.",
        published_at=datetime(2021, 11, 25, 17, 0, tzinfo=BRUSSELS),
    )
    draft = operations.create_article(
        user=None, author=menen, language="nl", title="Ontwerp over fietspaden"
    )
    scheduled = operations.create_article(
        user=None,
        status="published",
        author=menen,
        language="nl",
        title="Morgen te lezen",
        published_at=timezone.now() + timedelta(days=1),
    )
    return {
        "crisis_centres": crisis_centres,
        "bus": bus,
        "council": council,
        "draft": draft,
        "scheduled": scheduled,
    }
