"""The client's address, also behind reverse proxies (used by the login lockout)."""

from django.conf import settings


def client_ip(request) -> str | None:
    """``REMOTE_ADDR`` when nothing proxies; else the address the outermost trusted proxy saw.

    Each proxy appends the address it received the request from to ``X-Forwarded-For``; with
    ``TREFPUNT_PROXY_COUNT`` proxies in front, that entry is the N-th from the right. Entries
    further left are the client's own claims and are never trusted.
    """
    count = settings.TREFPUNT_PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR") or None
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote
    return hops[-count][:45]
