"""The directory as Popolo JSON: persons, organizations, posts and memberships.

Only what the site shows to everyone: people and organisations not archived, an
organisation's general e-mail and phone (its public page shows them), and a post's work
contact only where the post shows it to everyone (``organisations.access.public_contact``).
A person's own e-mail or phone never leaves the platform. A Trefpunt post is one person's
position in an organisation: it gives one Popolo post and the membership that holds it.
"""

from django.utils.translation import override

from trefpunt.lib.languages import CODES
from trefpunt.organisations.access import public_contact
from trefpunt.organisations.models import Organisation, Person, Post, Role


def _date(value) -> str | None:
    return value.isoformat() if value else None


def _role_labels() -> dict[str, dict[str, str]]:
    labels: dict[str, dict[str, str]] = {}
    for code in CODES:
        with override(code):
            for value, label in Role.choices:
                labels.setdefault(value, {})[code] = str(label)
    return labels


def _contact_details(email: str, phone: str) -> list[dict]:
    details = []
    if email:
        details.append({"type": "email", "value": email})
    if phone:
        details.append({"type": "voice", "value": phone})
    return details


def _drop_empty(record: dict) -> dict:
    return {key: value for key, value in record.items() if value not in (None, "", [])}


def organization(organisation: Organisation, base: str, listed: set[int]) -> dict:
    """One organisation; ``listed`` holds the ids exported (an archived parent is not)."""
    names = organisation.names_by_language()
    other_names = [
        {"name": name, "lang": language}
        for language, name in sorted(names.items())
        if language != organisation.language
    ]
    if organisation.acronym:
        other_names.append({"name": organisation.acronym, "note": "acronym"})
    return _drop_empty(
        {
            "id": organisation.slug,
            "name": organisation.name,
            "lang": organisation.language,
            "other_names": other_names,
            "classification": organisation.kind,
            "parent_id": organisation.parent.slug if organisation.parent_id in listed else None,
            "area_id": organisation.territory.code if organisation.territory_id else None,
            "identifiers": [{"scheme": "trefpunt", "identifier": organisation.slug}],
            "contact_details": _contact_details(organisation.email, organisation.phone),
            "links": [{"url": base + organisation.get_absolute_url(), "note": "Trefpunt"}],
        }
    )


def person(record: Person, base: str) -> dict:
    return {
        "id": record.slug,
        "name": str(record),
        "given_name": record.given_name,
        "family_name": record.family_name,
        "identifiers": [{"scheme": "trefpunt", "identifier": record.slug}],
        "links": [{"url": base + record.get_absolute_url(), "note": "Trefpunt"}],
    }


def popolo(base: str) -> dict:
    """The export; ``base`` is the site address without a final slash. Four queries."""
    organisations = list(
        Organisation.objects.active()
        .select_related("parent", "territory")
        .prefetch_related("names")
        .order_by("slug")
    )
    active = {o.pk for o in organisations}
    persons = list(Person.objects.filter(archived_at__isnull=True).order_by("slug"))
    posts = list(
        Post.objects.listed()
        .select_related("person", "organisation")
        .order_by("organisation__slug", "person__slug", "pk")
    )
    roles = _role_labels()
    popolo_posts, memberships = [], []
    for post in posts:
        labels = roles.get(post.role, {})
        role = labels.get("en", post.role)
        popolo_posts.append(
            _drop_empty(
                {
                    "id": f"post-{post.pk}",
                    "label": post.title or role,
                    "other_label": [labels[c] for c in CODES if c != "en" and c in labels],
                    "role": role,
                    "role_labels": labels,
                    "organization_id": post.organisation.slug,
                    "start_date": _date(post.start),
                    "end_date": _date(post.end),
                }
            )
        )
        contact = public_contact(post)
        memberships.append(
            _drop_empty(
                {
                    "id": f"membership-{post.pk}",
                    "person_id": post.person.slug,
                    "organization_id": post.organisation.slug,
                    "post_id": f"post-{post.pk}",
                    "role": role,
                    "label": post.title,
                    "start_date": _date(post.start),
                    "end_date": _date(post.end),
                    "contact_details": _contact_details(
                        contact.get("email", ""), contact.get("phone", "")
                    ),
                }
            )
        )
    return {
        "persons": [person(p, base) for p in persons],
        "organizations": [organization(o, base, active) for o in organisations],
        "posts": popolo_posts,
        "memberships": memberships,
    }
