"""The news pages: current articles, the archive, one article, feeds and editing."""

from .editing import (
    article_archive_action,
    article_create,
    article_edit,
    article_publish,
    article_translate,
)
from .reading import (
    article_archive,
    article_detail,
    article_export,
    article_feed,
    article_list,
    get_article_for_user,
)

__all__ = [
    "article_archive",
    "article_archive_action",
    "article_create",
    "article_detail",
    "article_edit",
    "article_export",
    "article_feed",
    "article_list",
    "article_publish",
    "article_translate",
    "get_article_for_user",
]
