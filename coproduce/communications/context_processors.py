"""Display preferences for every page: classes on ``<html>`` chosen on the server, so no JavaScript.

Signed in: what the person saved, copied into their session when they sign in (see ``signals.py``), so
pages cost no extra query. Otherwise, or if they never saved any: the cookie. Only known keys are read.
"""

from typing import Any

from django.http import HttpRequest

from coproduce.communications.preferences import COOKIE_NAME, SESSION_KEY, Preferences
from coproduce.communications.queries import saved_preferences


def preferences_for(request: HttpRequest) -> Preferences:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and hasattr(request, "session"):
        if SESSION_KEY not in request.session:
            saved = saved_preferences(user)
            request.session[SESSION_KEY] = saved.keys if saved is not None else None
        keys = request.session[SESSION_KEY]
        if keys is not None:
            return Preferences.from_keys(keys)
    return Preferences.from_cookie(request.COOKIES.get(COOKIE_NAME))


def display_preferences(request: HttpRequest) -> dict[str, Any]:
    preferences = preferences_for(request)
    return {"display_preferences": preferences, "display_classes": preferences.html_classes}
