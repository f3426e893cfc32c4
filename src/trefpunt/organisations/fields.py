"""Organisations typed by name (any language, or acronym) with suggestions; see lib.suggest."""

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.suggest import SuggestField
from trefpunt.lib.text import fold

from .models import Organisation


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

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            _("Type a name in any language or an acronym; suggestions appear as you type."),
        )
        super().__init__(**kwargs)

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
