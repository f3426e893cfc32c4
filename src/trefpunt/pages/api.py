"""The API of the pages that combine apps: the atlas (``/atlas.geojson``) and Ask Trefpunt
(``/ask``)."""

from ninja import Router

from .ask_api import router as ask_router
from .atlas_api import router as atlas_router

router = Router()
router.add_router("", atlas_router)
router.add_router("", ask_router)
