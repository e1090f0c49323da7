"""The messages about payments: the offer and each step of the claim, in Easy Read for someone who
asked for it and in standard English for someone who did not (issue 17)."""

from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import AttendanceFactory, give_needs
from coproduce.payments.services.claims import add_expense, approve_claim, mark_paid, reject_claim, submit_claim
from coproduce.payments.services.offers import decide_offer, make_offer
from coproduce.people.models import Need
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_offer_and_claim_messages_are_in_easy_read_for_someone_who_asked(
    walkabout: Activity, dev: User, amina: User
) -> None:
    give_needs(dev.person, Need.EASY_READ)
    attendance = AttendanceFactory.create(activity=walkabout, person=dev.person, minutes=120, recorded_by=amina)

    offer = make_offer(attendance, by=amina)
    run_worker()
    decide_offer(offer, method="voucher", by=dev)
    add_expense(attendance, kind="travel", amount=Decimal("6.40"), by=dev)
    claim = submit_claim(attendance, by=dev)
    run_worker()
    approve_claim(claim, by=amina)
    run_worker()
    mark_paid(claim, paid_on=timezone.localdate(), by=amina)
    run_worker()

    offered, sent, approved, paid = mail.outbox
    assert offered.subject == f"We want to pay you for {walkabout.title}"
    assert "We will pay you £50.00 for coming to the workshop.\n" in offered.body
    assert "It is your choice. You can say no to being paid.\n" in offered.body
    assert f"Do it here:\nhttp://testserver/payments/offers/{offer.pk}/" in offered.body
    assert sent.subject == f"We have got your claim for {walkabout.title}"
    assert "You asked for £56.40.\nWe will check it.\n" in sent.body
    assert approved.subject == f"We said yes to your claim for {walkabout.title}"
    assert "We will pay you £56.40.\nYou chose: a shopping voucher.\n" in approved.body
    assert paid.subject == f"We have paid you for {walkabout.title}"
    assert f"We paid you on {timezone.localdate():%-d %B %Y}." in paid.body


def test_offer_and_claim_messages_are_in_standard_english_for_someone_who_did_not_ask(
    walkabout: Activity, grace: User, amina: User
) -> None:
    attendance = AttendanceFactory.create(activity=walkabout, person=grace.person, minutes=120, recorded_by=amina)

    offer = make_offer(attendance, by=amina)
    decide_offer(offer, method="decline", by=grace)
    add_expense(attendance, kind="travel", amount=Decimal("6.40"), by=grace)
    claim = submit_claim(attendance, by=grace)
    reject_claim(claim, reason="The bus fare was paid by the centre.", by=amina)
    run_worker()

    # The offer was answered before the worker ran, so only the claim's messages are still true.
    assert [message.subject for message in mail.outbox] == [f"Your claim is not approved: {walkabout.title}"]
    assert "Why: The bus fare was paid by the centre." in mail.outbox[0].body
    assert "£" not in mail.outbox[0].subject
