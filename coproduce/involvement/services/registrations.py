"""Registering for activities and withdrawing, with the waiting list and reminders."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement import conf
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.permissions import can_manage_activities, can_register, can_withdraw_registration
from coproduce.involvement.services.roster import unready_if_needs_open
from coproduce.involvement.tasks import send_activity_reminder, tell_person_about_registration
from coproduce.people.models import Person
from coproduce.refusals import Refused


class RegistrationRefused(Refused):
    """A registration that cannot be made or withdrawn as asked."""


def schedule_reminder(registration: Registration, activity: Activity) -> None:
    """Plan the reminder for the set number of days before the activity starts, unless that has passed."""
    remind_at = activity.starts_at - timedelta(days=conf.reminder_days_before())
    if remind_at <= timezone.now():
        return
    registration_id, starts_at = registration.pk, activity.starts_at.isoformat()
    transaction.on_commit(
        lambda: send_activity_reminder.using(run_after=remind_at).enqueue(
            registration_id=registration_id, starts_at=starts_at
        )
    )


def _tell(registration: Registration, event: str) -> None:
    registration_id = registration.pk
    transaction.on_commit(lambda: tell_person_about_registration.enqueue(registration_id=registration_id, event=event))


def fill_places(activity: Activity, *, by: User | None) -> list[Registration]:
    """Offer free places to the people on the waiting list, first come first served."""
    registered = activity.registrations.registered().count()
    moved_up = []
    for registration in activity.registrations.waiting_in_order():
        if activity.capacity is not None and registered >= activity.capacity:
            break
        registration.status = RegistrationStatus.REGISTERED
        registration.status_changed_at = timezone.now()
        registration.save(update_fields=["status", "status_changed_at"])
        registered += 1
        moved_up.append(registration)
        record_event(
            actor=by,
            action="involvement.moved_up_from_waiting_list",
            target=registration,
            payload={"activity": activity.pk},
        )
        schedule_reminder(registration, activity)
        _tell(registration, "moved_up")
    if moved_up:
        unready_if_needs_open(activity, by=by)
    return moved_up


@transaction.atomic
def register(activity: Activity, *, person: Person, by: User) -> Registration:
    """Give ``person`` a place at the activity, or a place on the waiting list when it is full.

    Effects: creates the Registration (or renews one they withdrew, or confirms an "interested"
    one), plans the reminder, queues the confirmation email in the person's format, marks the
    activity not ready if the person has needs not yet met, records an audit event. Raises
    PermissionDenied unless ``by`` registers themselves or is a coordinator, and
    RegistrationRefused if registration is closed, the activity has started, or they are already
    registered or waiting.
    """
    is_self = person.user_id is not None and person.user_id == by.pk
    require(can_manage_activities(by) or (can_register(by) and is_self))
    # Lock the activity so that two people cannot both take its last place.
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if not locked.is_open and not can_manage_activities(by):
        raise RegistrationRefused("Registration for this activity is closed.", field="person")
    if locked.has_started():
        raise RegistrationRefused(
            "This activity has already started, so nobody can register for it now.", field="person"
        )
    existing = Registration.objects.filter(activity=locked, person=person).first()
    who = "You are" if is_self else f"{person.full_name} is"
    if existing is not None and existing.status == RegistrationStatus.REGISTERED:
        raise RegistrationRefused(f"{who} already registered for this activity.", field="person")
    if existing is not None and existing.status == RegistrationStatus.WAITING:
        raise RegistrationRefused(f"{who} already on the waiting list for this activity.", field="person")
    registered = locked.registrations.registered().count()
    has_place = locked.capacity is None or registered < locked.capacity
    status = RegistrationStatus.REGISTERED if has_place else RegistrationStatus.WAITING
    now = timezone.now()
    registration = existing or Registration(activity=locked, person=person)
    registration.status = status
    registration.joined_at = now
    registration.status_changed_at = now
    registration.registered_by = by
    registration.reminder_sent_at = None
    registration.save()
    record_event(
        actor=by,
        action="involvement.registered",
        target=registration,
        payload={"activity": locked.pk, "status": status.value},
    )
    if status == RegistrationStatus.REGISTERED:
        schedule_reminder(registration, locked)
        unready_if_needs_open(locked, by=by)
    _tell(registration, status.value)
    return registration


@transaction.atomic
def withdraw(registration: Registration, *, by: User) -> list[Registration]:
    """Withdraw a registration (or a place on the waiting list).

    Effects: marks the Registration withdrawn; if it held a place, offers the place to the first
    person waiting and queues an email to tell them; records audit events. Returns the
    registrations moved up from the waiting list. Raises PermissionDenied unless ``by`` is the
    person or a coordinator, and RegistrationRefused if it was already withdrawn.
    """
    require(can_withdraw_registration(by, registration))
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    current = Registration.objects.get(pk=registration.pk)
    if current.status == RegistrationStatus.WITHDRAWN:
        raise RegistrationRefused("This registration has already been withdrawn.")
    held_place = current.status == RegistrationStatus.REGISTERED
    current.status = RegistrationStatus.WITHDRAWN
    current.status_changed_at = timezone.now()
    current.save(update_fields=["status", "status_changed_at"])
    record_event(
        actor=by, action="involvement.registration_withdrawn", target=current, payload={"activity": activity.pk}
    )
    if not held_place:
        return []
    return fill_places(activity, by=by)
