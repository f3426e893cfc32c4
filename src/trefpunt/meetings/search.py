"""What a meeting puts in the search index: one document per language it can be read in.

Only what the public may read is indexed: public meetings with their agenda, decisions and
public approved minutes; participants-only meetings with their title and description alone;
restricted and cancelled meetings not at all.
"""

import html
import re

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from trefpunt.search import registry
from trefpunt.search.documents import DocumentData

from .models import Meeting, MeetingStatus, MinutesStatus, Visibility

DOC_TYPE = "meeting"
_TAG = re.compile(r"<[^>]*>")


def _plain(value: str) -> str:
    return html.unescape(_TAG.sub(" ", value or "")).strip()


def indexable(queryset=None):
    queryset = Meeting.objects.all() if queryset is None else queryset
    return queryset.select_related("organiser", "territory").prefetch_related(
        "translations", "agenda", "decisions", "minutes", "supporting"
    )


def meeting_path(meeting_id: int) -> str:
    try:
        with override("en"):
            return reverse("meetings:meeting", args=[meeting_id]).removeprefix("/en")
    except NoReverseMatch:
        return f"/meetings/{meeting_id}/"


def documents_for(meeting: Meeting) -> list[DocumentData]:
    if meeting.visibility == Visibility.RESTRICTED or meeting.status == MeetingStatus.CANCELLED:
        return []
    public = meeting.visibility == Visibility.PUBLIC
    countries = sorted(
        {c for c in (meeting.territory.country if meeting.territory_id else "",) if c}
        | set(meeting.side_countries)
    )
    organisations = [meeting.organiser.slug, *(o.slug for o in meeting.supporting.all())]
    facets = {
        "country": countries,
        "organisation": organisations,
        "year": meeting.start.year,
    }
    shared = []
    if public:
        shared += [item.title for item in meeting.agenda.all()]
    minutes = {
        m.language: _plain(m.body)
        for m in meeting.minutes.all()
        if public and m.status == MinutesStatus.APPROVED and m.visibility == Visibility.PUBLIC
    }
    decisions = {}
    if public:
        for decision in meeting.decisions.all():
            decisions.setdefault(decision.language, []).append(decision.text)
    versions = [(meeting.language, meeting.title, meeting.description, True)]
    versions += [(t.language, t.title, t.description, False) for t in meeting.translations.all()]
    path = meeting_path(meeting.pk)
    return [
        DocumentData(
            doc_type=DOC_TYPE,
            object_key=str(meeting.pk),
            language=language,
            title=title,
            text="\n\n".join(
                part
                for part in (
                    _plain(description),
                    *(shared if is_original else ()),
                    *decisions.get(language, ()),
                    minutes.get(language, ""),
                )
                if part
            ),
            path=path,
            is_original=is_original,
            facets={**facets, "language": language},
        )
        for language, title, description, is_original in versions
    ]


registry.register(
    DOC_TYPE,
    records=lambda: indexable(Meeting.objects.exclude(visibility=Visibility.RESTRICTED)).order_by(
        "pk"
    ),
    documents=documents_for,
    label=_("Meeting"),
)
