"""Every write to news articles and their translations.

Views, the API, the admin and the demo loader call these functions. Each runs in one
transaction, checks who may write (curators, or editors of the author organisation;
``user=None`` is the system itself: CLI and demo loader), cleans rich text and the image,
writes one history row with the acting user and brings the search index up to date before the
transaction commits. A refused write raises ``PermissionDenied`` and changes nothing.
"""

import math

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from trefpunt.lib.content import (
    EditConflict,  # noqa: F401 (callers catch it here)
    change_status,
    check_translation,
    check_version,
    with_history_user,
    write_translation,
)
from trefpunt.lib.richtext import sanitise
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.search import index as search_index
from trefpunt.search.models import SearchDocument

from . import access
from .models import (
    CONTENT_LANGUAGES,
    MAX_IMAGE_BYTES,
    Article,
    ArticleTranslation,
    Origin,
    Status,
)
from .search import DOC_TYPE, documents_for, indexable

LANGUAGES = tuple(code for code, _label in CONTENT_LANGUAGES)
RELATED = ("themes", "territories", "organisations", "meetings")
ARTICLE_FIELDS = (
    "language",
    "title",
    "summary",
    "body",
    "published_at",
    "author",
    "image",
    "image_alt",
    "is_demo",
    "external_id",
)
RICH_TEXT_FIELDS = ("summary", "body")
# What Pillow calls the formats we accept, and the extension the stored file gets.
MAX_IMAGE_PIXELS = 40_000_000  # a 5 MB photo has ~24 million
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}
MEGABYTE = 1024 * 1024


# Permissions (the rules live in ``access``) ---------------------------------------------------

can_write = access.can_write
_require_writer = access.require_writer


# Index --------------------------------------------------------------------------------------


def _index(article: Article) -> None:
    """Public articles are in the index, in every language they can be read in; others not."""
    fresh = indexable(Article.objects.filter(pk=article.pk)).get()
    search_index.index_or_remove(DOC_TYPE, str(article.pk), documents_for(fresh))


# Checks -------------------------------------------------------------------------------------


def check_image(upload) -> str:
    """The extension the image is stored with; ``ValidationError`` on ``image`` when the file
    is too large or its content is not a PNG, JPEG, WebP or GIF image (whatever its name)."""
    if upload.size > MAX_IMAGE_BYTES:
        raise ValidationError(
            {
                "image": _("The image is larger than the %(limit)s MB limit (%(size)s MB).")
                % {
                    "limit": number_format(MAX_IMAGE_BYTES // MEGABYTE),
                    # Two decimals: a file just over the limit must not read as "5.00 MB"
                    # rounded down to the limit itself.
                    "size": number_format(
                        math.ceil(upload.size * 100 / MEGABYTE) / 100, decimal_pos=2
                    ),
                }
            }
        )
    upload.seek(0)
    too_large = ValidationError(
        {
            "image": _("The image has more than %(limit)s million pixels.")
            % {"limit": number_format(MAX_IMAGE_PIXELS // 1_000_000)}
        }
    )
    try:
        # Opening reads the header only; the declared size is checked before any decoding
        # (Pillow refuses past twice its own limit, a 70-byte file may declare 10^10 pixels).
        with Image.open(upload) as image:
            kind = image.format
            if image.width * image.height > MAX_IMAGE_PIXELS:
                raise too_large
            image.verify()
    except Image.DecompressionBombError:
        raise too_large from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        kind = None
    finally:
        upload.seek(0)
    if kind not in IMAGE_FORMATS:
        raise ValidationError(
            {"image": _("This file is not an image we accept (PNG, JPEG, WebP or GIF).")}
        )
    return IMAGE_FORMATS[kind]


def _check_related(values: dict) -> None:
    models = {"themes": "practices.Theme", "meetings": "meetings.Meeting"}
    for name, items in values.items():
        if items is None:
            continue
        model = {"territories": Territory, "organisations": Organisation}.get(name)
        model = model or apps.get_model(models[name])
        wanted = {getattr(item, "pk", item) for item in items}
        if len(wanted) != model.objects.filter(pk__in=wanted).count():
            raise ValidationError({name: _("Some of the chosen items do not exist.")})


def _clean_values(fields: dict) -> tuple[dict, dict]:
    """Split ``fields`` into the article's own fields and its relations; clean the values."""
    own, related = {}, {}
    for name, value in fields.items():
        if name in RELATED:
            related[name] = list(value) if value is not None else None
        elif name in ARTICLE_FIELDS:
            if name == "image" and not value:
                continue  # no upload: nothing to set (an edit keeps the current image)
            if name in RICH_TEXT_FIELDS:
                value = sanitise(value)
            elif isinstance(value, str):
                value = value.strip()
            own[name] = value
        else:
            raise ValidationError({name: _("This field cannot be set here.")})
    if own.get("external_id") == "":
        own["external_id"] = None
    if own.get("image"):
        extension = check_image(own["image"])
        own["image"].name = f"image.{extension}"
    return own, related


def _check_article(article: Article) -> None:
    article.full_clean(exclude=["image"])
    if article.image and not article.image_alt.strip():
        raise ValidationError({"image_alt": _("Describe the image for readers who cannot see it.")})
    if article.published_at and timezone.is_naive(article.published_at):
        raise ValidationError({"published_at": _("Give the time with its time zone.")})


def _set_related(article: Article, related: dict) -> bool:
    changed = False
    for name, items in related.items():
        if items is None:
            continue
        manager = getattr(article, name)
        wanted = {getattr(item, "pk", item) for item in items}
        if wanted != set(manager.values_list("pk", flat=True)):
            manager.set(items)
            changed = True
    return changed


# Articles -----------------------------------------------------------------------------------


@transaction.atomic
def create_article(*, user, status: str = Status.DRAFT, **fields) -> Article:
    """A new article (a draft unless ``status="published"``) with its themes, territories,
    organisations and meetings (model instances or primary keys).

    Published without ``published_at``, it is published now."""
    own, related = _clean_values(fields)
    _require_writer(user, own.get("author"))
    if status not in (Status.DRAFT, Status.PUBLISHED):
        raise ValidationError({"status": _("A new article is a draft or published.")})
    article = Article(status=status, **own)
    if status == Status.PUBLISHED and article.published_at is None:
        article.published_at = timezone.now()
    _check_article(article)
    _check_related(related)
    with_history_user(article, user).save()
    _set_related(article, {name: items for name, items in related.items() if items})
    _index(article)
    return article


@transaction.atomic
def update_article(article: Article, *, user, version: int | None = None, **fields) -> Article:
    """Change an article. ``version`` is the one the editor loaded: if someone saved since,
    ``EditConflict`` is raised and nothing changes. Relations given replace the current ones."""
    _require_writer(user, article.author)
    locked = Article.objects.select_for_update().get(pk=article.pk)
    check_version(
        locked,
        version,
        message=_("Someone else changed this article meanwhile; reload it and try again."),
    )
    own, related = _clean_values(fields)
    if "author" in own and own["author"] != locked.author:
        _require_writer(user, own["author"])
    if locked.status == Status.PUBLISHED and "published_at" in own and not own["published_at"]:
        # An empty date on a published article keeps the date it was published on: without
        # one it would drop out of lists, feeds and search.
        own["published_at"] = locked.published_at or timezone.now()
    changed = []
    for name, value in own.items():
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    _check_article(locked)
    _check_related(related)
    relations_changed = _set_related(locked, related)
    if changed or relations_changed:
        locked.version += 1
        with_history_user(locked, user).save(update_fields=[*changed, "version", "updated_at"])
        _index(locked)
    return locked


def index_due_articles(*, progress=None) -> int:
    """Put into the search index the public articles that are missing from it: those
    scheduled for a time that has come since they were last saved. Returns how many.

    Saving indexes an article only if it is public then; this catches up the others (run it
    from cron every few minutes: ``trefpunt publish-scheduled``)."""
    in_index = SearchDocument.objects.filter(
        doc_type=DOC_TYPE, object_key=Cast(OuterRef("pk"), output_field=CharField())
    )
    due = Article.objects.published().exclude(Exists(in_index))
    articles = list(indexable(due).order_by("pk"))
    search_index.bulk_index(
        ((DOC_TYPE, str(article.pk), documents_for(article)) for article in articles), progress
    )
    return len(articles)


def _set_status(article: Article, *, user, status: str, reason: str) -> Article:
    _require_writer(user, article.author)

    def dated(locked) -> list[str]:
        if status == Status.PUBLISHED and locked.published_at is None:
            locked.published_at = timezone.now()
            return ["published_at"]
        return []

    locked, changed = change_status(article, status, user=user, reason=reason, prepare=dated)
    if changed:
        _index(locked)
    return locked


@transaction.atomic
def publish_article(article: Article, *, user) -> Article:
    """Make a draft (or an archived article) public; now, unless it has a publication time."""
    return _set_status(article, user=user, status=Status.PUBLISHED, reason="publish")


@transaction.atomic
def archive_article(article: Article, *, user) -> Article:
    """Take an article out of lists, feeds and search; it is kept, with its history."""
    return _set_status(article, user=user, status=Status.ARCHIVED, reason="archive")


# The original's texts a translation renders (a change to one marks the translation outdated).
TRANSLATED_FIELDS = ("title", "summary", "body")


@transaction.atomic
def save_article_translation(
    article: Article,
    *,
    user,
    language: str,
    title: str,
    summary: str = "",
    body: str = "",
    origin: str = Origin.HUMAN,
    reviewed_by=None,
) -> ArticleTranslation:
    """Create or replace the article's translation into ``language``."""
    _require_writer(user, article.author)
    check_translation(
        article,
        language,
        origin,
        languages=LANGUAGES,
        origins=Origin.values,
        original_message=_("This is the article's original language; edit the article."),
    )
    translation = write_translation(
        article,
        language,
        user=user,
        values={
            "title": (title or "").strip(),
            "summary": sanitise(summary),
            "body": sanitise(body),
            "origin": origin,
            "reviewed_by": reviewed_by,
        },
        source_fields=TRANSLATED_FIELDS,
    )
    _index(article)
    return translation
