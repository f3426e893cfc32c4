"""What the meetings pages share: the organiser check, rich text, redirects back, who may
update which action (in one query, not one per row)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from .. import access


def posted(request):
    """The submitted data of a POST (even when empty: the form shows what is missing)."""
    return request.POST if request.method == "POST" else None


def organised_meeting(request, pk: int):
    """The meeting ``pk`` if the user may organise it: 404 when hidden, 403 when not theirs."""
    meeting = access.get_meeting_for_user(request.user, pk)
    if not access.can_organise(request.user, meeting):
        raise PermissionDenied(
            _("Only curators and editors of the organising organisation may change this meeting.")
        )
    return meeting


def require_organiser(user, meeting) -> None:
    if not access.can_organise(user, meeting):
        raise PermissionDenied(
            _("Only curators and editors of the organising organisation may change this meeting.")
        )


def redirect_back(request, fallback):
    """To the page the form came from (``next``), if it is on this site; else ``fallback``."""
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def prepare_actions(actions, reader: str) -> list:
    """Each action with ``overdue`` and its meeting's title in the reader's language."""
    today = timezone.localdate()
    for action in actions:
        action.overdue = action.is_overdue(today)
        action.meeting.reading_title = action.meeting.title_in(reader)
    return actions


def query_without(request, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def chair_sentence(chairs) -> str:
    """ "Co-chaired by Marc Duhamel (FR) and Anneleen Vercruysse (BE)" in the reader's language."""
    names = [f"{chair.person} ({chair.country})" for chair in chairs]
    if not names:
        return ""
    if len(names) == 1:
        return _("Chaired by %(name)s") % {"name": names[0]}
    return _("Co-chaired by %(names)s and %(last)s") % {
        "names": ", ".join(names[:-1]),
        "last": names[-1],
    }
