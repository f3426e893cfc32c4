"""Ask Trefpunt compares competence themes (organisations) with practice themes by slug."""

from trefpunt.organisations.models import CompetenceTheme
from trefpunt.practices.models import Theme


def test_every_competence_theme_is_a_theme_of_the_shared_taxonomy(db):
    assert set(CompetenceTheme.values) == set(Theme.objects.values_list("slug", flat=True))
