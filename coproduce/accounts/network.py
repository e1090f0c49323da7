"""The address a request came from, for rate limits and lockouts."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's IP address.

    Behind a reverse proxy every request comes from the proxy, so the client's address is taken from
    X-Forwarded-For: the entry the nearest trusted proxy added (counting from the right), which a
    client cannot forge. Without a proxy, X-Forwarded-For is ignored for the same reason.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
