"""What every view may take as given about a request, and the one guard for what a person may do.

``LoginRequiredMiddleware`` lets no one without a sign-in reach a view unless it is marked
``login_not_required``, so a view that needs a person types its request as
:class:`AuthenticatedHttpRequest` and reads ``request.user`` as a :class:`User`.
"""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

if TYPE_CHECKING:
    from coproduce.accounts.models import User


class AuthenticatedHttpRequest(HttpRequest):
    """A request from someone signed in (the middleware turns everyone else away)."""

    user: "User"


def require(allowed: bool) -> None:
    """Refuse with 403 Forbidden unless ``allowed`` (the answer of a rule in the app's ``permissions.py``)."""
    if not allowed:
        raise PermissionDenied
