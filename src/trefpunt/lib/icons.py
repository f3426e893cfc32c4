"""The site's icons at the addresses browsers ask for without being told (``/favicon.ico``).

Pages link their icons from the static files (``base.html``); some browsers, feed readers and
bookmarking tools still fetch ``/favicon.ico`` at the root, so it answers there too, with the
same file.
"""

from pathlib import Path

from django.http import FileResponse
from django.views.decorators.http import require_safe

ICONS = Path(__file__).resolve().parent.parent / "static" / "img"


@require_safe
def favicon(request):
    response = FileResponse((ICONS / "favicon.ico").open("rb"), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=86400"
    return response
