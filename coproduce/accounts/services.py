"""Signing in by emailed link: asking for a link, and using it."""

import enum
import secrets

from django.conf import settings
from django.contrib.auth import login
from django.core.mail import EmailMessage
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from coproduce.accounts.models import SignInLink, SignInRequest, User, hash_token, normalise_email
from coproduce.audit.services import record_event
from coproduce.communications.choices import MessageFormat
from coproduce.communications.messaging import compose_email, format_for, print_points
from coproduce.pdf import STANDARD_POINTS
from coproduce.people.models import Person
from coproduce.refusals import Refused


class SignInLinkRequest(enum.Enum):
    # Both outcomes that follow a valid request look the same to the person, whether or not the
    # address has an account, so the form cannot be used to find out who is a member.
    ACCEPTED = "accepted"
    TOO_MANY = "too_many"


class SignInLinkProblem(Refused):
    """A sign-in link that cannot be used. ``message`` is written for the person holding it."""


LINK_NOT_RECOGNISED = "This sign-in link is not recognised. Check you copied the whole link, or ask for a new one."
LINK_USED = "This sign-in link has already been used. Each link works once. Ask for a new one."
LINK_EXPIRED = "This sign-in link has expired. Links work for 15 minutes. Ask for a new one."


def _email_fingerprint(email: str) -> str:
    return salted_hmac("coproduce.sign-in-request", normalise_email(email)).hexdigest()


@transaction.atomic
def request_sign_in_link(*, email: str, ip_address: str | None) -> SignInLinkRequest:
    """Email a single-use sign-in link to ``email`` if it belongs to an active account.

    Effects: records the request (for rate limiting) and deletes requests older than the window;
    if the address has an active account and neither limit is reached, creates a SignInLink, emails
    it and records an audit event.
    """
    since = timezone.now() - settings.SIGN_IN_LINK_WINDOW
    fingerprint = _email_fingerprint(email)
    recent = SignInRequest.objects.filter(requested_at__gte=since)
    too_many = recent.filter(email_hash=fingerprint).count() >= settings.SIGN_IN_LINK_LIMIT_PER_EMAIL or (
        ip_address is not None and recent.filter(ip_address=ip_address).count() >= settings.SIGN_IN_LINK_LIMIT_PER_IP
    )
    if too_many:
        return SignInLinkRequest.TOO_MANY
    SignInRequest.objects.create(email_hash=fingerprint, ip_address=ip_address)
    # Requests older than the window count for nothing; IP addresses are personal data, so go.
    SignInRequest.objects.filter(requested_at__lt=since).delete()

    user = User.objects.filter(email=normalise_email(email), is_active=True).first()
    if user is None:
        return SignInLinkRequest.ACCEPTED

    token = secrets.token_urlsafe(32)
    now = timezone.now()
    SignInLink.objects.create(
        user=user, token_hash=hash_token(token), created_at=now, expires_at=now + settings.SIGN_IN_LINK_LIFETIME
    )
    url = settings.SITE_URL + reverse("accounts:sign_in_link", kwargs={"token": token})
    minutes = int(settings.SIGN_IN_LINK_LIFETIME.total_seconds() // 60)
    # Sent straight away rather than through the task queue, so the token never sits in the database.
    sign_in_link_email(user, url=url, minutes=minutes).send(fail_silently=False)
    record_event(actor=user, action="accounts.sign_in_link_sent", target=user)
    return SignInLinkRequest.ACCEPTED


def sign_in_link_email(user: User, *, url: str, minutes: int) -> EmailMessage:
    """The sign-in link email in the format the person reads best: Easy Read if they asked for it."""
    person = Person.objects.filter(user=user).first()
    message_format = format_for(person) if person is not None else MessageFormat.STANDARD
    if message_format == MessageFormat.EASY_READ:
        subject, template = "Sign in to Coproduce", "accounts/email/sign_in_link_easy_read.txt"
    else:
        subject, template = "Your link to sign in to Coproduce", "accounts/email/sign_in_link.txt"
    body = render_to_string(template, {"url": url, "minutes": minutes, "person": person}).strip()
    points = print_points(person, message_format) if person is not None else STANDARD_POINTS
    return compose_email(subject=subject, body=body, address=user.email, message_format=message_format, points=points)


def find_sign_in_link(token: str) -> SignInLink:
    """Return the link for ``token`` if it can still be used; raise SignInLinkProblem if not."""
    link = SignInLink.objects.select_related("user").filter(token_hash=hash_token(token)).first()
    if link is None or not link.user.is_active:
        raise SignInLinkProblem(LINK_NOT_RECOGNISED)
    if link.is_used:
        raise SignInLinkProblem(LINK_USED)
    if link.has_expired():
        raise SignInLinkProblem(LINK_EXPIRED)
    return link


@transaction.atomic
def sign_in_with_link(request: HttpRequest, *, token: str) -> User:
    """Sign the holder of ``token`` in, using the link up.

    Effects: marks the link used (locking it, so two clicks cannot both succeed), starts a session,
    records an audit event. Raises SignInLinkProblem if the link is unknown, used or expired.
    """
    link = find_sign_in_link(token)
    locked = SignInLink.objects.select_for_update().get(pk=link.pk)
    if locked.is_used:
        raise SignInLinkProblem(LINK_USED)
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    login(request, link.user, backend="django.contrib.auth.backends.ModelBackend")
    record_event(actor=link.user, action="accounts.signed_in", target=link.user, payload={"method": "link"})
    return link.user
