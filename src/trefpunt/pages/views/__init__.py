"""Pages that combine several apps (the top floor): home, site search, territory page, atlas."""

from .atlas import atlas_outlines, atlas_page
from .home import home
from .site_search import search
from .territory import territory_detail

__all__ = ["atlas_outlines", "atlas_page", "home", "search", "territory_detail"]
