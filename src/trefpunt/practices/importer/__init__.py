"""Reading and checking practices and collections to import (``trefpunt import-practices``
and the demo content): JSON Lines, one object per line; ``docs/import-formats.md`` describes
the format. Writing the checked records is ``operations.imports``.
"""

from .checking import MAX_PROBLEMS, ImportFailed, Progress, References, check_all
from .reading import (
    COLLECTION_KEYS,
    COLLECTION_TRANSLATION_KEYS,
    IMPORT_KEYS,
    IMPORT_LISTS,
    IMPORT_SCALARS,
    IMPORT_STATUSES,
    LANGUAGES,
    RICH_TEXT_FIELDS,
    TRANSLATION_KEYS,
    CollectionRecord,
    ImportProblem,
    PracticeFile,
    PracticeRecord,
    parse_collection,
    parse_record,
)

__all__ = [
    "COLLECTION_KEYS",
    "COLLECTION_TRANSLATION_KEYS",
    "IMPORT_KEYS",
    "IMPORT_LISTS",
    "IMPORT_SCALARS",
    "IMPORT_STATUSES",
    "LANGUAGES",
    "MAX_PROBLEMS",
    "RICH_TEXT_FIELDS",
    "TRANSLATION_KEYS",
    "CollectionRecord",
    "ImportFailed",
    "ImportProblem",
    "PracticeFile",
    "PracticeRecord",
    "Progress",
    "References",
    "check_all",
    "parse_collection",
    "parse_record",
]
