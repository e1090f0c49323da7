"""Bank details: finance takes them outside Coproduce; here it only records that it has them, and when
(ADR 0013). No account number or sort code is ever stored.
"""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.payments.models import BankDetailsRecord
from coproduce.payments.permissions import can_manage_payments
from coproduce.payments.refusals import PaymentRefused
from coproduce.people.models import Person


@transaction.atomic
def record_bank_details_received(person: Person, *, received_on: date, by: User) -> BankDetailsRecord:
    """Record that finance has the person's bank details from ``received_on``.

    Effects: the BankDetailsRecord and an audit event (the day only: no details).
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator or the finance team can record bank details as received.")
    if received_on > timezone.localdate():
        raise PaymentRefused("The day cannot be in the future.", field="received_on")
    try:
        with transaction.atomic():
            record = BankDetailsRecord.objects.create(person=person, received_on=received_on, recorded_by=by)
    except IntegrityError:
        earlier = BankDetailsRecord.objects.get(person=person)
        raise PaymentRefused(
            f"We already have bank details for {person.full_name}, received on {date_format(earlier.received_on)}."
        ) from None
    record_event(
        actor=by,
        action="payments.bank_details_received",
        target=record,
        payload={"person": person.pk, "received_on": received_on.isoformat()},
    )
    return record
