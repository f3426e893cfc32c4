"""Every write to the mutual-assistance map.

Views, the API, the demo loader and the CLI call these functions. Each runs in one
transaction, refuses anyone but crisis staff with a 404 (``user=None`` is the system), writes
history with the acting user and ends with its audit row. Bad input raises ``ValidationError``
naming the fields and changes nothing. Nothing is ever indexed for search.
"""

from .capabilities import (
    archive_capability,
    import_hospitals,
    link_agreement,
    record_capability,
    save_kind,
    update_capability,
)
from .contacts import (
    add_checklist_item,
    add_lesson,
    pre_position,
    save_contact,
    save_event,
    verify_contact,
)
from .requests import close_request, make_offer, move_offer, open_request

__all__ = [
    "add_checklist_item",
    "add_lesson",
    "archive_capability",
    "close_request",
    "import_hospitals",
    "link_agreement",
    "make_offer",
    "move_offer",
    "open_request",
    "pre_position",
    "record_capability",
    "save_contact",
    "save_event",
    "save_kind",
    "update_capability",
    "verify_contact",
]
