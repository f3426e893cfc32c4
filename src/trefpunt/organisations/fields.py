"""Organisations (any language, or acronym) and people typed by name with suggestions; see
lib.suggest."""

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.suggest import SuggestField
from trefpunt.lib.text import fold

from .models import Organisation, Person, Post


def label(organisation: Organisation) -> str:
    """How an organisation reads in fields and suggestions: its name in the reader's language
    and its identifier (which tells apart two bodies of the same name)."""
    return f"{organisation.name_in(current_language())} ({organisation.slug})"


def matching(queryset, query: str):
    """``queryset`` narrowed to organisations named, or abbreviated, like ``query``."""
    key = fold(query)
    if not key:
        return queryset.none()
    return queryset.filter(
        Q(names__folded__contains=key)
        | Q(name__icontains=query)
        | Q(acronym__iexact=query)
        | Q(slug=query)
    ).distinct()


def suggestions(queryset, query: str, limit: int = 8) -> list[Organisation]:
    found = matching(queryset, query).prefetch_related("names").order_by("name")[:limit]
    return list(found)


class OrganisationsField(SuggestField):
    suggest_url = reverse_lazy("organisations:suggest")
    unknown_message = _("No organisation you may choose is called “%(entry)s”.")
    unknown_with_suggestions = _(
        "No organisation you may choose is called “%(entry)s”. Did you mean: %(names)s?"
    )
    help_text = _("Type a name in any language or an acronym; suggestions appear as you type.")

    def option_label(self, obj):
        return label(obj)

    def by_key(self, queryset, key):
        return queryset.filter(slug=key).first()

    def by_name(self, queryset, entry):
        key = fold(entry)
        exact = queryset.filter(
            Q(names__folded=key) | Q(name__iexact=entry) | Q(acronym__iexact=entry) | Q(slug=entry)
        ).distinct()
        return exact.first() if exact.count() == 1 else None

    def suggest(self, queryset, entry, limit):
        return suggestions(queryset, entry, limit)


def directory_people():
    """The people the public directory shows: not archived, with a post in a listed
    organisation."""
    listed = Post.objects.listed().values("person_id")
    return Person.objects.filter(archived_at__isnull=True, pk__in=listed)


def person_label(person: Person) -> str:
    """How a person reads in fields and suggestions: the name and the identifier (which tells
    apart two people of the same name)."""
    return f"{person.given_name} {person.family_name} ({person.slug})"


def _full_name(entry: str) -> Q:
    words = entry.split()
    if len(words) < 2:
        return Q(pk__in=[])
    given, family = " ".join(words[:-1]), words[-1]
    reverse_given, reverse_family = " ".join(words[1:]), words[0]
    return Q(given_name__iexact=given, family_name__iexact=family) | Q(
        given_name__iexact=reverse_given, family_name__iexact=reverse_family
    )


def people_matching(queryset, query: str):
    """``queryset`` narrowed to people whose given or family name contains a word of
    ``query`` (every word must match one of the two)."""
    words = query.split()
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(
            Q(given_name__icontains=word) | Q(family_name__icontains=word) | Q(slug=word)
        )
    return queryset


def people_like(queryset, query: str):
    """People named like every word of ``query``; failing that, like any of its words (a
    misspelt given name still finds the family)."""
    every = people_matching(queryset, query)
    words = query.split()
    if len(words) < 2 or every.exists():
        return every
    any_word = Q(pk__in=[])
    for word in words:
        any_word |= Q(given_name__icontains=word) | Q(family_name__icontains=word)
    return queryset.filter(any_word)


def people_suggestions(queryset, query: str, limit: int = 8) -> list[Person]:
    order = ("family_name", "given_name", "pk")
    return list(people_like(queryset, query).order_by(*order)[:limit])


class PeopleField(SuggestField):
    suggest_url = reverse_lazy("organisations:people_suggest")
    unknown_message = _("No person you may choose is called “%(entry)s”.")
    unknown_with_suggestions = _(
        "No person you may choose is called “%(entry)s”. Did you mean: %(names)s?"
    )
    help_text = _("Type a given or family name; suggestions appear as you type.")

    def option_label(self, obj):
        return person_label(obj)

    def by_key(self, queryset, key):
        return queryset.filter(slug=key).first()

    def by_name(self, queryset, entry):
        exact = queryset.filter(_full_name(entry) | Q(slug=entry))
        return exact.first() if exact.count() == 1 else None

    def suggest(self, queryset, entry, limit):
        return people_suggestions(queryset, entry, limit)


def directory_posts():
    """The posts the public directory shows and forms offer: current, of people and
    organisations not archived."""
    return (
        Post.objects.current()
        .listed()
        .select_related("person", "organisation")
        .prefetch_related("organisation__names")
    )


def post_label(post: Post) -> str:
    """How a post reads in fields and suggestions: who, what, where, and its number (which tells
    apart two posts of one person at the same organisation)."""
    organisation = post.organisation
    where = organisation.name_in(current_language())
    if organisation.country:
        where = f"{where}, {organisation.country}"
    person = f"{post.person.given_name} {post.person.family_name}"
    return f"{person} — {post.get_role_display()}, {where} (#{post.pk})"


def post_suggestions(queryset, query: str, limit: int = 8) -> list[Post]:
    """Posts held by people named like ``query``, or at organisations named like it."""
    people = people_like(Person.objects.all(), query).values("pk")
    organisations = matching(Organisation.objects.all(), query).values("pk")
    found = queryset.filter(Q(person__in=people) | Q(organisation__in=organisations))
    order = ("person__family_name", "person__given_name", "pk")
    return list(found.order_by(*order)[:limit])


class PostField(SuggestField):
    """One post (a person in a role at an organisation), typed by the person's or the
    organisation's name, with suggestions."""

    suggest_url = reverse_lazy("organisations:posts_suggest")
    unknown_message = _("Nobody you may choose holds a post as “%(entry)s”.")
    unknown_with_suggestions = _(
        "Nobody you may choose holds a post as “%(entry)s”. Did you mean: %(names)s?"
    )
    help_text = _("Type the person's name or their organisation's; suggestions appear as you type.")

    def __init__(self, **kwargs):
        super().__init__(many=False, **kwargs)

    def option_label(self, obj):
        return post_label(obj)

    def by_key(self, queryset, key):
        number = key.removeprefix("#")
        return queryset.filter(pk=int(number)).first() if number.isdigit() else None

    def by_name(self, queryset, entry):
        # "Given Family": their one post; with several, the suggestions tell them apart.
        name = entry.split(" — ")[0]
        held = queryset.filter(person__in=Person.objects.filter(_full_name(name)).values("pk"))
        found = list(held[:2])
        return found[0] if len(found) == 1 else None

    def suggest(self, queryset, entry, limit):
        return post_suggestions(queryset, entry.split(" — ")[0], limit)
