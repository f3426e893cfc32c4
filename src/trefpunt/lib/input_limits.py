"""Refuse bad input before any view runs: the one gate for text the database cannot store
and for requests larger than the limits.

* A NUL byte or a lone surrogate (``"\\ud800"``) in the path, a query parameter, a form field or
  anywhere in a JSON body: PostgreSQL refuses NUL in text, no database stores a lone surrogate.
* A text longer than ``TEXT_MAX_CHARS``: indexing it would embed hundreds of passages.
* A body over ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (413), over ``DATA_UPLOAD_MAX_NUMBER_FIELDS``
  fields (400), a JSON body that does not parse (400; nesting deeper than Python's recursion
  limit does not parse), an API body that is not a JSON object (400).

The API answers with the same JSON bodies as its handlers (``detail`` and, per field,
``errors`` with 422); the site answers with a 400 page.
"""

import json
import re

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, ValidationError
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.translation import gettext as _

TEXT_MAX_CHARS = 100_000
_INVALID = re.compile("[\x00\ud800-\udfff]")
_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_FORMS = {"application/x-www-form-urlencoded", "multipart/form-data"}
_max_length = MaxLengthValidator(TEXT_MAX_CHARS)


class Refused(Exception):
    def __init__(self, status: int, detail: str, errors: dict[str, list[str]] | None = None):
        super().__init__(detail)
        self.status, self.detail, self.errors = status, detail, errors


def invalid_text_message() -> str:
    return _("A NUL byte (\\0) or a lone surrogate is not valid text.")


def text_errors(value: str) -> list[str]:
    """What is wrong with one piece of text: nothing, NUL/surrogate, or its length."""
    if _INVALID.search(value):
        return [invalid_text_message()]
    try:
        _max_length(value)
    except ValidationError as error:
        return list(error.messages)
    return []


def invalid_text_paths(document) -> list[str]:
    """Where a parsed JSON document holds a NUL byte or a lone surrogate (``a.0.b``; keys too)."""
    found: list[str] = []
    stack = [(document, "")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if _INVALID.search(value):
                found.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and _INVALID.search(key):
                    found.append(where)
                stack.append((item, where))
        elif isinstance(value, list):
            stack.extend((item, f"{path}.{n}" if path else str(n)) for n, item in enumerate(value))
    return sorted(found)


def _walk(value, path: str, errors: dict[str, list[str]]) -> None:
    """Every string (keys too) of a parsed JSON document, without recursion."""
    stack = [(value, path)]
    while stack:
        value, path = stack.pop()
        if isinstance(value, str):
            if problems := text_errors(value):
                errors.setdefault(path or "__all__", problems)
        elif isinstance(value, dict):
            for key, item in value.items():
                where = f"{path}.{key}" if path else key
                if _INVALID.search(key):
                    errors.setdefault(where, [invalid_text_message()])
                stack.append((item, where))
        elif isinstance(value, list):
            stack.extend((item, f"{path}.{n}" if path else str(n)) for n, item in enumerate(value))


def _fields(query, errors: dict[str, list[str]]) -> None:
    for key, values in query.lists():
        if _INVALID.search(key):
            errors.setdefault(key, [invalid_text_message()])
        for value in values:
            if problems := text_errors(value):
                errors.setdefault(key, problems)


def check(request: HttpRequest) -> None:
    """Raise ``Refused`` when the request must not reach a view."""
    if _INVALID.search(request.path_info):
        raise Refused(400, invalid_text_message())
    errors: dict[str, list[str]] = {}
    try:
        _fields(request.GET, errors)
        if request.method in _BODY_METHODS:
            if request.content_type in _FORMS:
                _fields(request.POST, errors)
            elif request.body:
                _json_body(request, errors)
    except RequestDataTooBig:
        raise Refused(413, _("The request is too large.")) from None
    except TooManyFieldsSent:
        raise Refused(400, _("The request has too many fields.")) from None
    except MultiPartParserError:
        raise Refused(400, _("The request body could not be read.")) from None
    if errors:
        raise Refused(422, _("Some fields are not valid."), dict(sorted(errors.items())))


def _json_body(request: HttpRequest, errors: dict[str, list[str]]) -> None:
    try:
        document = json.loads(request.body)
    except (ValueError, RecursionError):
        if request.content_type == "application/json" or request.content_type.endswith("+json"):
            raise Refused(400, _("The request body is not valid JSON.")) from None
        return  # not declared JSON: the view decides what it is
    if not isinstance(document, dict) and request.path_info.startswith("/api/"):
        # Every API body is an object; a bare string would even be read through its methods
        # (django-ninja takes ``"hello world".title()`` as the ``title`` field).
        raise Refused(400, _("The request body must be a JSON object."))
    _walk(document, "", errors)


def _response(request: HttpRequest, refused: Refused) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        body: dict = {"detail": refused.detail}
        if refused.errors:
            body["errors"] = refused.errors
        return JsonResponse(body, status=refused.status)
    messages = [m for problems in (refused.errors or {}).values() for m in problems]
    context = {"detail": refused.detail, "problems": list(dict.fromkeys(messages))}
    status = 400 if refused.status == 422 else refused.status
    return render(request, "400.html", context, status=status)


class InputLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check(request)
        except Refused as refused:
            return _response(request, refused)
        return self.get_response(request)
