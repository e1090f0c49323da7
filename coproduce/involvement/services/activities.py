"""Planning activities: saving them with the ways people will hear of them, and opening them for registration."""

from collections.abc import Collection
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement.choices import OutreachChannel
from coproduce.involvement.models import Activity, Outreach
from coproduce.involvement.permissions import can_manage_activities
from coproduce.involvement.queries import activity_date
from coproduce.involvement.services.registrations import fill_places, schedule_reminder
from coproduce.involvement.tasks import alert_open_needs_at_deadline
from coproduce.refusals import Refused


class ActivityRefused(Refused):
    """An activity that cannot be saved as it is, with a message beside each field that is wrong."""


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
    record_event(
        actor=by, action="involvement.activity_created", target=activity, payload={"project": activity.project_id}
    )
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
            schedule_reminder(registration, activity)
    if original.adjustments_deadline != activity.adjustments_deadline:
        _schedule_deadline_alert(activity)
    old_picture = original.easy_read_image.name
    if old_picture and old_picture != activity.easy_read_image.name:
        storage = original.easy_read_image.storage
        transaction.on_commit(lambda: storage.delete(old_picture))
    fill_places(activity, by=by)
    record_event(
        actor=by, action="involvement.activity_updated", target=activity, payload={"changed": ", ".join(changed)}
    )
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
        record_event(
            actor=by, action="involvement.activity_opened" if is_open else "involvement.activity_closed", target=locked
        )
    return locked
