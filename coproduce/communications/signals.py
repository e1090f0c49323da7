"""Copy a person's saved display preferences into their session when they sign in."""

from typing import Any

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from coproduce.accounts.models import User
from coproduce.communications.preferences import SESSION_KEY
from coproduce.communications.queries import saved_preferences


@receiver(user_logged_in)
def remember_display_preferences(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    if request is None or not hasattr(request, "session"):
        return
    saved = saved_preferences(user)
    request.session[SESSION_KEY] = saved.keys if saved is not None else None
