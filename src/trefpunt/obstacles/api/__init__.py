"""Obstacles in the REST API: the register's list and details, and token writes (report,
transition, escalate, count signals, cite provisions). Reads follow ``obstacles.access``:
unpublished obstacles are 404 for those who may not read them."""

from . import routes  # noqa: F401 (registers the routes)
from .router import router

__all__ = ["router"]
