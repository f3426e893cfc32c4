"""Ask Trefpunt compares competence themes (organisations) with practice themes by slug."""

from importlib import import_module

from trefpunt.organisations.models import CompetenceTheme

# The shared taxonomy as its data migration seeds it: a flush by a transactional test in the
# same worker may have emptied the table, so the test reads the seed, not the rows.
SEED = import_module("trefpunt.practices.migrations.0002_seed_themes")


def test_every_competence_theme_is_a_theme_of_the_shared_taxonomy():
    assert set(CompetenceTheme.values) == set(SEED.THEMES)
