"""Who may change the gazetteer: curators (and the system: CLI, importers, demo loader).
Everyone reads it."""

from trefpunt.accounts.permissions import is_curator


def can_correct_gazetteer(user) -> bool:
    """``user=None`` is the system itself."""
    return user is None or is_curator(user)
