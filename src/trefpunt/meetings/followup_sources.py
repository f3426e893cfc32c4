"""Other apps' open items on the follow-up dashboard: a registry that higher apps fill, so
``meetings`` never imports them (the way ``legal.citations`` works).

An app registers from its own ``followup.py`` (found by ``autodiscover_modules("followup")`` in
``MeetingsConfig.ready``)::

    followup_sources.register("programme", label=_("Overdue deliverables"), items=overdue)

``items(user, today)`` returns ``FollowUpItem``s that ``user`` may see; the dashboard shows one
section per source with at least one item.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

MAX_PER_SOURCE = 200


@dataclass
class FollowUpItem:
    title: str
    url: str
    due_date: date | None
    owner: str
    status: str
    context: str = ""


@dataclass(frozen=True)
class Source:
    name: str
    label: object
    items: Callable[[object, date], Iterable[FollowUpItem]]


@dataclass
class Section:
    name: str
    label: str
    items: list[FollowUpItem] = field(default_factory=list)


SOURCES: dict[str, Source] = {}


def register(name: str, *, label, items: Callable[[object, date], Iterable[FollowUpItem]]):
    SOURCES[name] = Source(name, label, items)


def unregister(name: str) -> None:
    SOURCES.pop(name, None)


def sections(user, today: date) -> list[Section]:
    found = []
    for source in SOURCES.values():
        items = list(source.items(user, today))[:MAX_PER_SOURCE]
        if items:
            found.append(Section(source.name, str(source.label), items))
    return found
