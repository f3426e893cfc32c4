"""Relations drawn as a server-rendered SVG graph (no JavaScript): a circle of organisations,
or one organisation in the centre with its related organisations around it."""

import math
from dataclasses import dataclass, field

from .models import SYMMETRIC_KINDS, RelationKind

SIZE = 640
RADIUS = 240
# One colour per kind (colour-blind safe Okabe–Ito palette); the legend names them.
COLOURS = {
    RelationKind.PREPARES: "#0072B2",
    RelationKind.ADVISES: "#009E73",
    RelationKind.HOSTS_SECRETARIAT: "#D55E00",
    RelationKind.MEMBER_OF: "#CC79A7",
    RelationKind.PARTNER_OF: "#E69F00",
    RelationKind.TWINNED_WITH: "#56B4E9",
    RelationKind.SUPPORTS: "#555555",
}
LABEL_LENGTH = 28
# Room left and right of the circle for the labels (about 28 characters at 12 px).
LABEL_MARGIN = 180


@dataclass
class Node:
    slug: str
    label: str
    title: str
    url: str
    x: float = 0.0
    y: float = 0.0
    centre: bool = False

    @property
    def anchor(self) -> str:
        middle = SIZE / 2
        if abs(self.x - middle) < 20:
            return "middle"
        return "start" if self.x > middle else "end"

    @property
    def label_x(self) -> float:
        return self.x + {"start": 12, "end": -12, "middle": 0}[self.anchor]

    @property
    def label_y(self) -> float:
        return self.y + (4 if self.anchor != "middle" else (-14 if self.y < SIZE / 2 else 22))


@dataclass
class Edge:
    source: Node
    target: Node
    kind: str
    label: str
    colour: str
    directed: bool
    x1: float = 0.0
    y1: float = 0.0
    x2: float = 0.0
    y2: float = 0.0


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    legend: list[tuple[str, str, str]] = field(default_factory=list)
    size: int = SIZE

    @property
    def height(self) -> int:
        return SIZE + 24 * len(self.legend)

    @property
    def view_box(self) -> str:
        return f"{-LABEL_MARGIN} 0 {SIZE + 2 * LABEL_MARGIN} {self.height}"


def _short(organisation, language: str) -> str:
    name = organisation.name_in(language)
    if len(name) <= LABEL_LENGTH:
        return name
    return organisation.acronym or name[: LABEL_LENGTH - 1] + "…"


def _node(organisation, language: str) -> Node:
    return Node(
        slug=organisation.slug,
        label=_short(organisation, language),
        title=organisation.name_in(language),
        url=organisation.get_absolute_url(),
    )


def _shorten(edge: Edge, by: float = 9.0) -> None:
    """End the line short of the nodes' circles, so an arrowhead stays visible."""
    dx, dy = edge.target.x - edge.source.x, edge.target.y - edge.source.y
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    edge.x1, edge.y1 = edge.source.x + ux * by, edge.source.y + uy * by
    edge.x2, edge.y2 = edge.target.x - ux * by, edge.target.y - uy * by


def build(relations, language: str, centre=None) -> Graph:
    """The graph of ``relations`` (with ``source``/``target`` loaded); ``centre``: the
    organisation drawn in the middle."""
    graph = Graph()
    nodes: dict[int, Node] = {}
    for relation in relations:
        for organisation in (relation.source, relation.target):
            if organisation.pk not in nodes:
                nodes[organisation.pk] = _node(organisation, language)
    ring = [n for pk, n in nodes.items() if centre is None or pk != centre.pk]
    ring.sort(key=lambda n: n.label.lower())
    middle = SIZE / 2
    if centre is not None:
        nodes.setdefault(centre.pk, _node(centre, language))
        hub = nodes[centre.pk]
        hub.x, hub.y, hub.centre = middle, middle, True
    for i, node in enumerate(ring):
        angle = -math.pi / 2 + 2 * math.pi * i / max(len(ring), 1)
        node.x = round(middle + RADIUS * math.cos(angle), 1)
        node.y = round(middle + RADIUS * math.sin(angle), 1)
    kinds = []
    for relation in relations:
        kind = RelationKind(relation.kind)
        edge = Edge(
            source=nodes[relation.source_id],
            target=nodes[relation.target_id],
            kind=kind.value,
            label=str(kind.label),
            colour=COLOURS.get(kind, "#555555"),
            directed=kind not in SYMMETRIC_KINDS,
        )
        _shorten(edge)
        graph.edges.append(edge)
        if kind not in kinds:
            kinds.append(kind)
    graph.nodes = list(nodes.values())
    graph.legend = [(k.value, str(k.label), COLOURS.get(k, "#555555")) for k in kinds]
    return graph
