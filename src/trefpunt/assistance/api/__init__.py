"""The mutual-assistance map in the REST API, for crisis staff only: everyone else gets 404
on every route (existence is not revealed). Every call is audited (``access``)."""

from . import routes  # noqa: F401 (registers the routes)
from .router import router

__all__ = ["router"]
