"""PlusDays works out "so many days later" in the database, exactly, on SQLite and PostgreSQL."""

from datetime import UTC, datetime, timedelta

import pytest
from django.db.models import F

from coproduce.accounts.models import User
from coproduce.contributions.models import Contribution, ContributionKind
from coproduce.expressions import PlusDays
from coproduce.projects.models import Project


def _said_at(moment: datetime, project: Project, by: User) -> Contribution:
    return Contribution.objects.create(
        person=by.person,
        project=project,
        kind=ContributionKind.IDEA,
        summary="Ramps.",
        recorded_by=by,
        recorded_at=moment,
    )


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2026, 3, 28, 10, 15, 30, 123456),  # with a fraction of a second
        datetime(2026, 2, 28, 23, 59, 59),  # none, across the end of a month
        datetime(2028, 2, 28, 0, 0, 0, 1),  # across a leap day
    ],
)
def test_plus_days_is_exact_to_the_microsecond(moment: datetime, bus_stops: Project, amina: User) -> None:
    # Days of 24 hours, counted in UTC as the database stores them (as Django's own date arithmetic does).
    contribution = _said_at(moment.replace(tzinfo=UTC), bus_stops, amina)
    later = contribution.recorded_at + timedelta(days=28)

    found = Contribution.objects.annotate(deadline=PlusDays(F("recorded_at"), 28))

    assert found.get(pk=contribution.pk).deadline == later
    assert found.filter(deadline__gte=later).exists()
    assert not found.filter(deadline__gte=later + timedelta(microseconds=1)).exists()
