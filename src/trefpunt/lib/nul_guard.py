"""A stand-in gate for NUL bytes on the API (PostgreSQL cannot store them in text).

The input-hardening branch brings the general gate (``lib.input_limits``) for every request;
once it is merged, this middleware is redundant and is removed with its settings line.
"""

import json

from django.http import JsonResponse
from django.utils.translation import gettext as _

_NUL_IN_JSON = b"\\u0000"


class RejectNulBytesInApi:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/api/"):
            fields = [name for name, value in request.GET.lists() if _has_nul(name, value)]
            body = request.body if request.method in {"POST", "PUT", "PATCH"} else b""
            if b"\x00" in body or _NUL_IN_JSON in body.lower():
                fields.append("__all__")
            if fields:
                message = _("NUL characters are not allowed.")
                return JsonResponse(
                    {
                        "detail": _("Some fields are not valid."),
                        "errors": {field: [message] for field in fields},
                    },
                    status=422,
                    json_dumps_params={"ensure_ascii": False},
                    encoder=json.JSONEncoder,
                )
        return self.get_response(request)


def _has_nul(name: str, values: list[str]) -> bool:
    return "\x00" in name or any("\x00" in value for value in values)
