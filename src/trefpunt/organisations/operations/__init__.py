"""Every write to organisations, people, posts, relations and presidencies."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from trefpunt.accounts.permissions import is_curator
from trefpunt.lib.content import EditConflict
from trefpunt.lib.content import with_history_user as _with_history_user
from trefpunt.lib.text import fold
from trefpunt.search import index as search_index

from .. import access, search
from ..access import can_act_for
from ..models import (
    Competence,
    ContactVisibility,
    Organisation,
    OrganisationName,
    Person,
    Post,
    Presidency,
    Relation,
    RelationKind,
)
from .members import (  # noqa: F401 (membership writes live in operations.members)
    InvitationError,
    accept_invitation,
    add_member,
    find_invitation,
    invite_member,
    withdraw_invitation,
)

ORGANISATION_FIELDS = (
    "kind",
    "name",
    "language",
    "acronym",
    "country",
    "territory",
    "parent",
    "website",
    "address",
    "phone",
    "email",
    "contact_post",
    "description",
    "is_demo",
)


def _check_parent(organisation: Organisation, parent: Organisation | None) -> None:
    node = parent
    while node is not None:
        if node.pk == organisation.pk:
            raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
        node = node.parent


def _check_contact_post(organisation: Organisation, post: Post | None) -> None:
    if post is not None and post.organisation_id != organisation.pk:
        raise ValidationError(
            {"contact_post": _("The contact point must be a post of this organisation.")}
        )


NAME_LANGUAGES = ("nl", "fr", "de", "en", "lb")


def _check_names(names: dict[str, str] | None) -> None:
    unknown = sorted(set(names or {}) - set(NAME_LANGUAGES))
    if unknown:
        raise ValidationError(
            {
                "names": _("Unknown language(s) %(codes)s; use %(known)s.")
                % {"codes": ", ".join(unknown), "known": ", ".join(NAME_LANGUAGES)}
            }
        )
    for name in (names or {}).values():
        if len(name or "") > 200:
            raise ValidationError({"names": _("A name is at most 200 characters long.")})


def _set_names(organisation: Organisation, names: dict[str, str] | None) -> bool:
    """Store names per language; returns whether anything changed."""
    if not names:
        return False
    current = {
        n.language: n.name for n in OrganisationName.objects.filter(organisation=organisation)
    }
    changed = False
    for language, name in names.items():
        name = (name or "").strip()
        if current.get(language, "") == name:
            continue
        changed = True
        if not name:
            OrganisationName.objects.filter(organisation=organisation, language=language).delete()
            continue
        OrganisationName.objects.update_or_create(
            organisation=organisation,
            language=language,
            defaults={"name": name, "folded": fold(name)},
        )
    return changed


@transaction.atomic
def create_organisation(
    *, user, slug: str, names: dict[str, str] | None = None, **fields
) -> Organisation:
    parent = fields.get("parent")
    if user is not None and not is_curator(user) and not (parent and can_act_for(user, parent)):
        raise PermissionDenied(
            _("Only curators or editors of the parent organisation can add organisations.")
        )
    if Organisation.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This identifier is already taken.")})
    _check_names(names)
    organisation = Organisation(
        slug=slug, **{k: v for k, v in fields.items() if k in ORGANISATION_FIELDS}
    )
    organisation.full_clean()
    _with_history_user(organisation, user).save()
    _set_names(organisation, {organisation.language: organisation.name, **(names or {})})
    _index(organisation)
    return organisation


@transaction.atomic
def update_organisation(
    organisation: Organisation,
    *,
    user,
    version: int | None = None,
    names: dict[str, str] | None = None,
    **fields,
) -> Organisation:
    if user is not None and not can_act_for(user, organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if version is not None and locked.version != version:
        raise EditConflict(
            _("Someone else changed this organisation meanwhile; reload and try again.")
        )
    _check_names(names)
    names = dict(names or {})
    if names.get(locked.language, "").strip():
        fields.setdefault("name", names.pop(locked.language).strip())
    changed = []
    for name, value in fields.items():
        if name not in ORGANISATION_FIELDS:
            raise ValidationError({name: _("This field cannot be changed.")})
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    if "parent" in changed:
        _check_parent(locked, locked.parent)
    if "contact_post" in changed:
        _check_contact_post(locked, locked.contact_post)
    locked.full_clean()
    names_changed = _set_names(
        locked, ({locked.language: locked.name} if "name" in changed else {}) | names
    )
    if changed or names_changed:
        locked.version += 1
        _with_history_user(locked, user).save(update_fields=[*changed, "version"])
        _index(locked)
    return locked


@transaction.atomic
def archive_organisation(organisation: Organisation, *, user) -> Organisation:
    if user is not None and not is_curator(user):
        raise PermissionDenied(_("Only curators can archive organisations."))
    organisation.archived_at = timezone.now()
    _with_history_user(organisation, user).save(update_fields=["archived_at"])
    _index(organisation)
    return organisation


def _index(organisation: Organisation) -> None:
    """Put the organisation's names in the search index (or take an archived one out)."""
    fresh = Organisation.objects.prefetch_related("names").get(pk=organisation.pk)
    search_index.index_or_remove(search.DOC_TYPE, fresh.slug, search.documents_for(fresh))


@transaction.atomic
def create_person(*, user, slug: str, **fields) -> Person:
    if user is not None and not is_curator(user) and not access.acts_for(user):
        raise PermissionDenied(_("You need editor rights to add people."))
    if Person.objects.filter(slug=slug).exists():
        raise ValidationError({"slug": _("This identifier is already taken.")})
    person = Person(slug=slug, **fields)
    person.full_clean()
    _with_history_user(person, user).save()
    return person


@transaction.atomic
def appoint(
    *,
    user,
    person: Person,
    organisation: Organisation,
    role: str,
    start: date | None = None,
    end: date | None = None,
    title: str = "",
) -> Post:
    """Give a person a post (role) in an organisation."""
    if user is not None and not can_act_for(user, organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    post = Post(
        person=person, organisation=organisation, role=role, start=start, end=end, title=title
    )
    if start and end and end < start:
        raise ValidationError({"end": _("The end date is before the start date.")})
    post.full_clean()
    _with_history_user(post, user).save()
    return post


@transaction.atomic
def end_post(post: Post, *, user, end: date) -> Post:
    if user is not None and not can_act_for(user, post.organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    if post.start and end < post.start:
        raise ValidationError({"end": _("The end date is before the start date.")})
    post.end = end
    _with_history_user(post, user).save(update_fields=["end"])
    return post


@transaction.atomic
def set_work_contact(
    post: Post, *, user, work_email: str, work_phone: str, contact_visibility: str
) -> Post:
    """Set the work e-mail and phone of a post and who may see them."""
    if user is not None and not can_act_for(user, post.organisation):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    if contact_visibility not in ContactVisibility.values:
        raise ValidationError({"contact_visibility": _("Unknown visibility.")})
    post.work_email = (work_email or "").strip()
    post.work_phone = (work_phone or "").strip()
    post.contact_visibility = contact_visibility
    post.full_clean()
    _with_history_user(post, user).save(
        update_fields=["work_email", "work_phone", "contact_visibility"]
    )
    return post


@transaction.atomic
def add_competence(
    *,
    user,
    theme: str,
    description: str,
    language: str,
    organisation: Organisation | None = None,
    post: Post | None = None,
    territory=None,
) -> Competence:
    """Record that an organisation or a post handles cross-border questions on a theme."""
    owner = post.organisation if post is not None else organisation
    if owner is None or (organisation is not None and post is not None):
        raise ValidationError({"__all__": _("Give an organisation or a post, not both.")})
    if user is not None and not can_act_for(user, owner):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    if language not in NAME_LANGUAGES:
        raise ValidationError({"language": _("Unknown language.")})
    competence = Competence(
        organisation=None if post is not None else organisation,
        post=post,
        theme=theme,
        description=(description or "").strip(),
        language=language,
        territory=territory,
    )
    competence.full_clean()
    _with_history_user(competence, user).save()
    return competence


@transaction.atomic
def archive_competence(competence: Competence, *, user) -> Competence:
    owner = competence.post.organisation if competence.post_id else competence.organisation
    if user is not None and not can_act_for(user, owner):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    competence.archived_at = timezone.now()
    _with_history_user(competence, user).save(update_fields=["archived_at"])
    return competence


@transaction.atomic
def relate(
    *,
    user,
    kind: str,
    source: Organisation,
    target: Organisation,
    since: date | None = None,
    until: date | None = None,
    description: str = "",
    source_reference: str = "",
) -> Relation:
    if user is not None and not (can_act_for(user, source) or is_curator(user)):
        raise PermissionDenied(_("You may only edit your own organisation's records."))
    if source.pk == target.pk:
        raise ValidationError({"target": _("An organisation cannot be related to itself.")})
    if kind not in RelationKind.values:
        raise ValidationError({"kind": _("Unknown kind of relation.")})
    if since and until and until < since:
        raise ValidationError({"until": _("The end date is before the start date.")})
    relation, _created = Relation.objects.get_or_create(
        kind=kind,
        source=source,
        target=target,
        defaults={
            "since": since,
            "until": until,
            "description": description,
            "source_reference": source_reference,
        },
    )
    return relation


RELATION_FIELDS = ("since", "until", "description", "source_reference")


@transaction.atomic
def update_relation(relation: Relation, *, user, **fields) -> Relation:
    """Change a relation's dates, description or source (ending one = setting ``until``;
    relations are never deleted by users)."""
    if user is not None and not access.can_curate_relations(user):
        raise PermissionDenied(_("Only curators can change relations."))
    locked = Relation.objects.select_for_update().get(pk=relation.pk)
    changed = []
    for name, value in fields.items():
        if name not in RELATION_FIELDS:
            raise ValidationError({name: _("This field cannot be changed.")})
        if getattr(locked, name) != value:
            setattr(locked, name, value)
            changed.append(name)
    if locked.since and locked.until and locked.until < locked.since:
        raise ValidationError({"until": _("The end date is before the start date.")})
    locked.full_clean()
    if changed:
        _with_history_user(locked, user).save(update_fields=changed)
    return locked


@transaction.atomic
def record_presidency(*, user, year: int, country: str, note: str = "") -> Presidency:
    """Add the presidency of ``year``; a year has one presidency (a second one is refused)."""
    if user is not None and not is_curator(user):
        raise PermissionDenied(_("Only curators can record presidencies."))
    if Presidency.objects.filter(year=year).exists():
        raise ValidationError(
            {"year": _("The presidency of %(year)s is already recorded.") % {"year": year}}
        )
    return set_presidency(user=user, year=year, country=country, note=note)


@transaction.atomic
def set_presidency(*, user, year: int, country: str, note: str = "") -> Presidency:
    if user is not None and not is_curator(user):
        raise PermissionDenied(_("Only curators can record presidencies."))
    if country.upper() not in ("BE", "NL", "LU"):
        raise ValidationError({"country": _("The Benelux presidency is held by BE, NL or LU.")})
    if not 1944 <= year <= 2200:
        raise ValidationError({"year": _("Give a year between 1944 and 2200.")})
    presidency, _created = Presidency.objects.update_or_create(
        year=year, defaults={"country": country.upper(), "note": note}
    )
    return presidency


@dataclass
class DirectoryUpsert:
    """Idempotent creation used by the demo loader (no permission checks: runs as the system)."""

    created: int = 0

    def organisation(self, slug: str, names: dict[str, str], **fields) -> Organisation:
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            organisation = create_organisation(user=None, slug=slug, names=names, **fields)
            self.created += 1
        return organisation

    def person(self, slug: str, **fields) -> Person:
        person = Person.objects.filter(slug=slug).first()
        if person is None:
            person = create_person(user=None, slug=slug, **fields)
            self.created += 1
        return person

    def post(self, person: Person, organisation: Organisation, role: str, **fields) -> Post:
        post = Post.objects.filter(person=person, organisation=organisation, role=role).first()
        if post is None:
            post = appoint(user=None, person=person, organisation=organisation, role=role, **fields)
            self.created += 1
        return post


@transaction.atomic
def save_directory_record(instance, *, user):
    """Create or change a person, post or relation from the admin (validated, with history)."""
    if user is not None and not is_curator(user):
        raise PermissionDenied(_("Only curators can change the directory here."))
    instance.full_clean()
    _with_history_user(instance, user).save()
    return instance
