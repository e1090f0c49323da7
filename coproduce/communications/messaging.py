"""The one path for every outbound message to a person.

Call ``send_message(person, content, topic=...)`` from worker code (a django-tasks task), never from a
request. It works out the route (email, text message, post, phone, through a supporter) and the format
(standard, plain text, large print, Easy Read) from the person's contact preferences and access needs,
records a ``Message`` and then:

- email and text messages go now; a failure is retried by the worker with a growing wait
  (``COPRODUCE_MESSAGE_RETRIES``, ``COPRODUCE_MESSAGE_RETRY_SECONDS``), then shown as failed;
- post waits for the coordinator's letter batch (``letters.py``), large print at the person's size;
- a phone call, or a supporter with no email address or mobile number, becomes a call to make;
- when no route is allowed or possible the message is recorded as "not sent" with the reason.

A route the person refused is never used. A message is never sent twice: each attempt first claims the
row with a conditional update.
"""

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from coproduce.accounts.models import User
from coproduce.communications import conf, sms
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import ContactPreferences, Message
from coproduce.pdf import LARGE_PRINT_POINTS, STANDARD_POINTS
from coproduce.people.models import AccessNeed, AccessProfile, Need, Person
from coproduce.people.models.person import ContactRoute

# The order in which other routes are tried when the person's own route cannot be used.
FALLBACK_ROUTES = (MessageRoute.EMAIL, MessageRoute.TEXT, MessageRoute.POST)
# How long a text message may be before it is cut short (three SMS parts).
TEXT_LIMIT = 459
_URL = re.compile(r"https?://\S+")
_FILE_LINK = re.compile(r"\.(ics|pdf|csv|xlsx|json)$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s()-]{10,20}$")


@dataclass(frozen=True)
class Content:
    """What to say, in the standard version and (optionally) the Easy Read version."""

    subject: str
    text: str  # the standard text (plain text; also used for large print and plain-text email)
    easy_read_subject: str = ""  # blank: use subject
    easy_read_text: str = ""  # blank: use text

    def for_format(self, message_format: str) -> tuple[str, str]:
        """The subject and text to send in this format."""
        if message_format == MessageFormat.EASY_READ:
            return self.easy_read_subject or self.subject, self.easy_read_text or self.text
        return self.subject, self.text


def content_from_templates(
    template: str, context: dict[str, Any], *, subject: str, easy_read_subject: str = ""
) -> Content:
    """Render "<template>.txt" and, if it exists, "<template>_easy_read.txt" (Django template names)."""
    text: str = render_to_string(f"{template}.txt", context)
    easy_read_text: str
    try:
        easy_read_text = render_to_string(f"{template}_easy_read.txt", context)
    except TemplateDoesNotExist:
        easy_read_text = ""
    return Content(subject=subject, text=text, easy_read_subject=easy_read_subject, easy_read_text=easy_read_text)


# --- Choosing the format and route -------------------------------------------------------------------


def preferences_of(person: Person) -> ContactPreferences:
    """The person's contact preferences (unsaved defaults when they have not said)."""
    found = ContactPreferences.objects.filter(person=person).first()
    return found if found is not None else ContactPreferences(person=person)


def format_for(person: Person, preferences: ContactPreferences | None = None) -> str:
    """The person's chosen format; else Easy Read or large print from their access needs; else standard."""
    preferences = preferences if preferences is not None else preferences_of(person)
    if preferences.message_format:
        return preferences.message_format
    needs = set(AccessNeed.objects.filter(profile__person=person).values_list("need", flat=True))
    if Need.EASY_READ in needs:
        return MessageFormat.EASY_READ
    if Need.LARGE_PRINT in needs:
        return MessageFormat.LARGE_PRINT
    return MessageFormat.STANDARD


def print_points(person: Person, message_format: str) -> int:
    """Letter text size: the person's large print size (rounded up to one we print), else 16pt or 12pt."""
    if message_format not in (MessageFormat.LARGE_PRINT, MessageFormat.EASY_READ):
        return STANDARD_POINTS
    profile = AccessProfile.objects.filter(person_id=person.pk).only("large_print_size").first()
    size = profile.large_print_size if profile is not None else None
    if not size:
        return LARGE_PRINT_POINTS[0]
    return next((points for points in LARGE_PRINT_POINTS if points >= size), LARGE_PRINT_POINTS[-1])


def is_email_address(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def is_phone_number(value: str) -> bool:
    return bool(_PHONE.match(value.strip())) and sum(ch.isdigit() for ch in value) >= 10


def _why_impossible(person: Person, route: str) -> str:
    """Blank when the route can reach the person; else what is missing."""
    if route == MessageRoute.EMAIL and not person.email:
        return "no email address"
    if route in (MessageRoute.TEXT, MessageRoute.PHONE) and not person.phone:
        return "no phone number"
    if route == MessageRoute.POST and not person.postal_address.strip():
        return "no postal address"
    if route == MessageRoute.SUPPORTER and not (person.supporter_contact.strip() or person.supporter_name.strip()):
        return "no supporter details"
    return ""


def route_for(person: Person, preferences: ContactPreferences | None = None) -> tuple[str, str]:
    """(route, reason). The route is MessageRoute.NONE, with the reason, when nothing may be used."""
    preferences = preferences if preferences is not None else preferences_of(person)
    if person.anonymised_at is not None:
        return MessageRoute.NONE, "The person's record was anonymised at their request."
    reasons: list[str] = []
    own = person.contact_route if person.contact_route in MessageRoute.values else ContactRoute.EMAIL
    candidates = [own, *[route for route in FALLBACK_ROUTES if route != own]]
    for route in candidates:
        label = MessageRoute(route).label.lower()
        if preferences.refuses(route):
            reasons.append(f"{label}: refused")
            continue
        missing = _why_impossible(person, route)
        if missing:
            reasons.append(f"{label}: {missing}")
            continue
        return route, ""
    return MessageRoute.NONE, "No way we may use to reach them (" + "; ".join(reasons) + ")."


# --- Sending ---------------------------------------------------------------------------------------


def send_message(person: Person, content: Content, *, topic: str, sent_by: User | None = None) -> Message:
    """Call from worker code (a django-tasks task), not from a request.

    Picks route and format from the person's preferences, renders, records a Message, delivers email and
    text now (failures retried by the worker, then shown to coordinators), queues post for the
    coordinator's letter batch, never uses a route the person refused. ``topic`` is a short slug such as
    "newsletter", "digest" or "reminder".
    """
    preferences = preferences_of(person)
    message_format = format_for(person, preferences)
    route, reason = route_for(person, preferences)
    if message_format == MessageFormat.PLAIN_TEXT and route in (MessageRoute.POST, MessageRoute.PHONE):
        message_format = MessageFormat.STANDARD  # plain text is about email; a letter is printed normally
    subject, body = content.for_format(message_format)
    message = Message(
        person=person,
        topic=topic,
        route=route,
        format=message_format,
        subject=subject.strip()[:300],
        body=body.strip(),
        sent_by=sent_by,
    )
    if route == MessageRoute.NONE:
        message.status = MessageStatus.NOT_SENT
        message.last_error = reason
    elif route == MessageRoute.POST:
        message.status = MessageStatus.WAITING_FOR_POST
    elif route == MessageRoute.PHONE:
        message.status = MessageStatus.TO_CALL
        message.sent_to = person.phone
    elif route == MessageRoute.SUPPORTER:
        contact = person.supporter_contact.strip()
        message.sent_to = contact
        if not (is_email_address(contact) or is_phone_number(contact)):
            message.status = MessageStatus.TO_CALL
    elif route == MessageRoute.EMAIL:
        message.sent_to = person.email
    elif route == MessageRoute.TEXT:
        message.sent_to = person.phone
    message.save()
    if message.status == MessageStatus.SENDING:
        _attempt(message.pk, claim_from=MessageStatus.SENDING)
        message.refresh_from_db()
    return message


def retry(message_id: int) -> bool:
    """Try a queued retry now. False when someone else has the message or it no longer needs sending."""
    return _attempt(message_id, claim_from=MessageStatus.RETRYING)


def _attempt(message_id: int, *, claim_from: str) -> bool:
    # Claim the message: only one worker moves it out of `claim_from`, so it is never sent twice.
    claimed = Message.objects.filter(pk=message_id, status=claim_from).update(
        status=MessageStatus.SENDING, attempts=F("attempts") + 1
    )
    if not claimed:
        return False
    message = Message.objects.select_related("person").get(pk=message_id)
    try:
        _deliver(message)
    except Exception as error:
        _record_failure(message, error)
        return False
    Message.objects.filter(pk=message_id, status=MessageStatus.SENDING).update(
        status=MessageStatus.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


@task()
def retry_message(*, message_id: int) -> bool:
    """Try again to send an email or text message that failed. True when it was sent this time.

    Defined here, not in tasks.py, so that this module imports no tasks module (tasks.py re-exports it).
    """
    return retry(message_id)


def _record_failure(message: Message, error: Exception) -> None:
    attempts = Message.objects.values_list("attempts", flat=True).get(pk=message.pk)
    detail = f"{type(error).__name__}: {error}"[:1000] or "Unknown error"
    if attempts > conf.message_retries():
        Message.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
            status=MessageStatus.FAILED, last_error=detail
        )
        return
    with transaction.atomic():
        updated = Message.objects.filter(pk=message.pk, status=MessageStatus.SENDING).update(
            status=MessageStatus.RETRYING, last_error=detail
        )
        if updated:
            wait = timedelta(seconds=conf.message_retry_seconds() * 2 ** (attempts - 1))
            retry_message.using(run_after=timezone.now() + wait).enqueue(message_id=message.pk)


def _deliver(message: Message) -> None:
    person = message.person
    if message.route == MessageRoute.EMAIL:
        _send_email(message, person.email)
    elif message.route == MessageRoute.TEXT:
        sms.get_backend().send(person.phone, text_message(message))
    elif message.route == MessageRoute.SUPPORTER:
        contact = person.supporter_contact.strip()
        if is_email_address(contact):
            _send_email(message, contact, on_behalf_of=person)
        else:
            sms.get_backend().send(contact, text_message(message, on_behalf_of=person))
    else:  # pragma: no cover - only email, text and supporter messages are delivered here
        raise ValueError(f"Cannot deliver a {message.route} message.")


def text_message(message: Message, *, on_behalf_of: Person | None = None) -> str:
    """A short text: the subject and the first link, if the message has one."""
    parts = []
    if on_behalf_of is not None:
        parts.append(f"For {on_behalf_of.name}:")
    parts.append(message.subject)
    links = _URL.findall(message.body)
    # A page rather than a file (such as a calendar file) is what a phone opens best.
    link = next((url for url in links if not _FILE_LINK.search(url)), links[0] if links else "")
    if link:
        parts.append(link)
    text = " ".join(parts)
    return text if len(text) <= TEXT_LIMIT else text[: TEXT_LIMIT - 1] + "…"


def email_for(message: Message, address: str, *, on_behalf_of: Person | None = None) -> EmailMessage:
    """The email for a message: plain text only for plain_text; otherwise with a simple HTML version."""
    body = message.body
    if on_behalf_of is not None:
        body = f"This message is for {on_behalf_of.name}. Please pass it on.\n\n{body}"
    return compose_email(
        subject=message.subject,
        body=body,
        address=address,
        message_format=message.format,
        points=print_points(message.person, message.format),
    )


def compose_email(*, subject: str, body: str, address: str, message_format: str, points: int) -> EmailMessage:
    """An email in a format: plain text only for plain_text; otherwise with a simple HTML version.

    Also for the few emails that must not be kept as a Message, such as a sign-in link.
    """
    if message_format == MessageFormat.PLAIN_TEXT:
        return EmailMessage(subject=subject, body=body + "\n", to=[address])
    email = EmailMultiAlternatives(subject=subject, body=body + "\n", to=[address])
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n", body) if part.strip()]
    html = render_to_string(
        "communications/email/message.html",
        {
            "subject": subject,
            "paragraphs": paragraphs,
            "points": points,
            "easy_read": message_format == MessageFormat.EASY_READ,
            "site_url": settings.SITE_URL,
        },
    )
    email.attach_alternative(html, "text/html")
    return email


def _send_email(message: Message, address: str, *, on_behalf_of: Person | None = None) -> None:
    sent = email_for(message, address, on_behalf_of=on_behalf_of).send(fail_silently=False)
    if not sent:
        raise RuntimeError("The email backend sent nothing.")


def reached(message: Message) -> int:
    """1 if the message went or is on its way (retrying, waiting for post, a call to make); 0 if not sent."""
    return 0 if message.status in (MessageStatus.NOT_SENT, MessageStatus.FAILED) else 1
