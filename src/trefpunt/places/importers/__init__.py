"""Importers turn a source (a package's data or an official file) into ``TerritoryRecord``s.

Parsing is done in full before anything is written, so a malformed file changes nothing; the
write itself (``operations.import_territories``) runs in one transaction.
"""

from .base import ImportProblem, TerritoryRecord  # noqa: F401

SOURCES = ("packaged", "eurostat-lau", "statbel", "cbs", "insee", "geojson")
