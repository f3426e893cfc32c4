"""Pages that combine several apps (the top floor): home, site search, territory page,
organisation page, Ask Trefpunt, the atlas."""

from .ask import ask
from .atlas import atlas_outlines, atlas_page
from .home import home
from .organisation import organisation_detail
from .site_search import search
from .territory import territory_detail

__all__ = [
    "ask",
    "atlas_outlines",
    "atlas_page",
    "home",
    "organisation_detail",
    "search",
    "territory_detail",
]
