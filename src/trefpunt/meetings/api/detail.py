"""One meeting with its agenda, decisions, actions and minutes."""

from ninja import Query

from trefpunt.lib.api import ErrorOut, language_of

from .lookups import _annotated, _meeting, _reader
from .router import router
from .schemas import LanguageQuery, MeetingDetail
from .serialisers import meeting_detail


@router.get(
    "/meetings/{int:id}",
    response={200: MeetingDetail, 401: ErrorOut, 404: ErrorOut},
    summary="One meeting with its agenda, decisions, actions and minutes",
    url_name="meeting_detail",
    operation_id="trefpunt_meetings_api_get_meeting",
)
def get_meeting(request, id: int, query: Query[LanguageQuery]):
    user = _reader(request)
    language = language_of(request, query)
    meeting = _annotated(_meeting(user, id))
    return meeting_detail(request, meeting, user, language)
