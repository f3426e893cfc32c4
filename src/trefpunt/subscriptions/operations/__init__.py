"""Every write to subscriptions: following, changing, stopping, and mailing the digests.

Views, the API, the admin and the CLI call these. Each checks ``access`` and runs in one
transaction; bad input raises ``ValidationError`` naming the fields, a refused write
``PermissionDenied``; neither changes anything.
"""

from .digests import DigestSummary, send_digests
from .subscribing import (
    change_frequency,
    digest_token,
    find_target,
    read_unsubscribe,
    subscribe,
    subscription_token,
    target_key,
    unsubscribe,
    unsubscribe_by_token,
    unsubscribe_url,
)

__all__ = [
    "DigestSummary",
    "change_frequency",
    "digest_token",
    "find_target",
    "read_unsubscribe",
    "send_digests",
    "subscribe",
    "subscription_token",
    "target_key",
    "unsubscribe",
    "unsubscribe_by_token",
    "unsubscribe_url",
]
