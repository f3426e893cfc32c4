"""Reporting obstacles (by an organisation or through the public form), editing them and
their translations."""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.lib.content import check_version, with_history_user
from trefpunt.lib.richtext import plain_text

from .. import access
from ..lifecycle import Status, assessment_due
from ..models import (
    CONTENT_LANGUAGES,
    Authority,
    Border,
    Domain,
    EventKind,
    Interaction,
    Obstacle,
    ObstacleEvent,
    ObstacleTranslation,
    Origin,
    Source,
    border_countries,
)
from .base import Errors, bump, locked, refuse, reindex

TITLE_MAX = 300
LANGUAGES = {code for code, _label in CONTENT_LANGUAGES}


def _text(value) -> str:
    return plain_text(value or "").strip()


def _check_choices(fields: dict, errors: Errors) -> None:
    for name, choices in (
        ("language", LANGUAGES),
        ("border", set(Border.values)),
        ("domain", set(Domain.values)),
        ("interaction", set(Interaction.values)),
    ):
        if name in fields and fields[name] not in choices:
            errors.add(
                name, _("Choose one of: %(values)s.") % {"values": ", ".join(sorted(choices))}
            )


def _check_texts(fields: dict, errors: Errors) -> None:
    for name in ("title", "description"):
        if name in fields:
            fields[name] = _text(fields[name])
            if not fields[name]:
                errors.add(name, _("This field is required."))
    if len(fields.get("title", "")) > TITLE_MAX:
        errors.add("title", _("At most %(max)s characters.") % {"max": TITLE_MAX})


def _check_sides(border, territories, authorities, errors: Errors) -> None:
    countries = set(border_countries(border)) if border in Border.values else set()
    if not countries:
        return
    for territory in territories or ():
        if territory.country not in countries:
            errors.add(
                "territories",
                _("%(name)s is not on the %(border)s border.")
                % {"name": territory.name_in(), "border": border},
            )
    for country, _organisation in authorities or ():
        if country not in countries:
            errors.add(
                "authorities",
                _("%(country)s is not a side of the %(border)s border.")
                % {"country": country, "border": border},
            )


def _set_authorities(obstacle: Obstacle, authorities) -> None:
    wanted = {(country, organisation.pk) for country, organisation in authorities}
    current = {(a.country, a.organisation_id): a for a in obstacle.authorities.all()}
    for key, authority in current.items():
        if key not in wanted:
            authority.delete()
    for country, organisation_id in sorted(wanted - set(current)):
        Authority.objects.create(
            obstacle=obstacle, country=country, organisation_id=organisation_id
        )


def _create(user, fields: dict, territories, authorities, at) -> Obstacle:
    at = at or timezone.now()
    obstacle = Obstacle(
        **fields,
        status=Status.SUBMITTED,
        status_since=at,
        submitted_at=at,
        assessment_due=assessment_due(timezone.localdate(at)),
    )
    with_history_user(obstacle, user).save()
    obstacle.territories.set(territories or ())
    _set_authorities(obstacle, authorities or ())
    ObstacleEvent.objects.create(
        obstacle=obstacle,
        kind=EventKind.SUBMITTED,
        actor=user if getattr(user, "is_authenticated", False) else None,
        at=at,
        to_status=Status.SUBMITTED,
    )
    return obstacle


def report_obstacle(
    *,
    user,
    reporter,
    language: str,
    title: str,
    description: str,
    border: str,
    domain: str,
    interaction: str,
    territories=(),
    authorities=(),
    is_demo: bool = False,
    at=None,
) -> Obstacle:
    """An organisation reports an obstacle: it starts as submitted, assessment due in two
    months. ``authorities``: ``(country, organisation)`` pairs."""
    if user is not None:
        refuse(
            access.can_report_for(user, reporter),
            _("You may only report obstacles for an organisation you act for."),
        )
    fields = {
        "language": language,
        "title": title,
        "description": description,
        "border": border,
        "domain": domain,
        "interaction": interaction,
    }
    errors = Errors()
    if reporter is None:
        errors.add("reporter", _("This field is required."))
    _check_choices(fields, errors)
    _check_texts(fields, errors)
    _check_sides(border, territories, authorities, errors)
    errors.raise_any()
    with transaction.atomic():
        obstacle = _create(
            user,
            {**fields, "reporter": reporter, "source": Source.ORGANISATION, "is_demo": is_demo},
            territories,
            authorities,
            at,
        )
        reindex(obstacle)
    return obstacle


def report_publicly(
    *,
    language: str,
    title: str,
    description: str,
    border: str,
    domain: str,
    interaction: str,
    contact_name: str = "",
    contact_email: str = "",
) -> Obstacle:
    """Anyone reports through the public form. Nothing is published until a curator
    recognises it; the contact name and address are kept for the curators only."""
    fields = {
        "language": language,
        "title": title,
        "description": description,
        "border": border,
        "domain": domain,
        "interaction": interaction,
    }
    errors = Errors()
    _check_choices(fields, errors)
    _check_texts(fields, errors)
    contact_email = (contact_email or "").strip()
    if contact_email:
        try:
            validate_email(contact_email)
        except ValidationError:
            errors.add("contact_email", _("Enter a valid email address."))
    errors.raise_any()
    with transaction.atomic():
        obstacle = _create(
            None,
            {
                **fields,
                "source": Source.PUBLIC_FORM,
                "contact_name": (contact_name or "").strip()[:200],
                "contact_email": contact_email,
            },
            (),
            (),
            None,
        )
    return obstacle


EDITABLE = ("title", "description", "language", "border", "domain", "interaction")


def update_obstacle(obstacle: Obstacle, *, user, version=None, **changes) -> Obstacle:
    """Change the text, border, domain, territories, authorities or linked items.

    ``changes`` may hold the ``EDITABLE`` fields and ``territories``, ``authorities``,
    ``practices``, ``meetings``, ``decisions`` (whole lists)."""
    refuse(access.can_edit(user, obstacle))
    fields = {name: value for name, value in changes.items() if name in EDITABLE}
    errors = Errors()
    _check_choices(fields, errors)
    _check_texts(fields, errors)
    border = fields.get("border", obstacle.border)
    territories = changes.get("territories")
    authorities = changes.get("authorities")
    _check_sides(
        border,
        territories if territories is not None else obstacle.territories.all(),
        authorities
        if authorities is not None
        else [(a.country, a.organisation) for a in obstacle.authorities.all()],
        errors,
    )
    errors.raise_any()
    with transaction.atomic():
        obstacle = locked(obstacle)
        check_version(obstacle, version)
        for name, value in fields.items():
            setattr(obstacle, name, value)
        with_history_user(obstacle, user)
        bump(obstacle, list(fields))
        if territories is not None:
            obstacle.territories.set(territories)
        if authorities is not None:
            _set_authorities(obstacle, authorities)
        for name in ("practices", "meetings", "decisions"):
            if changes.get(name) is not None:
                getattr(obstacle, name).set(changes[name])
        reindex(obstacle)
    return obstacle


def save_translation(
    obstacle: Obstacle,
    *,
    user,
    language: str,
    title: str,
    description: str,
    origin: str = Origin.HUMAN,
) -> ObstacleTranslation:
    refuse(access.can_edit(user, obstacle))
    errors = Errors()
    fields = {"title": title, "description": description}
    _check_texts(fields, errors)
    if language not in LANGUAGES or language == obstacle.language:
        errors.add("language", _("Choose a language other than the original."))
    if origin not in Origin.values:
        errors.add("origin", _("Choose one of: %(values)s.") % {"values": ", ".join(Origin.values)})
    errors.raise_any()
    with transaction.atomic():
        translation = ObstacleTranslation.objects.filter(
            obstacle=obstacle, language=language
        ).first()
        translation = translation or ObstacleTranslation(obstacle=obstacle, language=language)
        translation.title = fields["title"]
        translation.description = fields["description"]
        translation.origin = origin
        with_history_user(translation, user).save()
        reindex(obstacle)
    return translation
