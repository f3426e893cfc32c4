"""Demo data of the legal library, for ``trefpunt load-demo``.

When the real corpus is present (``$TREFPUNT_SHARED_DATA/nl-crossborder-treaties/…jsonl``,
by default ``shared/data`` next to the checkout) the whole file is imported (425 acts);
otherwise the packaged extract ``data/treaties_extract.jsonl`` (10 crisis and cooperation
treaties, preamble and first three articles, built by ``data/make_extract.py``). Importing is
an upsert, so running it twice creates nothing.
"""

import os
from pathlib import Path

from . import operations
from .importer import TreatyFile

CORPUS = Path("nl-crossborder-treaties") / "treaties_crossborder_BE_LU_DE_FR.jsonl"
EXTRACT = Path(__file__).with_name("data") / "treaties_extract.jsonl"


def shared_corpus() -> Path | None:
    folder = os.environ.get("TREFPUNT_SHARED_DATA")
    root = Path(folder) if folder else Path(__file__).resolve().parents[4] / "shared" / "data"
    path = root / CORPUS
    return path if path.is_file() else None


def load(source: Path | None = None) -> int:
    """Import the corpus (or the packaged extract); returns the number of acts created."""
    path = source or shared_corpus() or EXTRACT
    return operations.import_acts(TreatyFile(path)).created
