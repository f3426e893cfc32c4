"""Shared fixtures: users with roles, and the real data folder (skipped cleanly when absent)."""

import os
from pathlib import Path

import pytest

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
    from trefpunt.places import operations
    from trefpunt.places.importers import packaged

    return operations.import_territories(packaged.records())
