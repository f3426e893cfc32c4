"""Shared pieces of the app routers: pagination parameters, the error body, languages and
addresses. Token authentication is identity's: ``trefpunt.accounts.auth``."""

from django.utils import translation
from ninja import Field, NinjaAPI, Schema

from trefpunt.lib.languages import negotiate


class Page(Schema):
    limit: int = Field(20, ge=1, le=100, description="Items per page (1–100).")
    offset: int = Field(0, ge=0, le=1_000_000_000, description="Items to skip.")
    lang: str | None = Field(None, pattern="^(nl|fr|de|en)$", description="Language of names.")


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] | None = None


def language_of(request, page: Page | None = None) -> str:
    return negotiate(page.lang if page else None, request.headers.get("Accept-Language"))


def localized_url(obj, language: str) -> str:
    """The object's page in ``language`` (the UI prefix follows the requested language)."""
    with translation.override(language):
        return obj.get_absolute_url()


def absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


# Status codes every operation may answer, whatever its own ``response=`` says: the handlers in
# ``trefpunt.api`` turn invalid input into 422 and unparsable bodies into 400, a missing object
# into 404 and a missing token into 401. The schema documents them all (schemathesis checks it).
_ERROR_DESCRIPTIONS = {
    "400": "The request body is not valid JSON.",
    "401": "A valid API token is required.",
    "404": "Not found.",
    "422": "Some fields are not valid.",
}


def _implied_errors(operation: dict) -> list[str]:
    parameters = operation.get("parameters", [])
    codes = []
    if "requestBody" in operation:
        codes.append("400")
    if operation.get("security"):
        codes.append("401")
    if any(parameter.get("in") == "path" for parameter in parameters):
        codes.append("404")
    if parameters or "requestBody" in operation:
        codes.append("422")
    return codes


_ERROR_CONTENT = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}}


def may_answer_not_found(description: str) -> dict:
    """``openapi_extra`` of an operation that answers 404 without a path parameter (a hidden
    feature, an unknown filter value): the schema documents it (schemathesis checks it)."""
    return {"responses": {"404": {"description": description, "content": _ERROR_CONTENT}}}


def document_not_found(router, description: str) -> None:
    """Document a 404 on every operation of ``router`` (call it once its routes are added)."""
    for path_view in router.path_operations.values():
        for operation in path_view.operations:
            extra = dict(operation.openapi_extra or {})
            responses = dict(extra.get("responses", {}))
            responses.update(may_answer_not_found(description)["responses"])
            operation.openapi_extra = {**extra, "responses": responses}


class DocumentedNinjaAPI(NinjaAPI):
    """A NinjaAPI whose OpenAPI schema lists the error responses every operation can give."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("ErrorOut", ErrorOut.model_json_schema())
        error = _ERROR_CONTENT
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for code in _implied_errors(operation):
                    responses.setdefault(
                        code, {"description": _ERROR_DESCRIPTIONS[code], "content": error}
                    )
        return schema
