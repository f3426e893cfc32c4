"""The mutual-assistance map in the REST API, for crisis staff only: everyone else gets 404
on every route (existence is not revealed). Every call is audited (``access``)."""

from trefpunt.lib.api import document_not_found

from . import routes  # noqa: F401 (registers the routes)
from .router import router

document_not_found(router, "Not found: the route exists for crisis staff only.")

__all__ = ["router"]
