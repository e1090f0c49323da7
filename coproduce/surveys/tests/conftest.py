from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.projects.models import Project
from coproduce.surveys.models import SurveyRound
from coproduce.surveys.services import open_round_for_activity


@pytest.fixture
def past_workshop(amina: User, dev: User, grace: User, bus_stops: Project) -> Activity:
    starts = timezone.now() - timedelta(days=3)
    activity = Activity.objects.create(
        project=bus_stops,
        stage="design",
        kind="workshop",
        title="Bus stop walkabout",
        description="We walked to the bus stops.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        planned_rung="co_design",
        created_by=amina,
    )
    for user in (dev, grace):
        Attendance.objects.create(activity=activity, person=user.person, minutes=120, recorded_by=amina)
    return activity


@pytest.fixture
def survey_round(past_workshop: Activity, amina: User) -> SurveyRound:
    return open_round_for_activity(past_workshop, by=amina)


def all_answers(value: str) -> dict[str, str]:
    from coproduce.surveys.choices import Item

    return dict.fromkeys(Item.values, value)
