"""Which page of this site a format request is about: a local path, never another site."""

from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

MAX_PATH_LENGTH = 500
# Titles of the pages anyone can reach from the footer; other pages are recorded by their path.
KNOWN_TITLES = {
    "home": "Home",
    "accessibility": "Accessibility statement",
    "help": "Get help",
    "co_production": "What co-production means here",
    "communications:display": "Change how pages look",
}


def local_page_path(raw: str | None) -> str | None:
    """``raw`` if it is the path of a page of this site (with its query, if any), otherwise None.

    Refuses anything with a scheme or host, protocol-relative paths ("//evil.example"), backslashes,
    control characters, and paths no URL pattern matches.
    """
    if not raw or len(raw) > MAX_PATH_LENGTH or "\\" in raw or any(ord(char) < 32 or ord(char) == 127 for char in raw):
        return None
    parts = urlsplit(raw)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    try:
        resolve(parts.path)
    except Resolver404:
        return None
    return raw


def page_title(path: str) -> str:
    """The title of a well-known page, or "" (then people see the path)."""
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return ""
    return KNOWN_TITLES.get(match.view_name, "")
