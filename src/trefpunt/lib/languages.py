"""The four languages of the platform and how a request chooses one."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

CODES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)

LANGUAGE_LABELS = {
    "nl": _("Dutch"),
    "fr": _("French"),
    "de": _("German"),
    "en": _("English"),
    "lb": _("Luxembourgish"),
}


def current_language() -> str:
    """The active UI language, reduced to one of ours (``en`` when unknown)."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in CODES else settings.LANGUAGE_CODE


def negotiate(explicit: str | None, accept_language: str | None) -> str:
    """Pick a language from an explicit ``lang`` parameter, then ``Accept-Language``."""
    if explicit:
        code = explicit.lower().split("-")[0]
        if code in CODES:
            return code
    if accept_language:
        weighted = []
        for part in accept_language.split(","):
            tag, _sep, params = part.strip().partition(";")
            quality = 1.0
            if params.strip().startswith("q="):
                try:
                    quality = float(params.strip()[2:])
                except ValueError:
                    quality = 0.0
            weighted.append((quality, tag.strip().lower().split("-")[0]))
        for _quality, code in sorted(weighted, key=lambda item: -item[0]):
            if code in CODES:
                return code
    return current_language()
