"""Obstacles cite treaty articles; re-importing a treaty never breaks those citations."""

import pytest

from trefpunt.legal import operations as legal
from trefpunt.legal.importer import TreatyRecord
from trefpunt.legal.models import Article
from trefpunt.obstacles import operations

pytestmark = pytest.mark.django_db

TEXT = "Verdrag\n\n####Artikel 1\n\nDe partijen werken samen.\n\n####Artikel 2\n\nSlot.\n"


def test_a_reimported_treaty_keeps_the_articles_obstacles_cite(report, legal_act):
    obstacle = report()
    cited = legal_act.articles.get(anchor="art-3")
    provision = operations.add_provision(
        obstacle, user=None, country="BE", act=legal_act, article=cited
    )
    record = TreatyRecord(
        line=1, bwb_id=legal_act.bwb_id, title=legal_act.title, text=TEXT, crisis_related=False
    )

    summary = legal.import_acts([record])

    assert (summary.created, summary.updated) == (0, 1)
    provision.refresh_from_db()
    assert provision.article_id == cited.pk
    assert sorted(Article.objects.filter(act=legal_act).values_list("anchor", flat=True)) == [
        "art-1",
        "art-2",
        "art-3",
    ]
