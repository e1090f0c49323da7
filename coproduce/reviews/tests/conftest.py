from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.projects.models import Project
from coproduce.reviews.choices import ReviewKind
from coproduce.reviews.models import Review


@pytest.fixture
def review(bus_stops: Project) -> Review:
    """An open quarterly review of the bus stops project, looking back over the last 60 days."""
    today = timezone.localdate()
    return Review.objects.create(
        project=bus_stops,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=60),
        period_end=today + timedelta(days=30),
        due_on=today + timedelta(days=30),
    )


@pytest.fixture
def annual(db) -> Review:
    today = timezone.localdate()
    return Review.objects.create(
        kind=ReviewKind.ANNUAL,
        period_start=today - timedelta(days=365),
        period_end=today - timedelta(days=1),
        due_on=today + timedelta(days=28),
    )
