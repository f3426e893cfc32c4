"""Demo data of the legal library, for ``trefpunt load-demo``: the packaged extract
``data/treaties_extract.jsonl`` (10 real crisis and cooperation treaties, preamble and first
three articles, built from the public corpus by ``data/make_extract.py``). The whole corpus
(425 acts) loads with ``trefpunt import-treaties FILE``. Importing is an upsert, so running it
twice creates nothing.
"""

from pathlib import Path

from . import operations
from .importer import TreatyFile

EXTRACT = Path(__file__).with_name("data") / "treaties_extract.jsonl"


def load(source: Path | None = None) -> int:
    """Import the extract (or ``source``); returns the number of acts created."""
    return operations.import_acts(TreatyFile(source or EXTRACT)).created
