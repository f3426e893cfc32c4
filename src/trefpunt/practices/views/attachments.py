"""A practice's attachments, served only to those who may read the practice."""

from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from ..models import Attachment, Practice


def practice_attachment(request, pk: int, attachment_id: int):
    attachment = (
        Attachment.objects.filter(
            pk=attachment_id, practice__in=Practice.objects.visible_to(request.user), practice=pk
        )
        .only("file", "content_type", "title")
        .first()
    )
    if attachment is None or not attachment.file.storage.exists(attachment.file.name):
        raise Http404(_("This practice has no such attachment."))
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type or "application/octet-stream",
        as_attachment=True,
        filename=attachment.file.name.rsplit("/", 1)[-1],
    )
    # Drafts' files must not linger in shared caches.
    response["Cache-Control"] = "private, max-age=0"
    return response
