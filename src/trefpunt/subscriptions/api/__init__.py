"""The subscriptions API: a user's own subscriptions, with their token."""

from . import routes  # noqa: F401 (registers the routes on the router)
from .router import router

__all__ = ["router"]
