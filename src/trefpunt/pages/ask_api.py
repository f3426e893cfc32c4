"""The API of the pages that combine apps: ``GET /api/v1/ask``."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from trefpunt.lib.api import ErrorOut, absolute
from trefpunt.places.models import Territory

from .ask import MAX_QUESTION, SECTIONS, ask

router = Router(tags=["ask"])


class AskQuery(Schema):
    q: str = Field(..., max_length=MAX_QUESTION, description="The question, in nl, fr, de or en.")
    territory: str | None = Field(None, description="Asked from, e.g. BE-NIS:34027.")
    lang: str = Field("en", pattern="^(nl|fr|de|en)$", description="Language of the answer.")


class ItemOut(Schema):
    title: str
    url: str
    why: list[str]
    language: str
    detail: str
    country: str
    contact: dict[str, str]


class AnswerOut(Schema):
    question: str
    language: str
    territory: str | None
    themes: list[str]
    sections: dict[str, list[ItemOut]]


@router.get(
    "/ask",
    response={200: AnswerOut, 404: ErrorOut, 422: ErrorOut},
    summary="Ask Trefpunt: counterparts, practices, obstacles, legal bases, places, meetings",
    url_name="ask",
)
def ask_api(request, query: Query[AskQuery]):
    territory = None
    if query.territory:
        territory = Territory.objects.prefetch_related("names").filter(code=query.territory).first()
        if territory is None:
            raise Http404(_("No territory has the code %(code)s.") % {"code": query.territory})
    # The public API shows public contacts only, whoever asks.
    answer = ask(query.q, territory=territory, language=query.lang, user=None)
    return {
        "question": answer.question,
        "language": answer.language,
        "territory": territory.code if territory else None,
        "themes": answer.themes,
        "sections": {
            key: [
                {**item.__dict__, "url": absolute(request, item.url) if item.url else ""}
                for item in answer.sections[key]
            ]
            for key in SECTIONS
        },
    }
