"""Background work for activities, run by `manage.py db_worker`: confirmations, reminders and alerts.

Each task loads what it needs by id and checks, when it runs, that it still has something to say:
an activity can move, a person can withdraw, and a need can be met before a deadline passes.
"""

from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from coproduce.communications.messaging import content_from_templates, reached, send_message
from coproduce.communications.staff import Recipient, recipient_for, send_to, unique_recipients
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, NeedArrangement, Registration
from coproduce.involvement.queries import roster, waiting_position
from coproduce.people.models import Person
from coproduce.projects.models import ProjectRole

REGISTRATION_EVENTS = ("registered", "waiting", "moved_up")


def activity_links(activity: Activity) -> dict[str, str]:
    return {
        "url": settings.SITE_URL + reverse("involvement:detail", kwargs={"pk": activity.pk}),
        "ics_url": settings.SITE_URL + reverse("involvement:ics", kwargs={"pk": activity.pk}),
    }


def send_in_their_format(
    person: Person, *, subject: str, easy_read_subject: str, template: str, topic: str, **context: Any
) -> int:
    """Send ``person`` a message through the one messaging path, in their format and by their route.

    The Easy Read version comes from ``<template>_easy_read.txt``. Returns 1 if the message went (or is
    waiting for a coordinator to post or phone it), 0 if there was no way we may use to reach them.
    """
    content = content_from_templates(
        f"involvement/email/{template}",
        {"person": person, **context},
        subject=subject,
        easy_read_subject=easy_read_subject,
    )
    return reached(send_message(person, content, topic=topic))


@task()
def tell_person_about_registration(*, registration_id: int, event: str) -> int:
    """Confirm a registration (``event`` "registered"), a place on the waiting list ("waiting"), or a
    place offered from the waiting list ("moved_up"). Returns how many emails were sent.
    """
    if event not in REGISTRATION_EVENTS:
        raise ValueError(f"Unknown registration event {event!r}.")
    registration = Registration.objects.select_related("activity", "person").get(pk=registration_id)
    activity = registration.activity
    expected = RegistrationStatus.WAITING if event == "waiting" else RegistrationStatus.REGISTERED
    if registration.status != expected:
        return 0
    subjects = {
        "registered": (f"You are registered: {activity.title}", f"You have a place at {activity.title}"),
        "waiting": (
            f"You are on the waiting list: {activity.title}",
            f"You are on the waiting list for {activity.title}",
        ),
        "moved_up": (f"A place is free for you: {activity.title}", f"Good news. You have a place at {activity.title}"),
    }
    subject, easy_read_subject = subjects[event]
    return send_in_their_format(
        registration.person,
        subject=subject,
        easy_read_subject=easy_read_subject,
        template="registration",
        topic="registration",
        activity=activity,
        event=event,
        position=waiting_position(registration) if event == "waiting" else None,
        **activity_links(activity),
    )


@task()
def send_activity_reminder(*, registration_id: int, starts_at: str) -> int:
    """Remind a registered person about the activity a few days before it.

    Does nothing if they withdrew, if the activity has moved since the reminder was planned (a new
    reminder was planned for the new time), or if a reminder was already sent.
    """
    registration = Registration.objects.select_related("activity", "person").filter(pk=registration_id).first()
    if registration is None or registration.status != RegistrationStatus.REGISTERED:
        return 0
    activity = registration.activity
    if activity.starts_at != datetime.fromisoformat(starts_at) or activity.has_started():
        return 0
    # Claim the reminder first, so that two workers never send it twice.
    claimed = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True).update(
        reminder_sent_at=timezone.now()
    )
    if not claimed:
        return 0
    return send_in_their_format(
        registration.person,
        subject=f"Reminder: {activity.title}",
        easy_read_subject=f"Remember: {activity.title} is soon",
        template="reminder",
        topic="reminder",
        activity=activity,
        **activity_links(activity),
    )


@task()
def tell_person_need_cannot_be_met(*, arrangement_id: int) -> int:
    """Tell a person that one of their access needs cannot be met for an activity, and why."""
    arrangement = (
        NeedArrangement.objects.select_related("registration__activity", "registration__person")
        .filter(pk=arrangement_id)
        .first()
    )
    if arrangement is None or arrangement.status != ArrangementStatus.CANNOT_BE_MET:
        return 0
    activity = arrangement.registration.activity
    return send_in_their_format(
        arrangement.registration.person,
        subject=f"About your access needs for {activity.title}",
        easy_read_subject=f"About your support at {activity.title}",
        template="need_cannot_be_met",
        topic="access-needs",
        activity=activity,
        need=arrangement.get_need_display(),
        reason=arrangement.reason,
        **activity_links(activity),
    )


def alert_recipients(activity: Activity) -> list[Recipient]:
    """The project's staff leads and the coordinator who planned the activity, each once.

    The planner's alert goes to their Person record; a planner whose sign-in has no Person record (an
    admin made with createsuperuser, say) gets a plain email instead (see ``communications.staff``).
    """
    recipients: list[Recipient] = [
        membership.person
        for membership in activity.project.memberships.filter(role=ProjectRole.STAFF_LEAD)
        .select_related("person")
        .order_by("person_id")
    ]
    if activity.created_by.is_active:
        recipients.append(recipient_for(activity.created_by))
    return unique_recipients(recipients)


@task()
def alert_open_needs_at_deadline(*, activity_id: int, deadline: str) -> int:
    """When the deadline for asking for adjustments passes, alert the coordinators if needs are still open.

    Does nothing if every need is met or explained, or if the deadline has changed since the alert
    was planned (a new alert was planned for the new deadline). Returns how many people it reached.
    """
    activity = Activity.objects.select_related("project", "created_by").filter(pk=activity_id).first()
    if activity is None or activity.adjustments_deadline != date.fromisoformat(deadline):
        return 0
    open_needs = roster(activity).unacknowledged
    if not open_needs:
        return 0
    people = len({entry.registration.pk for entry, _ in open_needs})
    url = settings.SITE_URL + reverse("involvement:roster", kwargs={"pk": activity.pk})
    content = content_from_templates(
        "involvement/email/needs_still_open",
        {"activity": activity, "needs": len(open_needs), "people": people, "url": url},
        subject=f"Access needs still open: {activity.title}",
    )
    return sum(send_to(recipient, content, topic="needs_open") for recipient in alert_recipients(activity))
