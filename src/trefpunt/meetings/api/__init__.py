"""Meetings in the REST API: lists and details, actions, iCalendar feeds, token writes.

Reads follow ``trefpunt.meetings.access``: restricted meetings exist only for those who may
see them (404 for others), and the content of a meeting (agenda, decisions, actions, minutes)
is left out, with ``content_visible: false``, for those who may not read it. Reads are public
but accept the same bearer token as writes, so a participant's script sees what they see.
Calendar feeds are anonymous by design: a feed URL pasted into a calendar is the same for
everyone, so it lists public and participants-only meetings, with the agenda of public ones.

The routes live in one router (``router.py``); each module registers its own on import, so the
order of the imports below is the order of the routes: lists, then the iCalendar feeds (before
``/meetings/{id}``, although the int converter keeps them apart too), then a meeting's detail,
then the token writes.
"""

from .router import router

# Imported for their routes, in route order (see above): keep this order.
# isort: off
from . import lists, feeds, detail, writing, records  # noqa: F401
# isort: on

__all__ = ["router"]
