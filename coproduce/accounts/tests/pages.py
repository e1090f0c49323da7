"""Helpers for the sign-in page tests: the error summary, the page title, a sign-in link, the session's user."""

import re

from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client

from coproduce.accounts.models import User
from coproduce.accounts.services import SignInLinkRequest, request_sign_in_link

LINK_IN_EMAIL = re.compile(r"http://testserver(?P<path>/accounts/sign-in/link/[A-Za-z0-9_-]+/)")


def error_summary(*messages_by_anchor: tuple[str, str]) -> str:
    """The GOV.UK error summary markup for the given (anchor, message) pairs."""
    items = "".join(f'<li><a href="#{anchor}">{message}</a></li>' for anchor, message in messages_by_anchor)
    return (
        '<div class="govuk-error-summary" data-module="govuk-error-summary">'
        '<h2 class="govuk-error-summary__title">There is a problem</h2>'
        '<div class="govuk-error-summary__body">'
        f'<ul class="govuk-list govuk-error-summary__list">{items}</ul>'
        "</div></div>"
    )


def title_of(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    assert match is not None
    return match[1].strip()


def link_path_for(user: User) -> str:
    """Ask for a sign-in link for ``user`` and return the path in the email."""
    assert request_sign_in_link(email=user.email, ip_address="192.0.2.1") is SignInLinkRequest.ACCEPTED
    match = LINK_IN_EMAIL.search(str(mail.outbox[-1].body))
    assert match is not None
    return match["path"]


def signed_in_user_id(client: Client) -> str | None:
    """The id of the user the client's session cookie signs in, read without creating a session.

    (``client.session`` would save a new, empty session when there is none.)
    """
    cookie = client.cookies.get(settings.SESSION_COOKIE_NAME)
    session = Session.objects.filter(session_key=cookie.value).first() if cookie else None
    return session.get_decoded().get(SESSION_KEY) if session else None


def assert_no_traceback(response) -> None:
    content = response.content.decode()
    assert "Traceback" not in content
    assert "SignInLinkProblem" not in content
