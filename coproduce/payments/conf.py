"""The settings the payments app reads, with their defaults (the lead adds them to settings.py)."""

from decimal import Decimal

from django.conf import settings


def payment_days() -> int:
    """Claims waiting longer than this from claim to payment are flagged (NIHR: up to 4 weeks)."""
    return int(settings.COPRODUCE_PAYMENT_DAYS)


def receipt_max_bytes() -> int:
    return int(settings.COPRODUCE_RECEIPT_MAX_BYTES)


def max_expense_amount() -> Decimal:
    """The most one expense item may be: more than this is almost certainly a typing mistake."""
    return Decimal(str(settings.COPRODUCE_MAX_EXPENSE_AMOUNT))


def max_rate_amount() -> Decimal:
    """The most a rate (an hourly rate or a fixed fee) may be."""
    return Decimal(str(settings.COPRODUCE_MAX_RATE_AMOUNT))


def organisation() -> dict[str, str]:
    """The organisation's details, for the Jobcentre letter and annual statements."""
    return {
        "name": settings.COPRODUCE_ORGANISATION_NAME,
        "address": settings.COPRODUCE_ORGANISATION_ADDRESS,
        "email": settings.COPRODUCE_ORGANISATION_EMAIL,
        "phone": settings.COPRODUCE_ORGANISATION_PHONE,
    }
