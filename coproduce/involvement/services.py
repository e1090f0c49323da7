"""Planning activities, registering for them, arranging access needs, and recording who attended."""

from collections.abc import Collection, Mapping, Sequence
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement import conf
from coproduce.involvement.choices import (
    ArrangementStatus,
    AttendanceRole,
    OutreachChannel,
    RegistrationStatus,
)
from coproduce.involvement.models import (
    Activity,
    Attendance,
    InterestRequest,
    NeedArrangement,
    Outreach,
    Registration,
)
from coproduce.involvement.permissions import can_manage_activities, can_register, can_withdraw_registration
from coproduce.involvement.queries import activity_date, roster, roster_entry
from coproduce.involvement.tasks import (
    alert_open_needs_at_deadline,
    send_activity_reminder,
    tell_person_about_registration,
    tell_person_need_cannot_be_met,
)
from coproduce.people.models import ContactRoute, Person, PersonKind
from coproduce.refusals import Refused

INTEREST_WINDOW = timedelta(hours=1)


class ActivityRefused(Refused):
    """An activity that cannot be saved as it is, with a message beside each field that is wrong."""


class RegistrationRefused(Refused):
    """A registration that cannot be made or withdrawn as asked."""


class NotReady(Refused):
    """The activity has access needs that are neither met nor explained to the person."""


class ArrangementRefused(Refused):
    """What was chosen for a need cannot be saved: the message sits beside that need's reason."""


class InterestRefused(Refused):
    """An "I am interested" form from someone without an account that cannot be taken."""


# --- Planning activities ----------------------------------------------------------------


def _activity_problems(activity: Activity, *, original: Activity | None, registered: int) -> dict[str, str]:
    errors: dict[str, str] = {}
    moved = original is None or original.starts_at != activity.starts_at
    if moved and activity.starts_at <= timezone.now():
        errors["starts_at"] = "The start must be in the future"
    if activity.ends_at <= activity.starts_at:
        errors["ends_at"] = "The end must be after the start"
    if activity.capacity is not None and activity.capacity < registered:
        errors["capacity"] = (
            f"{registered} people are already registered, so the number of places must be {registered} or more"
        )
    day = activity_date(activity)
    if activity.adjustments_deadline is not None and activity.adjustments_deadline > day:
        errors["adjustments_deadline"] = "The last day to ask for support must be on or before the day of the activity"
    if activity.papers_issued_on is not None and activity.papers_issued_on > day:
        errors["papers_issued_on"] = "Papers must go out on or before the day of the activity"
    if activity.easy_read_image and not activity.easy_read_image_alt.strip():
        errors["easy_read_image_alt"] = "Describe the picture for people who cannot see it"
    return errors


def _set_outreach(activity: Activity, channels: Collection[str]) -> None:
    chosen = {OutreachChannel(channel) for channel in channels}
    activity.outreach.exclude(channel__in=chosen).delete()
    existing = set(activity.outreach.values_list("channel", flat=True))
    Outreach.objects.bulk_create(
        [Outreach(activity=activity, channel=channel) for channel in sorted(chosen) if channel not in existing]
    )


def _schedule_deadline_alert(activity: Activity) -> None:
    """Plan the alert for the moment the adjustments deadline passes (the end of that day)."""
    if activity.adjustments_deadline is None:
        return
    passes_at = timezone.make_aware(datetime.combine(activity.adjustments_deadline + timedelta(days=1), time.min))
    if passes_at <= timezone.now():
        return
    activity_id, deadline = activity.pk, activity.adjustments_deadline.isoformat()
    transaction.on_commit(
        lambda: alert_open_needs_at_deadline.using(run_after=passes_at).enqueue(
            activity_id=activity_id, deadline=deadline
        )
    )


def _schedule_reminder(registration: Registration, activity: Activity) -> None:
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


@transaction.atomic
def create_activity(activity: Activity, *, channels: Collection[str], by: User) -> Activity:
    """Save a new activity for its project, with the ways people will be told about it.

    Effects: creates the Activity and its Outreach rows, plans the alert for when the adjustments
    deadline passes, records an audit event. Raises PermissionDenied if ``by`` may not plan
    activities, and ActivityRefused if a date is in the past, the end is not after the start, or
    a picture has no description.
    """
    require(can_manage_activities(by))
    errors = _activity_problems(activity, original=None, registered=0)
    if errors:
        raise ActivityRefused(errors)
    activity.created_by = by
    activity.is_ready = False
    activity.ready_at = None
    activity.save()
    _set_outreach(activity, channels)
    _schedule_deadline_alert(activity)
    record_event(actor=by, action="activity.created", target=activity, payload={"project": activity.project_id})
    return activity


@transaction.atomic
def update_activity(activity: Activity, *, channels: Collection[str], by: User) -> Activity:
    """Save changes to an activity.

    Effects: updates the Activity and its Outreach rows; if it moved, plans new reminders for the
    people registered; if the adjustments deadline changed, plans a new alert; if there are more
    places, offers them to the waiting list in order; records an audit event. Raises
    PermissionDenied if ``by`` may not plan activities, and ActivityRefused as create_activity
    does, and when the places are fewer than the people already registered.
    """
    require(can_manage_activities(by))
    # Lock the row so that nobody registers between counting the places and saving.
    original = Activity.objects.select_for_update().get(pk=activity.pk)
    registered = original.registrations.registered().count()
    errors = _activity_problems(activity, original=original, registered=registered)
    if errors:
        raise ActivityRefused(errors)
    activity.save()
    _set_outreach(activity, channels)
    changed = [
        name
        for name in ("title", "starts_at", "ends_at", "venue", "capacity", "adjustments_deadline", "papers_issued_on")
        if getattr(original, name) != getattr(activity, name)
    ]
    if original.starts_at != activity.starts_at:
        activity.registrations.registered().update(reminder_sent_at=None)
        for registration in activity.registrations.registered():
            _schedule_reminder(registration, activity)
    if original.adjustments_deadline != activity.adjustments_deadline:
        _schedule_deadline_alert(activity)
    old_picture = original.easy_read_image.name
    if old_picture and old_picture != activity.easy_read_image.name:
        storage = original.easy_read_image.storage
        transaction.on_commit(lambda: storage.delete(old_picture))
    _fill_places(activity, by=by)
    record_event(actor=by, action="activity.updated", target=activity, payload={"changed": ", ".join(changed)})
    return activity


@transaction.atomic
def set_registration_open(activity: Activity, *, is_open: bool, by: User) -> Activity:
    """Open an activity for registration (it appears on "Get involved"), or close it.

    Effects: updates ``is_open``, records an audit event. Raises PermissionDenied if ``by`` may not
    plan activities, and ActivityRefused when opening an activity that has already started.
    """
    require(can_manage_activities(by))
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    if is_open and locked.has_started():
        raise ActivityRefused("This activity has already started, so it cannot open for registration")
    if locked.is_open != is_open:
        locked.is_open = is_open
        locked.save(update_fields=["is_open"])
        record_event(actor=by, action="activity.opened" if is_open else "activity.closed", target=locked)
    return locked


# --- Registration -----------------------------------------------------------------------


def _unready_if_needs_open(activity: Activity, *, by: User | None) -> None:
    """An activity is only ready while every registered person's needs are met or explained."""
    if activity.is_ready and roster(activity).unacknowledged:
        activity.is_ready = False
        activity.ready_at = None
        activity.save(update_fields=["is_ready", "ready_at"])
        record_event(actor=by, action="activity.no_longer_ready", target=activity)


def _fill_places(activity: Activity, *, by: User | None) -> list[Registration]:
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
        record_event(actor=by, action="registration.moved_up", target=registration, payload={"activity": activity.pk})
        _schedule_reminder(registration, activity)
        _tell(registration, "moved_up")
    if moved_up:
        _unready_if_needs_open(activity, by=by)
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
        action="registration.created",
        target=registration,
        payload={"activity": locked.pk, "status": status.value},
    )
    if status == RegistrationStatus.REGISTERED:
        _schedule_reminder(registration, locked)
        _unready_if_needs_open(locked, by=by)
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
    record_event(actor=by, action="registration.withdrawn", target=current, payload={"activity": activity.pk})
    if not held_place:
        return []
    return _fill_places(activity, by=by)


@transaction.atomic
def register_interest(
    activity: Activity, *, full_name: str, email: str, phone: str, ip_address: str | None
) -> Registration:
    """Record that someone without an account is interested, for a coordinator to confirm.

    Effects: records the request (for rate limiting) and deletes requests older than an hour;
    creates a Person awaiting confirmation (never a user: nobody gets an account they did not
    ask for) and a Registration with the status "interested"; records an audit event. Raises
    InterestRefused if registration is closed or too many forms came from ``ip_address`` in the
    last hour.
    """
    if not activity.is_open or activity.has_started():
        raise InterestRefused("Registration for this activity is closed.")
    since = timezone.now() - INTEREST_WINDOW
    if (
        ip_address is not None
        and InterestRequest.objects.filter(ip_address=ip_address, requested_at__gte=since).count()
        >= conf.interest_limit_per_ip()
    ):
        raise InterestRefused(
            "We have had a lot of forms from your internet connection in the last hour. Please try again later."
        )
    InterestRequest.objects.create(ip_address=ip_address)
    # Older requests count for nothing, and IP addresses are personal data, so they go.
    InterestRequest.objects.filter(requested_at__lt=since).delete()
    person = Person.objects.create(
        full_name=full_name,
        kind=PersonKind.MEMBER,
        email=email,
        phone=phone,
        contact_route=ContactRoute.EMAIL if email else ContactRoute.PHONE,
        awaiting_confirmation=True,
    )
    registration = Registration.objects.create(activity=activity, person=person, status=RegistrationStatus.INTERESTED)
    record_event(
        actor=None, action="registration.interest_registered", target=registration, payload={"activity": activity.pk}
    )
    return registration


# --- Access needs and the "ready" gate ----------------------------------------------------


@transaction.atomic
def record_roster_view(activity: Activity, *, by: User) -> None:
    """Record that ``by`` looked at the roster, which shows people's access needs.

    Effects: records an audit event (without any needs in it). Raises PermissionDenied if ``by``
    may not see rosters.
    """
    require(can_manage_activities(by))
    record_event(actor=by, action="activity.roster_viewed", target=activity)


def _tell_need_cannot_be_met(arrangement: NeedArrangement) -> None:
    arrangement_id = arrangement.pk
    transaction.on_commit(lambda: tell_person_need_cannot_be_met.enqueue(arrangement_id=arrangement_id))


@transaction.atomic
def set_arrangements(
    registration: Registration, *, decisions: Mapping[str, tuple[str, str]], by: User
) -> list[NeedArrangement]:
    """Record how each of a registered person's needs is being met: met, being arranged, or cannot be met.

    ``decisions`` maps a need to its status and, for "cannot be met", the reason; a blank status
    leaves the need as it was. Effects: creates or updates each NeedArrangement; queues an email
    telling the person why a need cannot be met; marks the activity not ready if a need is no
    longer met; records an audit event (with how many needs changed, never which).
    Raises PermissionDenied if ``by`` may not see rosters, ArrangementRefused when a need that
    cannot be met has no reason, and ValueError for a need the person has not told us about.
    """
    require(can_manage_activities(by))
    activity = Activity.objects.select_for_update().get(pk=registration.activity_id)
    known = {line.need for line in roster_entry(registration).needs}
    unknown = set(decisions) - known
    if unknown:
        raise ValueError(f"The person has not told us about these needs: {sorted(unknown)}.")
    errors = {
        f"reason_{need}": "Say why this cannot be met. We will tell the person."
        for need, (status, reason) in decisions.items()
        if status == ArrangementStatus.CANNOT_BE_MET and not reason.strip()
    }
    if errors:
        raise ArrangementRefused(errors)
    existing = {arrangement.need: arrangement for arrangement in registration.arrangements.all()}
    changed: list[NeedArrangement] = []
    for need, (status, reason) in decisions.items():
        if not status:
            continue
        reason = reason.strip() if status == ArrangementStatus.CANNOT_BE_MET else ""
        arrangement = existing.get(need)
        if arrangement is not None and arrangement.status == status and arrangement.reason == reason:
            continue
        if arrangement is None:
            arrangement = NeedArrangement(registration=registration, need=need)
        arrangement.status = status
        arrangement.reason = reason
        arrangement.updated_by = by
        arrangement.updated_at = timezone.now()
        arrangement.save()
        changed.append(arrangement)
        if status == ArrangementStatus.CANNOT_BE_MET:
            _tell_need_cannot_be_met(arrangement)
    if changed:
        record_event(
            actor=by,
            action="registration.arrangements_updated",
            target=registration,
            payload={"activity": activity.pk, "changed": len(changed)},
        )
        _unready_if_needs_open(activity, by=by)
    return changed


@transaction.atomic
def mark_ready(activity: Activity, *, by: User) -> Activity:
    """Mark an activity ready: every registered person's access needs are met, or explained to them.

    Effects: sets ``is_ready`` and ``ready_at``, records an audit event. Raises PermissionDenied
    if ``by`` may not plan activities, and NotReady while any need is not met and not explained
    (no status yet, or "being arranged").
    """
    require(can_manage_activities(by))
    locked = Activity.objects.select_for_update().get(pk=activity.pk)
    open_needs = roster(locked).unacknowledged
    if open_needs:
        count = len(open_needs)
        raise NotReady(
            f"This activity cannot be marked ready yet. {count} access need{'s are' if count != 1 else ' is'} "
            "not met. Mark each need as met, or say why it cannot be met."
        )
    if not locked.is_ready:
        locked.is_ready = True
        locked.ready_at = timezone.now()
        locked.save(update_fields=["is_ready", "ready_at"])
        record_event(actor=by, action="activity.ready", target=locked)
    return locked


# --- Attendance ---------------------------------------------------------------------------


@transaction.atomic
def record_attendance(
    activity: Activity,
    *,
    people: Sequence[Person],
    role: AttendanceRole,
    minutes: int,
    from_paper: bool,
    by: User,
) -> list[Attendance]:
    """Record that ``people`` took part in the activity, in ``role``, for ``minutes``.

    Someone already recorded is updated rather than counted twice. Effects: creates or updates an
    Attendance for each person, records an audit event. Raises PermissionDenied if ``by`` may not
    plan activities, and ValueError if nobody is given or ``minutes`` is not positive.
    """
    require(can_manage_activities(by))
    if not people:
        raise ValueError("Say who attended.")
    if minutes < 1:
        raise ValueError("Minutes must be 1 or more.")
    now = timezone.now()
    recorded = [
        Attendance.objects.update_or_create(
            activity=activity,
            person=person,
            defaults={
                "role": role,
                "minutes": minutes,
                "recorded_from_paper": from_paper,
                "recorded_by": by,
                "recorded_at": now,
            },
        )[0]
        for person in people
    ]
    record_event(
        actor=by,
        action="attendance.recorded",
        target=activity,
        payload={"people": len(recorded), "from_paper": from_paper},
    )
    return recorded
