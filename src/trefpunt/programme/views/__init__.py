"""The work programme's pages: thin views over ``queries``, ``rollup`` and ``operations``."""

from .pages import (
    annual_plan,
    annual_report,
    index,
    plan,
    presidencies,
    project,
    version,
    version_diff,
)

__all__ = [
    "annual_plan",
    "annual_report",
    "index",
    "plan",
    "presidencies",
    "project",
    "version",
    "version_diff",
]
