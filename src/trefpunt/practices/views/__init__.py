"""The pages of the knowledge base: practices, their translations and versions, collections."""

from .attachments import practice_attachment
from .collection_editing import (
    collection_create,
    collection_edit,
    collection_step,
    collection_translate,
)
from .collections import collection_detail, collection_list, collection_pdf, practice_suggest
from .editing import practice_create, practice_edit, practice_translate
from .reading import get_practice_for_user, practice_detail, practice_export, practice_list
from .versions import practice_versions

__all__ = [
    "collection_create",
    "collection_edit",
    "collection_step",
    "collection_translate",
    "collection_detail",
    "collection_list",
    "collection_pdf",
    "get_practice_for_user",
    "practice_attachment",
    "practice_create",
    "practice_detail",
    "practice_edit",
    "practice_export",
    "practice_list",
    "practice_suggest",
    "practice_translate",
    "practice_versions",
]
