"""Demo practices and collections, written by us and marked ``is_demo``: data in
``practices.jsonl`` and ``collections.jsonl`` (the ``import-practices`` format, see
``docs/import-formats.md``), loaded through the importer.

The places, institutions and public events they mention are real (the garden cities of Genk,
the mining estates of Gelsenkirchen, the 2021 Vesdre floods, the Maastricht–Liège train…);
the practices themselves are retold in our own words, without figures we cannot source and
without real people. Loading adds what is missing: a practice is keyed by its external id
(``demo:<key>``), a collection by its slug; what exists is left as it is.
"""

from importlib import import_module
from pathlib import Path

from django.apps import apps

from trefpunt.places.importers.base import ImportProblem

from .. import operations
from ..importer import PracticeFile, parse_collection
from ..models import Collection, Practice, Theme

HERE = Path(__file__).resolve().parent
PRACTICES = HERE / "practices.jsonl"
COLLECTIONS = HERE / "collections.jsonl"
# The shared theme taxonomy, as its data migration seeds it.
SEED = import_module("trefpunt.practices.migrations.0002_seed_themes")


def load(stdout=None) -> int:
    """Create the demo practices and collections that are missing; returns how many records
    (practices, translations, collections and their translations)."""
    if Theme.objects.count() < len(SEED.THEMES):  # a flushed database (live-server tests)
        SEED.seed_themes(apps, None)
    stored = set(
        Practice.objects.filter(external_id__startswith="demo:").values_list(
            "external_id", flat=True
        )
    )
    practices = [
        record
        for record in PracticeFile(PRACTICES)
        if isinstance(record, ImportProblem) or record.external_id not in stored
    ]
    created = 0
    if practices:
        summary = operations.import_practices(practices)
        created += summary.created + summary.translations
    slugs = set(Collection.objects.values_list("slug", flat=True))
    collections = [
        record
        for record in PracticeFile(COLLECTIONS, parse=parse_collection)
        if isinstance(record, ImportProblem) or record.slug not in slugs
    ]
    if collections:
        created += operations.import_collections(collections)
    return created
