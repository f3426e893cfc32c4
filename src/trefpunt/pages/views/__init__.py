"""Pages that combine several apps (the top floor): home, site search, territory page."""

from .home import home
from .site_search import search
from .territory import territory_detail

__all__ = ["home", "search", "territory_detail"]
