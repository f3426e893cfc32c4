"""What an app hands to the index: plain data, one ``DocumentData`` per record and language."""

from dataclasses import dataclass, field

# Facet keys understood by the query API (filters and counts).
FACET_KEYS = ("type", "language", "country", "theme", "stage", "organisation", "year")


@dataclass
class DocumentData:
    doc_type: str
    object_key: str
    language: str
    title: str
    text: str
    path: str  # page address without the language prefix, e.g. "/practices/12/"
    is_original: bool = True
    external_id: str = ""
    # {"country": ["BE", "NL"], "theme": ["climate-adaptation"], "stage": "pilot", "year": 2024}
    facets: dict = field(default_factory=dict)
    visibility: str = "public"
