"""Training: planning a session, recording completion."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Course, TrainingRecord
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.training import plan_session, record_completion
from coproduce.projects.models import Project
from coproduce.tests.world import started


def test_plan_session_makes_a_training_activity_in_the_learning_programme(amina: User) -> None:
    course = Course.objects.get(title="What co-production is")
    starts = timezone.now() + timedelta(days=30)

    session = plan_session(
        course,
        activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online", planned_rung=""),
        by=amina,
    )

    activity = session.activity
    assert (activity.kind, activity.title, activity.is_open) == ("training", "What co-production is", True)
    assert activity.project.title == "Co-production learning programme"
    assert Project.objects.filter(title="Co-production learning programme").count() == 1


def test_record_completion_needs_attendance(amina: User, tom: User) -> None:
    course = Course.objects.get(title="What co-production is")
    starts = timezone.now() + timedelta(days=1)
    session = plan_session(
        course, activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"), by=amina
    )

    started(session.activity)
    today = timezone.localdate()

    with pytest.raises(LearningRefused) as refusal:
        record_completion(session, people=[tom.person], completed_on=today, by=amina)
    assert refusal.value.message == "Record attendance first. Not recorded as attending: Tom."

    Attendance.objects.create(activity=session.activity, person=tom.person, minutes=120, recorded_by=amina)
    [record] = record_completion(session, people=[tom.person], completed_on=today, by=amina)
    assert (record.person, record.course, record.session) == (tom.person, course, session)


@pytest.mark.parametrize("days_from_today", [-1, 1])
def test_completion_cannot_be_dated_before_the_session_or_in_the_future(
    days_from_today: int, amina: User, tom: User
) -> None:
    """-1: the day before the session (which started an hour ago, so yesterday just after midnight);
    1: tomorrow."""
    course = Course.objects.get(title="What co-production is")
    starts = timezone.now() + timedelta(days=1)
    session = plan_session(
        course, activity=Activity(starts_at=starts, ends_at=starts + timedelta(hours=2), format="online"), by=amina
    )
    started(session.activity)
    Attendance.objects.create(activity=session.activity, person=tom.person, minutes=120, recorded_by=amina)

    with pytest.raises(LearningRefused, match="The date must be between the session") as refusal:
        record_completion(
            session,
            people=[tom.person],
            completed_on=timezone.localdate(session.activity.starts_at) + timedelta(days=days_from_today)
            if days_from_today < 0
            else timezone.localdate() + timedelta(days=days_from_today),
            by=amina,
        )

    assert refusal.value.field == "completed_on"
    assert not TrainingRecord.objects.exists()
