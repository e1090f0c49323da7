"""Rate cards: who makes them, one per starting day, the card in force, the limits on a rate."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase as HypothesisTestCase

from coproduce.accounts.models import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.payments.choices import RateBasis
from coproduce.payments.models import Rate, RateCard
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.rates import RateLine, create_rate_card
from coproduce.payments.tests.conftest import events, make_card


def test_only_admins_make_rate_cards(amina, morgan):
    with pytest.raises(PaymentRefused):
        make_card(amina, starts=timezone.localdate())

    card = make_card(morgan, starts=timezone.localdate())

    assert card.rates.count() == 2
    assert events("payments.rate_card_created")[0].payload["effective_from"] == timezone.localdate().isoformat()


def test_two_cards_cannot_start_on_the_same_day(morgan):
    make_card(morgan, starts=timezone.localdate())

    with pytest.raises(PaymentRefused, match="already a rate card"):
        make_card(morgan, starts=timezone.localdate())
    assert RateCard.objects.count() == 1


def test_card_in_force_is_the_latest_started_on_or_before_the_day(morgan):
    today = timezone.localdate()
    old = make_card(morgan, starts=today - timedelta(days=100), name="Old")
    new = make_card(morgan, starts=today, name="New")

    assert RateCard.objects.in_force_on(today - timedelta(days=1)) == old
    assert RateCard.objects.in_force_on(today) == new
    assert RateCard.objects.in_force_on(today + timedelta(days=1)) == new
    assert RateCard.objects.in_force_on(today - timedelta(days=101)) is None


def test_database_refuses_a_negative_rate(morgan):
    card = make_card(morgan, starts=timezone.localdate())

    with pytest.raises(IntegrityError), transaction.atomic():
        Rate.objects.create(card=card, activity_kind="meeting", basis="hourly", amount=Decimal("-1.00"))


class RateCardBoundaries(HypothesisTestCase):
    """The card in force on the day before, on and after a card's start, for any start and any gap."""

    @settings(max_examples=15, deadline=None)
    @given(gap=st.integers(min_value=1, max_value=400), offset=st.integers(min_value=-2000, max_value=2000))
    def test_boundaries(self, gap, offset):
        admin = UserFactory.create(role=Role.ADMIN)
        first_day = timezone.localdate() + timedelta(days=offset)
        first = make_card(admin, starts=first_day, name="First")
        second = make_card(admin, starts=first_day + timedelta(days=gap), name="Second")

        assert RateCard.objects.in_force_on(first_day - timedelta(days=1)) is None
        assert RateCard.objects.in_force_on(first_day) == first
        assert RateCard.objects.in_force_on(second.effective_from - timedelta(days=1)) == first
        assert RateCard.objects.in_force_on(second.effective_from) == second
        assert RateCard.objects.in_force_on(second.effective_from + timedelta(days=1)) == second


def test_create_rate_card_refuses_absurd_rates(morgan):
    with pytest.raises(PaymentRefused):
        create_rate_card(
            name="Too much",
            effective_from=timezone.localdate(),
            expenses_covered="Travel",
            rates=[RateLine("meeting", RateBasis.HOURLY, Decimal("5000.00"))],
            by=morgan,
        )
    assert RateCard.objects.count() == 0
