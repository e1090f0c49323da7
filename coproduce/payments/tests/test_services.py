"""Rate cards, offers, choices, claims, approval and payment: the business rules and their audit trail."""

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
from coproduce.audit.models import AuditEvent
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory
from coproduce.payments.choices import ClaimStatus, OfferStatus, RateBasis
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer, Rate, RateCard
from coproduce.payments.services import (
    PaymentRefused,
    RateLine,
    add_expense,
    approve_claim,
    create_rate_card,
    decide_offer,
    make_offers,
    mark_paid,
    reject_claim,
    submit_claim,
)
from coproduce.payments.tests.conftest import make_card
from coproduce.people.tests.factories import PersonFactory


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action))


# --- Rate cards -----------------------------------------------------------------------------


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


# --- Offers -------------------------------------------------------------------------------


def test_offers_are_made_for_members_and_carers_from_the_card_in_force(offers, walkabout, amina):
    AttendanceFactory.create(activity=walkabout, person=amina.person, minutes=120, recorded_by=amina)

    make_offers(walkabout, by=amina)

    assert offers["dev"].amount == Decimal("50.00")
    assert offers["dev"].rate_amount == Decimal("25.00")
    assert offers["dev"].basis == RateBasis.HOURLY
    assert offers["grace"].amount == Decimal("50.00")
    # Amina is staff: no offer.
    assert PaymentOffer.objects.count() == 2
    assert len(events("payments.offer_made")) == 2
    assert events("payments.offer_made")[0].payload["amount"] == "50.00"


def test_making_offers_again_makes_no_second_offer(offers, walkabout, amina):
    again = make_offers(walkabout, by=amina)

    assert again == []
    assert PaymentOffer.objects.count() == 2


def test_database_allows_one_offer_per_involvement(offers, amina):
    duplicate = PaymentOffer(
        attendance=offers["dev"].attendance,
        rate_card=offers["dev"].rate_card,
        basis="hourly",
        rate_amount=Decimal("25.00"),
        minutes=120,
        amount=Decimal("50.00"),
        expenses_covered="Travel",
        created_by=amina,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_rate_card_change_does_not_alter_offers_already_made(offers, walkabout, morgan, amina):
    # A new card that would be in force on the activity's day, and even an edit to the old card's rate.
    make_card(morgan, starts=timezone.localdate(walkabout.starts_at) - timedelta(days=1), hourly="40.00")
    Rate.objects.filter(card=offers["dev"].rate_card).update(amount=Decimal("99.00"))

    make_offers(walkabout, by=amina)

    offers["dev"].refresh_from_db()
    assert offers["dev"].amount == Decimal("50.00")
    assert offers["dev"].rate_amount == Decimal("25.00")


def test_new_people_get_the_new_card(offers, walkabout, morgan, amina):
    make_card(morgan, starts=timezone.localdate(walkabout.starts_at), hourly="30.00")
    tom_like = PersonFactory.create(kind="member")
    AttendanceFactory.create(activity=walkabout, person=tom_like, minutes=90, recorded_by=amina)

    make_offers(walkabout, by=amina)

    assert PaymentOffer.objects.get(attendance__person=tom_like).amount == Decimal("45.00")


def test_offers_wait_until_the_activity_has_happened(amina, bus_stops, rate_card, dev):
    future = ActivityFactory.create(project=bus_stops, created_by=amina)
    AttendanceFactory.create(activity=future, person=dev.person, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="after the activity"):
        make_offers(future, by=amina)
    assert PaymentOffer.objects.count() == 0


def test_offers_need_a_rate_card(amina, bus_stops, dev):
    starts = timezone.now() - timedelta(days=3)
    past = ActivityFactory.create(project=bus_stops, starts_at=starts, ends_at=starts + timedelta(hours=1))
    AttendanceFactory.create(activity=past, person=dev.person, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="no rate card"):
        make_offers(past, by=amina)


def test_only_coordinators_make_offers(dev_attended, dev):
    with pytest.raises(PaymentRefused):
        make_offers(dev_attended.activity, by=dev)
    assert PaymentOffer.objects.count() == 0


def test_person_accepts_with_a_method_and_it_is_audited(offers, dev):
    offer = decide_offer(offers["dev"], method="voucher", by=dev)

    assert offer.status == OfferStatus.ACCEPTED
    assert offer.method == "voucher"
    event = events("payments.offer_accepted")[0]
    assert event.payload == {"amount": "50.00", "method": "voucher", "for_someone_else": False}


def test_coordinator_records_a_choice_by_phone(offers, amina):
    offer = decide_offer(offers["grace"], method="decline", by=amina)

    assert offer.status == OfferStatus.DECLINED
    assert offer.decided_by == amina
    assert events("payments.offer_declined")[0].payload["for_someone_else"] is True


def test_someone_else_cannot_answer_an_offer(offers, grace):
    with pytest.raises(PaymentRefused):
        decide_offer(offers["dev"], method="cash", by=grace)
    offers["dev"].refresh_from_db()
    assert offers["dev"].status == OfferStatus.OFFERED


def test_database_refuses_acceptance_without_a_method(offers):
    with pytest.raises(IntegrityError), transaction.atomic():
        PaymentOffer.objects.filter(pk=offers["dev"].pk).update(status="accepted", decided_at=timezone.now())


# --- Claims -------------------------------------------------------------------------------


def test_carer_who_declined_can_claim_expenses(offers, grace):
    decide_offer(offers["grace"], method="decline", by=grace)
    add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)

    claim = submit_claim(offers["grace"].attendance, by=grace)

    assert claim.status == ClaimStatus.SUBMITTED
    assert claim.fee == Decimal("0.00")
    assert claim.items.get().amount == Decimal("6.40")
    assert events("payments.claim_submitted")[0].payload == {"fee": "0.00", "expenses": "6.40", "method": ""}


def test_accepted_fee_is_fixed_on_the_claim(offers, dev):
    decide_offer(offers["dev"], method="voucher", by=dev)

    claim = submit_claim(offers["dev"].attendance, by=dev)

    assert claim.fee == Decimal("50.00")
    assert claim.method == "voucher"


def test_nothing_to_claim_is_refused(offers, grace):
    decide_offer(offers["grace"], method="decline", by=grace)

    with pytest.raises(PaymentRefused, match="nothing to claim"):
        submit_claim(offers["grace"].attendance, by=grace)
    assert Claim.objects.count() == 0


def test_claim_waits_for_the_choice(offers, dev):
    with pytest.raises(PaymentRefused, match="First say"):
        submit_claim(offers["dev"].attendance, by=dev)


def test_claim_for_an_activity_not_attended_is_refused(offers, dev):
    with pytest.raises(PaymentRefused, match="you attended"):
        add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("5.00"), by=dev)
    with pytest.raises(PaymentRefused, match="you attended"):
        submit_claim(offers["grace"].attendance, by=dev)
    assert Claim.objects.count() == 0
    assert ExpenseItem.objects.count() == 0


@pytest.mark.parametrize("amount", ["0.00", "-5.00", "1000.01", "250000.00"])
def test_negative_zero_or_absurd_amounts_are_refused(offers, grace, amount):
    with pytest.raises(PaymentRefused):
        add_expense(offers["grace"].attendance, kind="travel", amount=Decimal(amount), by=grace)
    assert Claim.objects.count() == 0
    assert ExpenseItem.objects.count() == 0


def test_expense_limit_is_configurable(offers, grace, settings):
    settings.COPRODUCE_MAX_EXPENSE_AMOUNT = "20.00"

    with pytest.raises(PaymentRefused, match=r"£20\.00 or less"):
        add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("20.01"), by=grace)


def test_staff_cannot_claim(walkabout, amina):
    attendance = AttendanceFactory.create(activity=walkabout, person=amina.person, recorded_by=amina)

    with pytest.raises(PaymentRefused, match="not paid"):
        add_expense(attendance, kind="travel", amount=Decimal("5.00"), by=amina)


def sent_claim(offers, grace) -> Claim:
    decide_offer(offers["grace"], method="decline", by=grace)
    add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)
    return submit_claim(offers["grace"].attendance, by=grace)


def test_the_same_claim_sent_twice_ends_with_one(offers, grace):
    sent_claim(offers, grace)

    with pytest.raises(PaymentRefused, match="already been sent"):
        submit_claim(offers["grace"].attendance, by=grace)
    with pytest.raises(PaymentRefused, match="has been sent"):
        add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)

    assert Claim.objects.count() == 1
    assert ExpenseItem.objects.count() == 1
    assert len(events("payments.claim_submitted")) == 1


def test_database_allows_one_claim_per_involvement(offers, grace):
    claim = sent_claim(offers, grace)

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(attendance=claim.attendance, created_by=grace)


def test_approve_then_mark_paid_once(offers, grace, amina):
    claim = sent_claim(offers, grace)
    approve_claim(claim, by=amina)
    today = timezone.localdate()

    paid = mark_paid(claim, paid_on=today, by=amina)
    with pytest.raises(PaymentRefused, match="already paid"):
        mark_paid(claim, paid_on=today, by=amina)

    assert paid.status == ClaimStatus.PAID
    assert Claim.objects.get().paid_on == today
    assert len(events("payments.claim_paid")) == 1
    assert events("payments.claim_paid")[0].payload["expenses"] == "6.40"
    assert len(events("payments.claim_approved")) == 1


def test_a_paid_claim_cannot_be_added_to(offers, grace, amina):
    claim = sent_claim(offers, grace)
    approve_claim(claim, by=amina)
    mark_paid(claim, paid_on=timezone.localdate(), by=amina)

    with pytest.raises(PaymentRefused, match="paid"):
        add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("1.00"), by=grace)
    with pytest.raises(PaymentRefused, match="already been paid"):
        submit_claim(offers["grace"].attendance, by=grace)
    assert ExpenseItem.objects.count() == 1


def test_payment_needs_approval_first_and_a_date_not_in_the_future(offers, grace, amina):
    claim = sent_claim(offers, grace)

    with pytest.raises(PaymentRefused, match="Approve"):
        mark_paid(claim, paid_on=timezone.localdate(), by=amina)
    approve_claim(claim, by=amina)
    with pytest.raises(PaymentRefused, match="today or in the past"):
        mark_paid(claim, paid_on=timezone.localdate() + timedelta(days=1), by=amina)
    assert Claim.objects.get().status == ClaimStatus.APPROVED


def test_rejection_needs_a_reason(offers, grace, amina):
    claim = sent_claim(offers, grace)

    with pytest.raises(PaymentRefused):
        reject_claim(claim, reason="  ", by=amina)
    rejected = reject_claim(claim, reason="The bus fare was already paid.", by=amina)

    assert rejected.status == ClaimStatus.REJECTED
    assert events("payments.claim_rejected")[0].payload == {"fee": "0.00", "expenses": "6.40"}


def test_members_cannot_approve_or_pay(offers, grace):
    claim = sent_claim(offers, grace)

    with pytest.raises(PaymentRefused):
        approve_claim(claim, by=grace)
    with pytest.raises(PaymentRefused):
        mark_paid(claim, paid_on=timezone.localdate(), by=grace)
    assert Claim.objects.get().status == ClaimStatus.SUBMITTED


def test_choice_cannot_change_after_the_claim_is_sent(offers, grace):
    sent_claim(offers, grace)

    with pytest.raises(PaymentRefused, match="cannot change"):
        decide_offer(offers["grace"], method="cash", by=grace)
    offers["grace"].refresh_from_db()
    assert offers["grace"].status == OfferStatus.DECLINED


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
