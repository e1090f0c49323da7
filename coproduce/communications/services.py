"""Saving display preferences, and recording and handling requests for pages in other formats."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.communications import conf
from coproduce.communications.choices import CLOSED_STATUSES, Format, MessageStatus, RequestStatus
from coproduce.communications.models import (
    ContactPreferences,
    DisplayPreferences,
    FormatRequest,
    FormatRequestAttempt,
    Message,
)
from coproduce.communications.pages import local_page_path, page_title
from coproduce.communications.permissions import can_manage_format_requests
from coproduce.communications.preferences import Preferences
from coproduce.communications.tasks import retry_message, tell_coordinators_about_format_request
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.refusals import Refused


@transaction.atomic
def save_preferences(user: User, preferences: Preferences) -> DisplayPreferences:
    """Keep ``preferences`` for ``user``, replacing what they chose before.

    Not audited: how someone likes pages to look is theirs alone, and may hint at a disability.
    """
    saved, _ = DisplayPreferences.objects.update_or_create(
        user=user,
        defaults={
            "large_text": preferences.large_text,
            "high_contrast": preferences.high_contrast,
            "more_spacing": preferences.more_spacing,
            "dyslexia_font": preferences.dyslexia_font,
            "reduce_motion": preferences.reduce_motion,
        },
    )
    return saved


# --- Requests for pages in other formats ----------------------------------------------------

ATTEMPT_WINDOW = timedelta(hours=1)


class FormatRequestRefused(Refused):
    """A request for another format, or a change to one, that cannot be made as asked."""


@transaction.atomic
def request_format(
    *,
    page_path: str,
    format: str,
    language: str = "",
    person: Person | None = None,
    name: str = "",
    email: str = "",
    phone: str = "",
    ip_address: str | None = None,
    by: User | None = None,
) -> FormatRequest:
    """Record that someone wants ``page_path`` in another format, due in COPRODUCE_FORMAT_REQUEST_DAYS days.

    Signed in (``person`` given): the request is theirs, and no name or contact details are stored.
    Signed out: records the attempt (for rate limiting) and deletes attempts older than an hour;
    raises FormatRequestRefused if too many came from ``ip_address`` in the last hour.
    Effects: creates the FormatRequest, queues an email to coordinators, records an audit event.
    Raises ValueError if ``page_path`` is not a page of this site.
    """
    path = local_page_path(page_path)
    if path is None:
        raise ValueError(f"Not a page of this site: {page_path!r}")
    if person is None:
        since = timezone.now() - ATTEMPT_WINDOW
        if (
            ip_address is not None
            and FormatRequestAttempt.objects.filter(ip_address=ip_address, requested_at__gte=since).count()
            >= conf.format_requests_per_ip_per_hour()
        ):
            raise FormatRequestRefused(
                "We have had a lot of requests from your internet connection in the last hour. "
                "Please try again later, or phone us."
            )
        FormatRequestAttempt.objects.create(ip_address=ip_address)
        # Older attempts count for nothing, and IP addresses are personal data, so they go.
        FormatRequestAttempt.objects.filter(requested_at__lt=since).delete()
    request = FormatRequest.objects.create(
        page_path=path,
        page_title=page_title(path),
        format=format,
        language=language.strip() if format == Format.OTHER_LANGUAGE else "",
        person=person,
        name="" if person is not None else name.strip(),
        email="" if person is not None else email.strip(),
        phone="" if person is not None else phone.strip(),
        due_on=timezone.localdate() + timedelta(days=conf.format_request_days()),
    )
    record_event(
        actor=by,
        action="communications.format_request_received",
        target=request,
        payload={"format": request.format, "page": request.page_path, "due_on": request.due_on.isoformat()},
    )
    request_id = request.pk
    transaction.on_commit(lambda: tell_coordinators_about_format_request.enqueue(format_request_id=request_id))
    return request


@transaction.atomic
def update_format_request(request: FormatRequest, *, status: str, reason: str = "", by: User) -> FormatRequest:
    """Move a request to ``status``: open, in hand, done, or cannot do (which needs a reason).

    Effects: sets who handled it, the day it was closed (cleared if it is reopened) and the reason;
    records an audit event. Raises PermissionDenied if ``by`` may not handle requests, and
    FormatRequestRefused when "cannot do" has no reason.
    """
    require(can_manage_format_requests(by))
    reason = reason.strip()
    if status == RequestStatus.CANNOT_DO and not reason:
        raise FormatRequestRefused("Say why we cannot make this format", field="reason")
    request = FormatRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    previous = request.status
    request.status = status
    request.reason = reason if status == RequestStatus.CANNOT_DO else ""
    request.handled_by = by
    if status in CLOSED_STATUSES:
        request.done_on = request.done_on if previous == status else timezone.localdate()
    else:
        request.done_on = None
    request.save(update_fields=["status", "reason", "handled_by", "done_on"])
    record_event(
        actor=by,
        action="communications.format_request_status_changed",
        target=request,
        payload={"from": previous, "to": status},
    )
    return request


# --- Messages and contact preferences -----------------------------------------------------------

CONTACT_FIELDS = ("message_format", "no_email", "no_text", "no_post", "no_phone", "no_supporter")


@transaction.atomic
def save_contact_preferences(person: Person, *, actor: User, **values: object) -> ContactPreferences:
    """Keep how ``person`` wants messages (format and refused routes), recorded by ``actor``.

    Audited with the names of the fields that changed, never their values (a format can hint at a disability).
    Raises ValueError for an unknown field.
    """
    unknown = set(values) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Unknown contact preference: {', '.join(sorted(unknown))}")
    preferences = ContactPreferences.objects.select_for_update(of=("self",)).filter(person=person).first()
    if preferences is None:
        preferences = ContactPreferences(person=person)
    changed = sorted(name for name, value in values.items() if getattr(preferences, name) != value)
    for name, value in values.items():
        setattr(preferences, name, value)
    on_behalf = person.user_id != actor.pk
    preferences.recorded_by = actor if on_behalf else None
    preferences.full_clean(exclude=["person"])
    preferences.save()
    if changed:
        record_event(
            actor=actor,
            action="communications.contact_preferences_changed",
            target=person,
            payload={"fields": ", ".join(changed), "on_behalf": on_behalf},
        )
    return preferences


def retry_failed_message(message: Message, *, actor: User) -> bool:
    """Send a failed message again (one more attempt, by the worker). False if it was not failed."""
    with transaction.atomic():
        updated = Message.objects.filter(pk=message.pk, status=MessageStatus.FAILED).update(
            status=MessageStatus.RETRYING
        )
        if not updated:
            return False
        record_event(actor=actor, action="communications.message_retried", target=message, payload={})
        retry_message.enqueue(message_id=message.pk)
    return True


@transaction.atomic
def mark_letters_posted(message_ids: list[int], *, actor: User) -> int:
    """The coordinator printed and posted these letters. Only letters still waiting change. Returns how many."""
    posted = Message.objects.filter(pk__in=message_ids, status=MessageStatus.WAITING_FOR_POST).update(
        status=MessageStatus.POSTED, printed_at=timezone.now(), sent_at=timezone.now(), done_by=actor
    )
    if posted:
        record_event(actor=actor, action="communications.letters_posted", payload={"letters": posted})
    return posted


@transaction.atomic
def mark_call_made(message: Message, *, actor: User) -> bool:
    """The coordinator made the call (to the person or their supporter). False if it was not waiting."""
    done = Message.objects.filter(pk=message.pk, status=MessageStatus.TO_CALL).update(
        status=MessageStatus.CALLED, sent_at=timezone.now(), done_by=actor
    )
    if done:
        record_event(actor=actor, action="communications.call_made", target=message, payload={})
    return bool(done)
