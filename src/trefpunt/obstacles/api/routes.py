"""The routes: lists and details (public, unpublished ones only for those who may read them),
token writes calling ``obstacles.operations``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Query, Status
from ninja.errors import AuthenticationError

from trefpunt.accounts.auth import token_auth
from trefpunt.accounts.operations import authenticate_token
from trefpunt.lib.api import ErrorOut, language_of, localized_url
from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory

from .. import access, operations, queries
from ..duplicates import possible_duplicates
from ..lifecycle import Status as ObstacleStatus
from ..lifecycle import allowed_next
from ..models import Obstacle
from ..operations.base import refuse
from .router import router
from .schemas import (
    EscalationIn,
    EventOut,
    NotAllowedOut,
    ObstacleCreated,
    ObstacleDetail,
    ObstacleFilters,
    ObstacleIn,
    ObstacleList,
    ObstaclePatch,
    ProvisionIn,
    ProvisionOut,
    SignalIn,
    SignalOut,
)

WRITE_ERRORS = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut}


def _reader(request):
    """The user behind a read: the bearer token when one is sent, else the session."""
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        user = authenticate_token(header[7:].strip())
        if user is None:
            raise AuthenticationError()
        return user
    return request.user


def _lookup(model, field: str, errors: dict, message: str, **lookup):
    found = model.objects.filter(**lookup).first()
    if found is None:
        errors.setdefault(field, []).append(message)
    return found


def _organisation(slug: str, field: str, errors: dict):
    return _lookup(
        Organisation,
        field,
        errors,
        _("No organisation has the identifier %(slug)s.") % {"slug": slug},
        slug=slug,
    )


def _raise(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def obstacle_out(obstacle: Obstacle, language: str) -> dict:
    text = obstacle.reading_in(language)
    return {
        "id": obstacle.pk,
        "title": text.title,
        "language": text.language,
        "original_language": obstacle.language,
        "status": obstacle.status,
        "status_label": str(ObstacleStatus(obstacle.status).label),
        "status_since": obstacle.status_since,
        "border": obstacle.border,
        "domain": obstacle.domain,
        "interaction": obstacle.interaction,
        "reporter": obstacle.reporter.slug if obstacle.reporter_id else None,
        "level": obstacle.level,
        "submitted_at": obstacle.submitted_at,
        "cases": getattr(obstacle, "cases", None) or 0,
        "version": obstacle.version,
        "url": localized_url(obstacle, language),
    }


def provision_out(provision) -> dict:
    return {
        "id": provision.pk,
        "country": provision.country,
        "act": provision.act.bwb_id if provision.act_id else None,
        "article": provision.article.number if provision.article_id else None,
        "citation": provision.citation,
        "note": provision.note,
        "url": provision.url,
    }


def signal_out(signal) -> dict:
    return {
        "id": signal.pk,
        "date": signal.date,
        "count": signal.count,
        "source": signal.source.slug if signal.source_id else None,
        "note": signal.note,
    }


def event_out(event) -> dict:
    return {
        "id": event.pk,
        "kind": event.kind,
        "at": event.at,
        "actor": queries.actor_name(event),
        "from_status": event.from_status,
        "to_status": event.to_status,
        "level": event.level,
        "reason": event.reason,
        "document_url": event.document_url,
    }


def detail_out(obstacle: Obstacle, language: str) -> dict:
    text = obstacle.reading_in(language)
    signals = list(obstacle.signals.all())
    obstacle.cases = sum(s.count for s in signals)
    return {
        **obstacle_out(obstacle, language),
        "description": text.description,
        "available_languages": obstacle.available_languages(),
        "countries": list(obstacle.countries),
        "territories": [t.code for t in obstacle.territories.all()],
        "authorities": [
            {
                "country": a.country,
                "organisation": a.organisation.slug,
                "name": a.organisation.name_in(language),
            }
            for a in obstacle.authorities.all()
        ],
        "provisions": [provision_out(p) for p in obstacle.provisions.all()],
        "signals": [signal_out(s) for s in signals],
        "level_since": obstacle.level_since,
        "assessment_due": obstacle.assessment_due,
        "redress_due": obstacle.redress_due,
        "allowed": allowed_next(obstacle.status),
        "practices": [p.pk for p in obstacle.practices.all()],
        "meetings": [m.pk for m in obstacle.meetings.all()],
        "decisions": [d.pk for d in obstacle.decisions.all()],
    }


def _detail(user, obstacle_id: int) -> Obstacle:
    return access.get_obstacle_for_user(user, obstacle_id, queries.with_everything())


def _not_allowed(error: operations.NotAllowed):
    return Status(
        422,
        {
            "detail": _("This step is not allowed."),
            "errors": error.message_dict,
            "allowed": error.allowed,
        },
    )


@router.get(
    "/obstacles",
    response={200: ObstacleList, 401: ErrorOut, 422: ErrorOut},
    summary="List obstacles",
    url_name="obstacle_list",
)
def list_obstacles(request, filters: Query[ObstacleFilters]):
    """The register, newest first. Unpublished obstacles appear only for the curators and
    the reporting organisation."""
    wanted = queries.ObstacleFilters(
        status=filters.status or "",
        border=filters.border or "",
        domain=filters.domain or "",
        country=filters.country or "",
        year=filters.year,
    )
    _raise(wanted.errors())
    language = language_of(request, filters)
    qs = queries.listed(_reader(request), wanted)
    items = qs[filters.offset : filters.offset + filters.limit]
    return {"count": qs.count(), "items": [obstacle_out(o, language) for o in items]}


@router.get(
    "/obstacles/{int:id}",
    response={200: ObstacleDetail, 401: ErrorOut, 404: ErrorOut},
    summary="An obstacle",
    url_name="obstacle_detail",
)
def get_obstacle(request, id: int, lang: str | None = None):
    return detail_out(
        _detail(_reader(request), id), language_of(request, None) if not lang else lang
    )


@router.get(
    "/obstacles/{int:id}/events",
    response={200: list[EventOut], 401: ErrorOut, 404: ErrorOut},
    summary="An obstacle's events, oldest first",
    url_name="obstacle_events",
)
def list_events(request, id: int):
    obstacle = _detail(_reader(request), id)
    return [event_out(e) for e in obstacle.events.all()]


@router.post(
    "/obstacles",
    auth=token_auth,
    response={201: ObstacleCreated, **WRITE_ERRORS, 422: ErrorOut},
    summary="Report an obstacle",
    url_name="obstacle_create",
)
def create_obstacle(request, payload: ObstacleIn):
    errors: dict[str, list[str]] = {}
    reporter = _organisation(payload.reporter, "reporter", errors)
    territories = [
        _lookup(
            Territory,
            "territories",
            errors,
            _("No territory has the code %(code)s.") % {"code": code},
            code=code,
        )
        for code in payload.territories
    ]
    authorities = [
        (a.country.upper(), _organisation(a.organisation, "authorities", errors))
        for a in payload.authorities
    ]
    _raise(errors)
    duplicates = possible_duplicates(payload.title, payload.description)
    obstacle = operations.report_obstacle(
        user=request.auth,
        reporter=reporter,
        language=payload.language,
        title=payload.title,
        description=payload.description,
        border=payload.border,
        domain=payload.domain,
        interaction=payload.interaction,
        territories=territories,
        authorities=authorities,
    )
    body = detail_out(_detail(request.auth, obstacle.pk), language_of(request, None))
    return Status(201, {**body, "possible_duplicates": [o.pk for o in duplicates]})


@router.patch(
    "/obstacles/{int:id}",
    auth=token_auth,
    response={200: ObstacleDetail, **WRITE_ERRORS, 422: NotAllowedOut | ErrorOut},
    summary="Move an obstacle on (status) or change its text",
    url_name="obstacle_update",
)
def update_obstacle(request, id: int, payload: ObstaclePatch):
    """``{"status": …, "reason": …, "version": …}`` moves the obstacle on; an illegal step is a
    422 listing the ``allowed`` ones; closing states need a ``reason``."""
    obstacle = _detail(request.auth, id)
    changes = {
        name: getattr(payload, name)
        for name in ("title", "description", "domain", "interaction")
        if name in payload.model_fields_set and getattr(payload, name) is not None
    }
    version = payload.version
    if not changes and payload.status is None:
        # Nothing to change is still a write: refused to whoever may not edit the obstacle.
        refuse(access.can_edit(request.auth, obstacle))
    if changes:
        obstacle = operations.update_obstacle(
            obstacle, user=request.auth, version=version, **changes
        )
        version = obstacle.version if version is not None else None
    if payload.status is not None:
        try:
            operations.transition_obstacle(
                obstacle,
                user=request.auth,
                to_status=payload.status,
                reason=payload.reason,
                document_url=payload.document_url,
                version=version,
            )
        except operations.NotAllowed as error:
            return _not_allowed(error)
    return detail_out(_detail(request.auth, id), language_of(request, None))


@router.post(
    "/obstacles/{int:id}/escalations",
    auth=token_auth,
    response={201: EventOut, **WRITE_ERRORS, 422: NotAllowedOut | ErrorOut},
    summary="Escalate an obstacle up the ladder",
    url_name="obstacle_escalate",
)
def escalate(request, id: int, payload: EscalationIn):
    obstacle = _detail(request.auth, id)
    try:
        event = operations.escalate_obstacle(
            obstacle,
            user=request.auth,
            level=payload.level,
            reason=payload.reason,
            document_url=payload.document_url,
            version=payload.version,
        )
    except operations.NotAllowed as error:
        return _not_allowed(error)
    return Status(201, event_out(event))


@router.post(
    "/obstacles/{int:id}/signals",
    auth=token_auth,
    response={201: SignalOut, **WRITE_ERRORS, 422: ErrorOut},
    summary="Count cases of an obstacle",
    url_name="obstacle_signal",
)
def add_signal(request, id: int, payload: SignalIn):
    obstacle = _detail(request.auth, id)
    errors: dict[str, list[str]] = {}
    source = _organisation(payload.source, "source", errors) if payload.source else None
    _raise(errors)
    signal = operations.add_signal(
        obstacle,
        user=request.auth,
        date=payload.date,
        count=payload.count,
        source=source,
        note=payload.note,
    )
    return Status(201, signal_out(signal))


@router.post(
    "/obstacles/{int:id}/provisions",
    auth=token_auth,
    response={201: ProvisionOut, **WRITE_ERRORS, 422: ErrorOut},
    summary="Cite a legal provision",
    url_name="obstacle_provision",
)
def add_provision(request, id: int, payload: ProvisionIn):
    obstacle = _detail(request.auth, id)
    errors: dict[str, list[str]] = {}
    act, article = queries.resolve_citation(payload.act, payload.article, errors)
    _raise(errors)
    provision = operations.add_provision(
        obstacle,
        user=request.auth,
        country=payload.country,
        act=act,
        article=article,
        citation=payload.citation,
        note=payload.note,
    )
    return Status(201, provision_out(provision))
