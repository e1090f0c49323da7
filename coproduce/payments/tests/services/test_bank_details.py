"""Finance records that it has a person's bank details (the day only, never the details), audited."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.payments.models import BankDetailsRecord
from coproduce.payments.queries import bank_details_needed
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.bank_details import record_bank_details_received
from coproduce.payments.services.offers import decide_offer
from coproduce.payments.tests.conftest import events


def test_recording_bank_details_received_keeps_the_day_and_audits_it(dev, amina):
    day = timezone.localdate() - timedelta(days=1)

    record = record_bank_details_received(dev.person, received_on=day, by=amina)

    assert (record.person, record.received_on, record.recorded_by) == (dev.person, day, amina)
    assert events("payments.bank_details_received")[0].payload == {
        "person": dev.person.pk,
        "received_on": day.isoformat(),
    }


def test_recording_bank_details_refuses_a_future_day_a_second_time_and_members(dev, grace, amina):
    record_bank_details_received(dev.person, received_on=timezone.localdate(), by=amina)

    with pytest.raises(PaymentRefused, match="already have bank details for Devendra Patel"):
        record_bank_details_received(dev.person, received_on=timezone.localdate(), by=amina)
    with pytest.raises(PaymentRefused, match="cannot be in the future"):
        record_bank_details_received(grace.person, received_on=timezone.localdate() + timedelta(days=1), by=amina)
    with pytest.raises(PaymentRefused, match="Only a coordinator"):
        record_bank_details_received(grace.person, received_on=timezone.localdate(), by=grace)
    assert BankDetailsRecord.objects.count() == 1
    assert len(events("payments.bank_details_received")) == 1


def test_bank_details_needed_lists_bank_transfers_until_the_details_are_received(offers, dev, grace, amina):
    decide_offer(offers["dev"], method="bank_transfer", by=dev)
    decide_offer(offers["grace"], method="voucher", by=grace)

    before = bank_details_needed()
    record_bank_details_received(dev.person, received_on=timezone.localdate(), by=amina)

    assert [offer.attendance.person for offer in before] == [dev.person]
    assert bank_details_needed() == []
