"""Documents, images and links attached to a practice."""

import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from ..access import require_writer
from ..models import Attachment, Link, Practice

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "png": "image/png",
    "jpg": "image/jpeg",
}
# The file inside an Office Open XML or OpenDocument archive that says what it is.
_ZIP_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}


def _sniff(upload) -> str | None:
    """The kind of file the content shows (``"pdf"``, ``"docx"`` …), or None."""
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if not head.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                kind = archive.read("mimetype").strip()
                return "odt" if kind == ATTACHMENT_TYPES["odt"].encode() else None
    except (zipfile.BadZipFile, KeyError, OSError):
        return None
    finally:
        upload.seek(0)
    for kind, marker in _ZIP_MARKERS.items():
        if marker in names and "[Content_Types].xml" in names:
            return kind
    return None


def _check_attachment(upload) -> str:
    """The content type of an acceptable upload; a ValidationError naming the problem else."""
    name = Path(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    extension = "jpg" if extension == "jpeg" else extension
    accepted = "PDF, DOCX, XLSX, PPTX, ODT, PNG, JPG"
    if extension not in ATTACHMENT_TYPES:
        raise ValidationError(
            {
                "file": _(
                    "Files of the type “%(extension)s” are not accepted; "
                    "upload one of %(accepted)s."
                )
                % {"extension": extension or _("(none)"), "accepted": accepted}
            }
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file is %(size)s MB; attachments are at most %(limit)s MB.")
                % {
                    "size": f"{upload.size / 1024 / 1024:.1f}",
                    "limit": MAX_ATTACHMENT_BYTES // 1024 // 1024,
                }
            }
        )
    found = _sniff(upload)
    if found != extension:
        raise ValidationError(
            {
                "file": _(
                    "The file is named “%(name)s” but its content is not a %(extension)s file."
                )
                % {"name": name, "extension": extension.upper()}
            }
        )
    return ATTACHMENT_TYPES[extension]


@transaction.atomic
def add_attachment(practice: Practice, *, user, file, title: str = "") -> Attachment:
    """Attach a document or image (≤ 10 MB; PDF, DOCX, XLSX, PPTX, ODT, PNG or JPG, checked by
    content as well as by name). ``file`` is an uploaded file or a ``django.core.files.File``."""
    require_writer(user, practice.owner)
    content_type = _check_attachment(file)
    attachment = Attachment(
        practice=practice,
        file=file,
        title=(title or Path(file.name).name).strip()[:200],
        content_type=content_type,
        size=file.size,
    )
    attachment.save()
    return attachment


@transaction.atomic
def add_link(practice: Practice, *, user, url: str, title: str = "") -> Link:
    require_writer(user, practice.owner)
    url = (url or "").strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValidationError(
            {"url": _("Enter a web address that starts with http:// or https://.")}
        ) from None
    link = Link(practice=practice, url=url, title=(title or url).strip()[:200])
    link.full_clean()
    link.save()
    return link
