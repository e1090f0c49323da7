"""Building people involved in activities, with equality monitoring answers given at a chosen time."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.equality.models import EqualityResponse
from coproduce.involvement.choices import ActivityFormat, ActivityKind, ActivityStage
from coproduce.involvement.models import Activity, Attendance
from coproduce.model import LadderRung
from coproduce.people.models import Consent, ConsentMethod, Notice, Person, PersonKind, Purpose
from coproduce.projects.models import Project


def past_activity(project: Project, *, days_ago: int, created_by: User, title: str = "") -> Activity:
    starts_at = timezone.now() - timedelta(days=days_ago)
    return Activity.objects.create(
        project=project,
        stage=ActivityStage.DESIGN,
        kind=ActivityKind.WORKSHOP,
        format=ActivityFormat.IN_PERSON,
        planned_rung=LadderRung.CO_DESIGN,
        title=title or f"Workshop {days_ago} days ago",
        description="We planned the new bus stops together.",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        venue="Riverside Community Centre, 1 Mill Lane",
        created_by=created_by,
    )


def answer(person: Person, *, at: datetime, **answers: Any) -> EqualityResponse:
    """Equality answers given at ``at`` under a new consent to equality monitoring."""
    notice = Notice.objects.current(Purpose.EQUALITY_MONITORING)
    consent = Consent.objects.create(person=person, notice=notice, method=ConsentMethod.ONLINE)
    return EqualityResponse.objects.create(person=person, consent=consent, answered_at=at, **answers)


def attend(person: Person, activity: Activity, by: User) -> Attendance:
    return Attendance.objects.create(activity=activity, person=person, minutes=120, recorded_by=by)


def involve_people(
    activity: Activity, count: int, by: User, *, name: str = "Participant", **answers: Any
) -> list[Person]:
    """``count`` new people, each with the same answers given a week before the activity, who attended it."""
    people = []
    for number in range(count):
        person = Person.objects.create(full_name=f"{name} {number + 1}", kind=PersonKind.MEMBER)
        answer(person, at=activity.starts_at - timedelta(days=7), **answers)
        attend(person, activity, by)
        people.append(person)
    return people


def under_represented_world(project: Project, coordinator: User) -> Activity:
    """40 people who took part: 35 men and 5 women, so women are clearly fewer than expected."""
    activity = past_activity(project, days_ago=30, created_by=coordinator, title="Bus stop walkabout")
    involve_people(activity, 35, coordinator, name="Man", sex="male")
    involve_people(activity, 5, coordinator, name="Woman", sex="female")
    return activity


__all__ = ["answer", "attend", "involve_people", "past_activity", "under_represented_world"]
