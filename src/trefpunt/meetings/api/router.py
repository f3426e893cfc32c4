"""The meetings router: every module of this package registers its routes on it.

Each route names its ``operation_id``: the one it had when the API was a single module
(``trefpunt_meetings_api_<view>``), so clients generated from the OpenAPI schema keep theirs."""

from ninja import Router

router = Router(tags=["meetings"])
