"""Training: planning a session, recording completion."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Course
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.services.training import plan_session, record_completion
from coproduce.projects.models import Project


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

    with pytest.raises(LearningRefused) as refusal:
        record_completion(session, people=[tom.person], completed_on=date(2026, 12, 1), by=amina)
    assert refusal.value.message == "Record attendance first. Not recorded as attending: Tom."

    Attendance.objects.create(activity=session.activity, person=tom.person, minutes=120, recorded_by=amina)
    [record] = record_completion(session, people=[tom.person], completed_on=date(2026, 12, 1), by=amina)
    assert (record.person, record.course, record.session) == (tom.person, course, session)
