"""Search filters: one value object, applied in SQL (lexical) and as a mask (semantic)."""

from dataclasses import dataclass, replace

from .documents import FACET_KEYS

# Facets stored as SearchFacet rows; type and language are columns of SearchDocument.
ROW_FACETS = tuple(key for key in FACET_KEYS if key not in ("type", "language"))


def facet_values(value) -> list[str]:
    """A facet value as stored and compared: always a list of strings."""
    if value is None or value == "":
        return []
    if isinstance(value, list | tuple | set | frozenset):
        return [str(item) for item in value if item is not None and item != ""]
    return [str(value)]


def facet_pairs(facets: dict) -> tuple[tuple[str, str], ...]:
    """``(key, value)`` pairs of a document's facets dict, for the keys the API filters on
    (called per document when an index loads: 100,000 times at start-up, so keys a document
    lacks cost one dict lookup)."""
    if not facets:
        return ()
    pairs = []
    for key in ROW_FACETS:
        value = facets.get(key)
        if value is None or value == "":
            continue
        if isinstance(value, str):
            pairs.append((key, value))
        else:
            pairs.extend((key, item) for item in facet_values(value))
    return tuple(pairs)


@dataclass(frozen=True)
class Filters:
    types: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    # ((key, (value, …)), …): any of the values of a key, every key
    facets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include_restricted: bool = False

    @classmethod
    def build(cls, *, types=None, languages=None, include_restricted=False, **facets):
        return cls(
            types=tuple(facet_values(types)),
            languages=tuple(facet_values(languages)),
            facets=tuple(
                (key, tuple(facet_values(value)))
                for key, value in sorted(facets.items())
                if facet_values(value)
            ),
            include_restricted=include_restricted,
        )

    @property
    def narrows(self) -> bool:
        """Whether anything beyond visibility is asked for."""
        return bool(self.types or self.languages or self.facets)

    def sql(self, alias: str = "d") -> tuple[str, list]:
        """A WHERE fragment over ``search_searchdocument AS alias`` and its parameters."""
        clauses, params = [], []
        if not self.include_restricted:
            clauses.append(f"{alias}.visibility = %s")
            params.append("public")
        for column, values in (("doc_type", self.types), ("language", self.languages)):
            if values:
                clauses.append(f"{alias}.{column} IN ({', '.join(['%s'] * len(values))})")
                params.extend(values)
        for key, values in self.facets:
            clauses.append(
                f"EXISTS (SELECT 1 FROM search_searchfacet f WHERE f.document_id = {alias}.id "
                f"AND f.key = %s AND f.value IN ({', '.join(['%s'] * len(values))}))"
            )
            params.extend([key, *values])
        return " AND ".join(clauses) or "1 = 1", params

    def without_visibility(self) -> "Filters":
        """The same filters letting restricted documents through (when there are none)."""
        return replace(self, include_restricted=True)
