"""Training: sessions of a course (training activities of the learning programme), completion and the
person's confidence before and after.
"""

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.models import Activity
from coproduce.learning.models import Course, CourseSession, TrainingRecord
from coproduce.learning.permissions import can_answer_confidence, can_manage_learning
from coproduce.learning.queries import LEARNING_PROGRAMME_TITLE
from coproduce.learning.refusals import LearningRefused
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle, Project


def learning_programme(*, by: User) -> Project:
    """The standing project that training sessions belong to, made the first time it is needed."""
    project, _ = Project.objects.get_or_create(
        title=LEARNING_PROGRAMME_TITLE,
        defaults={
            "summary": "Training for members, allies, partners and staff, so that everyone understands co-production.",
            "stage": Lifecycle.IMPLEMENTATION,
            "created_by": by,
        },
    )
    return project


@transaction.atomic
def plan_session(course: Course, *, activity: Activity, by: User) -> CourseSession:
    """Plan a session of ``course`` as a training activity of the learning programme, open for registration.

    Effects: creates the Activity (kind training) and the CourseSession, records an audit event.
    Raises LearningRefused if the session does not end after it starts or starts in the past.
    """
    require(can_manage_learning(by))
    if activity.ends_at <= activity.starts_at:
        raise LearningRefused("The session must end after it starts.", field="starts_at")
    if activity.starts_at <= timezone.now():
        raise LearningRefused("The session must start in the future.", field="starts_at")
    project = learning_programme(by=by)
    activity.project = project
    activity.stage = project.stage
    activity.kind = ActivityKind.TRAINING
    activity.title = activity.title or course.title
    activity.description = activity.description or course.description
    activity.planned_rung = activity.planned_rung or "educating"
    activity.created_by = by
    activity.is_open = True
    activity.save()
    session = CourseSession.objects.create(course=course, activity=activity)
    record_event(actor=by, action="learning.training_session_planned", target=session, payload={"course": course.pk})
    return session


@transaction.atomic
def record_completion(
    session: CourseSession, *, people: Sequence[Person], completed_on: date, by: User
) -> list[TrainingRecord]:
    """Record that people who attended the session completed the course.

    Effects: creates a TrainingRecord for each person, records an audit event. Raises
    LearningRefused if nobody is given, or someone was not recorded as attending, or already has a
    record for this session, or the date is before the session or in the future.
    """
    require(can_manage_learning(by))
    if not people:
        raise LearningRefused("Choose who completed the course.", field="people")
    attended = set(session.activity.attendances.values_list("person_id", flat=True))
    missing = [person.name for person in people if person.pk not in attended]
    if missing:
        raise LearningRefused(
            f"Record attendance first. Not recorded as attending: {', '.join(missing)}.", field="people"
        )
    session_day = timezone.localdate(session.activity.starts_at)
    if not session_day <= completed_on <= timezone.localdate():
        raise LearningRefused(
            f"The date must be between the session, {session_day:%-d %B %Y}, and today.", field="completed_on"
        )
    if TrainingRecord.objects.filter(session=session, person__in=people).exists():
        raise LearningRefused("Someone you chose already has a record for this session.", field="people")
    records = [
        TrainingRecord.objects.create(
            person=person, course=session.course, session=session, completed_on=completed_on, recorded_by=by
        )
        for person in people
    ]
    record_event(
        actor=by,
        action="learning.training_completed",
        target=session,
        payload={"people": len(records), "course": session.course_id},
    )
    return records


@transaction.atomic
def answer_confidence(record: TrainingRecord, *, before: int, after: int, by: User) -> TrainingRecord:
    """The person says how confident they felt before the course and feel now (1 to 5).

    Effects: updates the TrainingRecord. Raises PermissionDenied unless it is ``by``'s own record,
    LearningRefused if an answer is not on the scale.
    """
    require(can_answer_confidence(by, record))
    if not (1 <= before <= 5 and 1 <= after <= 5):
        raise LearningRefused("Choose an answer from 1 to 5.")
    record.confidence_before = before
    record.confidence_after = after
    record.save(update_fields=["confidence_before", "confidence_after"])
    return record
