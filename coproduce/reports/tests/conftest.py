"""Fixtures for the reports tests: a workshop earlier today on Dev and Grace's project, with what
Grace said and our answers. ``period`` is the quarter it is in."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.people.models import CreditPreference
from coproduce.projects.models import Project
from coproduce.reports.periods import Period, quarter_of


def _moment():
    # An hour ago, but never before the quarter started (so every test has its records in ``period``).
    now = timezone.localtime()
    return max(now - timedelta(hours=1), quarter_of(now.date()).since + timedelta(minutes=1))


@pytest.fixture
def period() -> Period:
    return quarter_of(timezone.localtime(_moment()).date())


@pytest.fixture
def workshop(amina: User, bus_stops: Project) -> Activity:
    starts = _moment()
    return ActivityFactory.create(
        project=bus_stops,
        title="Bus stop walkabout",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        planned_rung="co_design",
        is_open=False,
        created_by=amina,
    )


@pytest.fixture
def attended(workshop: Activity, dev: User, grace: User, amina: User) -> list[Attendance]:
    return [
        Attendance.objects.create(activity=workshop, person=user.person, minutes=60, recorded_by=amina)
        for user in (dev, grace)
    ]


def say(person, project, summary, *, by, activity=None, credit="") -> Contribution:
    return Contribution.objects.create(
        person=person,
        project=project,
        activity=activity,
        kind=ContributionKind.IDEA,
        summary=summary,
        credit=credit,
        recorded_by=by,
        recorded_at=_moment(),
    )


def answer(contribution: Contribution, outcome: str, explanation: str, *, by: User) -> ContributionResponse:
    return ContributionResponse.objects.create(
        contribution=contribution, outcome=outcome, explanation=explanation, responded_by=by
    )


@pytest.fixture
def said(attended, workshop: Activity, grace: User, dev: User, amina: User) -> list[Contribution]:
    """Grace (not named) asked for benches (adopted) and gold taps (not adopted, with why); Dev
    (named in full) asked for shelters (no answer yet)."""
    grace.person.credit_preference = CreditPreference.ANONYMOUS
    grace.person.save()
    benches = say(grace.person, workshop.project, "Put a bench at every stop.", by=amina, activity=workshop)
    taps = say(grace.person, workshop.project, "=Gold taps at every stop", by=amina, activity=workshop)
    shelters = say(dev.person, workshop.project, "Shelters from the rain.", by=amina, credit=CreditPreference.FULL_NAME)
    answer(benches, Outcome.ADOPTED, "Benches are ordered for all 12 stops.", by=amina)
    answer(taps, Outcome.NOT_ADOPTED, "The budget cannot pay for taps.", by=amina)
    return [benches, taps, shelters]
