"""One-click unsubscribe (RFC 8058) for every mail Trefpunt sends.

A link carries a signed token (``django.core.signing``, with its time) naming what it stops:
a category of mails for an address (``accounts``), or a subscription (``subscriptions``).
``unsubscribe_headers`` gives the ``List-Unsubscribe`` and ``List-Unsubscribe-Post`` headers
of a message; the body carries the same link. A forged or stale token reads as None.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

SALT = "trefpunt.unsubscribe"
# A link in an old mail still works for half a year.
MAX_AGE = 60 * 60 * 24 * 183


def make_token(payload: dict) -> str:
    return signing.dumps(payload, salt=SALT, compress=True)


def read_token(token: str) -> dict | None:
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return payload if isinstance(payload, dict) else None


def site_url(path: str) -> str:
    return settings.TREFPUNT_SITE_URL.rstrip("/") + path


def absolute_url(view_name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return site_url(reverse(view_name, kwargs=kwargs))


def unsubscribe_headers(url: str) -> dict[str, str]:
    return {
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def category_link(email: str, category: str, language: str) -> str:
    """The opt-out link of ``category`` for ``email``."""
    token = make_token({"e": email.strip().lower(), "c": category})
    return absolute_url("accounts:unsubscribe", language, token=token)
