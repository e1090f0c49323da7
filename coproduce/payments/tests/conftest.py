"""Fixtures for the payments tests: receipts go to a temporary folder; a rate card; a past workshop."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory
from coproduce.payments.choices import RateBasis
from coproduce.payments.models import PaymentOffer, RateCard
from coproduce.payments.services import RateLine, create_rate_card, make_offers
from coproduce.projects.models import Project


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def make_card(admin: User, *, starts: date, hourly: str = "25.00", name: str = "Rates") -> RateCard:
    return create_rate_card(
        name=name,
        effective_from=starts,
        expenses_covered="Travel, carer cover, childcare, data.",
        rates=[
            RateLine("workshop", RateBasis.HOURLY, Decimal(hourly)),
            RateLine("document_review", RateBasis.FIXED, Decimal("50.00"), Decimal("10.00")),
        ],
        by=admin,
    )


@pytest.fixture
def rate_card(morgan: User) -> RateCard:
    return make_card(morgan, starts=timezone.localdate() - timedelta(days=365))


@pytest.fixture
def walkabout(amina: User, bus_stops: Project, rate_card: RateCard) -> Activity:
    """A two-hour workshop a week ago that Dev and Grace attended (and Amina, as staff)."""
    starts = (timezone.localtime() - timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
    return ActivityFactory.create(
        project=bus_stops,
        title="Bus stop walkabout: what needs to change",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        is_open=False,
        created_by=amina,
    )


@pytest.fixture
def dev_attended(walkabout: Activity, dev: User, amina: User) -> Attendance:
    return AttendanceFactory.create(activity=walkabout, person=dev.person, minutes=120, recorded_by=amina)


@pytest.fixture
def grace_attended(walkabout: Activity, grace: User, amina: User) -> Attendance:
    return AttendanceFactory.create(activity=walkabout, person=grace.person, minutes=120, recorded_by=amina)


@pytest.fixture
def offers(dev_attended: Attendance, grace_attended: Attendance, amina: User) -> dict[str, PaymentOffer]:
    make_offers(dev_attended.activity, by=amina)
    return {
        "dev": PaymentOffer.objects.get(attendance=dev_attended),
        "grace": PaymentOffer.objects.get(attendance=grace_attended),
    }
