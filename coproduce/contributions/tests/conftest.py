"""Fixtures for the contributions tests: a workshop a week ago that Dev and Grace attended."""

import pytest

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution, ContributionKind
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory, in_days
from coproduce.projects.models import Project


@pytest.fixture
def past_workshop(amina: User, bus_stops: Project) -> Activity:
    return ActivityFactory.create(
        project=bus_stops, title="Bus stop walkabout", starts_at=in_days(-7), is_open=False, created_by=amina
    )


@pytest.fixture
def dev_attended(past_workshop: Activity, dev: User, amina: User) -> Attendance:
    return AttendanceFactory.create(activity=past_workshop, person=dev.person, minutes=150, recorded_by=amina)


@pytest.fixture
def grace_attended(past_workshop: Activity, grace: User, amina: User) -> Attendance:
    return AttendanceFactory.create(activity=past_workshop, person=grace.person, minutes=90, recorded_by=amina)


@pytest.fixture
def graces_idea(grace_attended: Attendance, amina: User) -> Contribution:
    return Contribution.objects.create(
        person=grace_attended.person,
        project=grace_attended.activity.project,
        activity=grace_attended.activity,
        kind=ContributionKind.IDEA,
        summary="Put a bench at every stop.",
        recorded_by=amina,
    )
