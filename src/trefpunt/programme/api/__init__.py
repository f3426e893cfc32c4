"""The work programme in the REST API: plans and their versions, consultation comments,
approvals, presidencies, projects and deliverables (with their weighted progress). Reads are
public; writes need a token and follow ``programme.access``."""

from . import plans, projects  # noqa: F401 (registers the routes)
from .router import router

__all__ = ["router"]
