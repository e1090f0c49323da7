"""Rate cards: dated, each replacing the one before from its first day.

Every change to money records an audit event, with amounts as strings (never floats).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.payments import conf
from coproduce.payments.models import Rate, RateCard
from coproduce.payments.money import to_pence
from coproduce.payments.permissions import can_manage_rate_cards
from coproduce.payments.refusals import PaymentRefused


@dataclass(frozen=True)
class RateLine:
    activity_kind: str
    basis: str
    amount: Decimal
    preparation_allowance: Decimal = Decimal("0.00")


@transaction.atomic
def create_rate_card(
    *,
    name: str,
    effective_from: date,
    expenses_covered: str,
    rates: list[RateLine],
    by: User,
    notes: str = "",
    is_example: bool = False,
) -> RateCard:
    """Make a new rate card; from ``effective_from`` it replaces the card before it. Effects: audit event."""
    if not can_manage_rate_cards(by):
        raise PaymentRefused("Only an admin can make a rate card.")
    if not rates:
        raise PaymentRefused("Give a rate for at least one kind of activity.")
    if RateCard.objects.filter(effective_from=effective_from).exists():
        raise PaymentRefused(
            "There is already a rate card that starts on that day. Choose another day.", field="effective_from"
        )
    for line in rates:
        if not Decimal("0") < line.amount <= conf.max_rate_amount() or line.preparation_allowance < 0:
            raise PaymentRefused("Each rate must be more than £0 and no more than the most allowed.")
    card = RateCard.objects.create(
        name=name,
        effective_from=effective_from,
        expenses_covered=expenses_covered,
        notes=notes,
        is_example=is_example,
        created_by=by,
    )
    Rate.objects.bulk_create(
        Rate(
            card=card,
            activity_kind=line.activity_kind,
            basis=line.basis,
            amount=to_pence(line.amount),
            preparation_allowance=to_pence(line.preparation_allowance),
        )
        for line in rates
    )
    record_event(
        actor=by,
        action="payments.rate_card_created",
        target=card,
        payload={"effective_from": effective_from.isoformat(), "rates": len(rates), "is_example": is_example},
    )
    return card
