"""Who cites a legal act: a registry that higher apps fill, so ``legal`` never imports them.

An app that points at ``LegalAct`` or ``Article`` registers, from its own module at import time
(e.g. ``obstacles/citations.py``, found by ``autodiscover_modules("citations")`` in
``LegalConfig.ready``)::

    from trefpunt.legal import citations

    citations.register(
        "obstacles",
        label=_("Obstacles"),
        records=lambda act: Obstacle.objects.filter(legal_acts=act).published(),
    )

``records(act)`` returns the citing records visible to everyone (a QuerySet or list); each needs
``__str__`` and ``get_absolute_url()``. ``cited_by(act)`` gives the act page and the API their
"cited by" section, one group per registered source with at least one record.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

MAX_PER_SOURCE = 50


@dataclass(frozen=True)
class Source:
    name: str
    label: object
    records: Callable[[object], Iterable]


@dataclass
class Citation:
    title: str
    url: str


@dataclass
class CitedBy:
    name: str
    label: str
    items: list[Citation] = field(default_factory=list)


SOURCES: dict[str, Source] = {}


def register(name: str, *, label, records: Callable[[object], Iterable]) -> None:
    """Register (or replace) the source ``name``: ``records(act)`` lists who cites ``act``."""
    SOURCES[name] = Source(name, label, records)


def unregister(name: str) -> None:
    SOURCES.pop(name, None)


def cited_by(act) -> list[CitedBy]:
    groups = []
    for source in SOURCES.values():
        items = [
            Citation(str(record), record.get_absolute_url())
            for record in list(source.records(act))[:MAX_PER_SOURCE]
        ]
        if items:
            groups.append(CitedBy(source.name, str(source.label), items))
    return groups
