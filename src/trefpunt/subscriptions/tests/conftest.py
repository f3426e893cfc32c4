"""The cast of the subscription tests: readers in three languages and today's items."""

from datetime import timedelta

import pytest
from django.utils import timezone

from trefpunt.accounts import operations as accounts
from trefpunt.news.models import Article, ArticleTranslation
from trefpunt.organisations.models import Organisation
from trefpunt.practices.models import Practice, PracticeTranslation, Theme


@pytest.fixture
def reader(make_user):
    """``reader(username, language, email)``: a user whose mails are in ``language``."""

    def make(username, language, email=None):
        user = make_user(username)
        user.email = email if email is not None else f"{username}@example.org"
        user.save(update_fields=["email"])
        if language:
            accounts.set_mail_language(user, language)
        return user

    return make


@pytest.fixture
def mobility(db):
    return Theme.objects.get(slug="mobility-transport")


@pytest.fixture
def todays_items(demo_directory, mobility, settings):
    """A published article and a published practice on mobility, both by Menen, with Dutch
    and French titles; a draft article and an old article on the same theme."""
    settings.TREFPUNT_SITE_URL = "https://trefpunt.example"
    menen = Organisation.objects.get(slug="menen")
    now = timezone.now()
    article = Article.objects.create(
        language="en",
        title="New bus line Menen–Halluin",
        status="published",
        published_at=now - timedelta(hours=2),
        author=menen,
    )
    article.themes.set([mobility])
    ArticleTranslation.objects.create(
        article=article, language="nl", title="Nieuwe buslijn Menen–Halluin"
    )
    draft = Article.objects.create(
        language="en", title="Draft about buses", status="draft", author=menen
    )
    draft.themes.set([mobility])
    old = Article.objects.create(
        language="en",
        title="Old news about buses",
        status="published",
        published_at=now - timedelta(days=3),
        author=menen,
    )
    old.themes.set([mobility])
    Article.objects.filter(pk=old.pk).update(updated_at=now - timedelta(days=3))
    practice = Practice.objects.create(
        language="nl", title="Deelfietsen over de grens", status="published", owner=menen
    )
    practice.themes.set([mobility])
    PracticeTranslation.objects.create(
        practice=practice, language="fr", title="Vélos partagés transfrontaliers"
    )
    return {"article": article, "draft": draft, "old": old, "practice": practice}
