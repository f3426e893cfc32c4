"""Every write to practices, their translations, attachments, links and collections, and the
bulk import; one module per topic, each write ending in its side effects (history, index).

Views, the API, admin actions, the demo loader and the CLI all call these functions; the
public names are re-exported here (``from trefpunt.practices import operations``).
"""

from trefpunt.lib.content import EditConflict

from ..access import can_write
from ..importer import (
    IMPORT_KEYS,
    IMPORT_LISTS,
    IMPORT_SCALARS,
    CollectionRecord,
    ImportFailed,
    PracticeFile,
    PracticeRecord,
    parse_collection,
    parse_record,
)
from .attachments import ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, add_attachment, add_link
from .collections import (
    COLLECTION_FIELDS,
    COLLECTION_TRANSLATED_FIELDS,
    REVIEW_STEPS,
    add_collection_item,
    archive_collection,
    create_collection,
    move_review,
    order_collection_items,
    publish_collection,
    remove_collection_item,
    save_collection_translation,
    set_collection_items,
    update_collection,
)
from .imports import IMPORT_BATCH, ImportSummary, import_collections, import_practices
from .practices import (
    LANGUAGES,
    PRACTICE_FIELDS,
    RELATED,
    RICH_TEXT_FIELDS,
    archive_practice,
    create_practice,
    index_practice,
    publish_practice,
    record_history,
    update_practice,
)
from .translations import TRANSLATED_FIELDS, save_translation

__all__ = [
    "ATTACHMENT_TYPES",
    "COLLECTION_FIELDS",
    "COLLECTION_TRANSLATED_FIELDS",
    "IMPORT_BATCH",
    "IMPORT_KEYS",
    "IMPORT_LISTS",
    "IMPORT_SCALARS",
    "LANGUAGES",
    "MAX_ATTACHMENT_BYTES",
    "PRACTICE_FIELDS",
    "RELATED",
    "REVIEW_STEPS",
    "RICH_TEXT_FIELDS",
    "TRANSLATED_FIELDS",
    "CollectionRecord",
    "EditConflict",
    "ImportFailed",
    "ImportSummary",
    "PracticeFile",
    "PracticeRecord",
    "add_attachment",
    "add_collection_item",
    "archive_collection",
    "add_link",
    "archive_practice",
    "can_write",
    "create_collection",
    "create_practice",
    "import_collections",
    "import_practices",
    "index_practice",
    "move_review",
    "order_collection_items",
    "parse_collection",
    "parse_record",
    "publish_collection",
    "publish_practice",
    "record_history",
    "remove_collection_item",
    "save_collection_translation",
    "save_translation",
    "set_collection_items",
    "update_collection",
    "update_practice",
]
