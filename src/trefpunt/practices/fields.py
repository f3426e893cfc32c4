"""Practices typed by title (in any of their languages) or number, with suggestions; see
lib.suggest."""

from django.db.models import Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from trefpunt.lib.languages import current_language
from trefpunt.lib.suggest import SuggestField

from .models import Practice


def label(practice: Practice) -> str:
    """How a practice reads in fields and suggestions: its title for the reader, its number."""
    return f"{practice.reading_in(current_language()).title} (#{practice.pk})"


def matching(queryset, query: str):
    return queryset.filter(
        Q(title__icontains=query) | Q(translations__title__icontains=query)
    ).distinct()


def suggestions(queryset, query: str, limit: int = 8) -> list[Practice]:
    found = matching(queryset, query).prefetch_related("translations").order_by("title")
    return list(found[:limit])


class PracticesField(SuggestField):
    suggest_url = reverse_lazy("practices:suggest")
    unknown_message = _("No practice you may choose is called “%(entry)s”.")
    unknown_with_suggestions = _(
        "No practice you may choose is called “%(entry)s”. Did you mean: %(names)s?"
    )
    help_text = _(
        "Type titles (or numbers), in the order to show them; suggestions appear as you type."
    )

    def option_label(self, obj):
        return label(obj)

    def by_key(self, queryset, key):
        key = key.lstrip("#")
        return queryset.filter(pk=int(key)).first() if key.isdigit() else None

    def by_name(self, queryset, entry):
        exact = queryset.filter(
            Q(title__iexact=entry) | Q(translations__title__iexact=entry)
        ).distinct()
        return exact.first() if exact.count() == 1 else None

    def suggest(self, queryset, entry, limit):
        return suggestions(queryset, entry, limit)
