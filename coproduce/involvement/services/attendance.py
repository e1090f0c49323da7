"""Recording who took part in an activity."""

from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement.choices import AttendanceRole
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.permissions import can_manage_activities
from coproduce.people.models import Person
from coproduce.refusals import Refused


class AttendanceRefused(Refused):
    """Attendance cannot be recorded for an activity that has not started."""


def not_started_yet(activity: Activity) -> str:
    """Why attendance cannot be recorded yet, or "" once the activity has started."""
    if activity.starts_at <= timezone.now():
        return ""
    return (
        "You can record who attended once the activity has started, on "
        f"{timezone.localtime(activity.starts_at):%-d %B %Y}."
    )


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
    plan activities, AttendanceRefused before the activity starts (attendance feeds payments, thanks
    and certificates), and ValueError if nobody is given or ``minutes`` is not positive.
    """
    require(can_manage_activities(by))
    if reason := not_started_yet(activity):
        raise AttendanceRefused(reason)
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
        action="involvement.attendance_recorded",
        target=activity,
        payload={"people": len(recorded), "from_paper": from_paper},
    )
    return recorded
