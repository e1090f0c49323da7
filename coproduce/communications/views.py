"""The display preferences page: for everyone, signed in or not."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from coproduce.communications.context_processors import preferences_for
from coproduce.communications.forms import DisplayPreferencesForm
from coproduce.communications.preferences import COOKIE_MAX_AGE, COOKIE_NAME, SESSION_KEY
from coproduce.communications.services import save_preferences
from coproduce.forms import submitted


@login_not_required
def display(request: HttpRequest) -> HttpResponse:
    # Anyone may change how pages look for them; there is nothing to refuse.
    current = preferences_for(request)
    form = DisplayPreferencesForm(submitted(request), initial={"choices": current.keys})
    if form.is_valid():
        chosen = form.preferences()
        if request.user.is_authenticated:
            save_preferences(request.user, chosen)
            request.session[SESSION_KEY] = chosen.keys
        messages.success(request, "Your display settings are saved." if chosen else "Pages now have the standard look.")
        response = redirect("communications:display")
        # This device keeps the choice too, so it still applies after signing out.
        response.set_cookie(
            COOKIE_NAME,
            chosen.cookie_value,
            max_age=COOKIE_MAX_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    return render(request, "communications/display.html", {"form": form, "current": current})
