"""Fixtures for the payments tests: receipts go to a temporary folder; a rate card; a past workshop;
helpers for a sent claim, paid claims and audit events."""

from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory
from coproduce.payments.choices import RateBasis
from coproduce.payments.models import Claim, PaymentOffer, RateCard
from coproduce.payments.services.claims import add_expense, approve_claim, mark_paid, submit_claim
from coproduce.payments.services.offers import decide_offer, make_offers
from coproduce.payments.services.rates import RateLine, create_rate_card
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


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


def sent_claim(offers: dict[str, PaymentOffer], grace: User) -> Claim:
    """Grace declines her fee, adds a £6.40 bus fare and sends the claim."""
    decide_offer(offers["grace"], method="decline", by=grace)
    add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)
    return submit_claim(offers["grace"].attendance, by=grace)


def paid_claims(offers: dict[str, PaymentOffer], dev: User, grace: User, amina: User) -> None:
    """Dev's fee (by voucher) and Grace's expenses, each claimed, approved and paid today."""
    decide_offer(offers["dev"], method="voucher", by=dev)
    for attendance, user in ((offers["dev"].attendance, dev), (offers["grace"].attendance, grace)):
        if user == grace:
            decide_offer(offers["grace"], method="decline", by=grace)
            add_expense(attendance, kind="travel", amount=Decimal("6.40"), by=grace)
        claim = submit_claim(attendance, by=user)
        approve_claim(claim, by=amina)
        mark_paid(claim, paid_on=timezone.localdate(), by=amina)
