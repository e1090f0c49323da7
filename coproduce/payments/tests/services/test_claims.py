"""Claims, approval and payment: the business rules and their audit trail."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.models import Claim, ExpenseItem
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.claims import add_expense, approve_claim, mark_paid, reject_claim, submit_claim
from coproduce.payments.services.offers import decide_offer
from coproduce.payments.tests.conftest import events, sent_claim


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
