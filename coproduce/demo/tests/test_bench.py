"""`make bench` builds its data and times the pages: checked here at a tiny scale so it cannot rot.
No time is asserted (speed is measured by the benchmark, never in tests)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from coproduce.contributions.models import Contribution, ContributionResponse
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import Person


def test_seed_bench_builds_a_spread_of_plausible_records(db):
    call_command("seed_bench", scale=0.001, stdout=StringIO())

    now = timezone.now()
    assert Person.objects.count() == 100 + 2  # and the coordinator and data lead the benchmark signs in as
    assert Attendance.objects.count() == 1000
    assert Contribution.objects.count() == 1000
    assert Activity.objects.open_for_registration(now).exists()
    # Nothing is said before it is recorded: no contribution or answer is in the future, and what was
    # said at an activity was recorded after it started.
    assert not Contribution.objects.filter(recorded_at__gt=now).exists()
    assert not ContributionResponse.objects.filter(responded_at__gt=now).exists()
    at_activities = Contribution.objects.filter(activity__isnull=False)
    assert at_activities.exists()
    assert all(c.activity and c.recorded_at > c.activity.starts_at for c in at_activities.select_related("activity"))
    # Spread over time (700 days at full scale; fewer here, with fewer activities), and answered
    # (three in four at full scale; here many answers would still be in the future).
    assert Contribution.objects.filter(recorded_at__lt=now - timedelta(days=30)).exists()
    assert ContributionResponse.objects.count() > Contribution.objects.count() // 4


def test_seed_bench_needs_an_empty_database(db):
    call_command("seed_bench", scale=0.001, stdout=StringIO())

    with pytest.raises(CommandError, match="empty database"):
        call_command("seed_bench", scale=0.001, stdout=StringIO())


def test_bench_times_every_page_against_the_floor(db):
    call_command("seed_bench", scale=0.001, stdout=StringIO())
    out = StringIO()

    call_command("bench", repeat=1, stdout=out)

    printed = out.getvalue()
    for page in (
        "Floor: help page",
        "People list",
        "Opportunity list",
        "Project page",
        "Dashboard",
        "Representation view",
        "Organisation report (HTML)",
        "Organisation report (PDF)",
    ):
        assert page in printed
