"""Uploaded files that anyone may see (news images), served by the application.

A reverse proxy may serve the same directories itself (docs/deployment.md); files of other
folders under MEDIA_ROOT (practice attachments) are private and only reachable through their
app's permission-checking view.
"""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_MEDIA = ("news/",)


def public_media(request, path: str):
    if not path.startswith(PUBLIC_MEDIA) or ".." in path.split("/"):
        raise Http404("Not found")
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=86400"
    return response
