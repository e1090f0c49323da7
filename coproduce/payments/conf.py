"""The settings the payments app reads, with their defaults (the lead adds them to settings.py)."""

from decimal import Decimal

from django.conf import settings


def payment_days() -> int:
    """Claims waiting longer than this from claim to payment are flagged (NIHR: up to 4 weeks)."""
    return int(getattr(settings, "COPRODUCE_PAYMENT_DAYS", 28))


def receipt_max_bytes() -> int:
    return int(getattr(settings, "COPRODUCE_RECEIPT_MAX_BYTES", 10 * 1024 * 1024))


def max_expense_amount() -> Decimal:
    """The most one expense item may be: more than this is almost certainly a typing mistake."""
    return Decimal(str(getattr(settings, "COPRODUCE_MAX_EXPENSE_AMOUNT", "1000.00")))


def max_rate_amount() -> Decimal:
    """The most a rate (an hourly rate or a fixed fee) may be."""
    return Decimal(str(getattr(settings, "COPRODUCE_MAX_RATE_AMOUNT", "1000.00")))


def organisation() -> dict[str, str]:
    """The organisation's details, for the Jobcentre letter and annual statements."""
    return {
        "name": getattr(settings, "COPRODUCE_ORGANISATION_NAME", "Riverside Co-production Network"),
        "address": getattr(settings, "COPRODUCE_ORGANISATION_ADDRESS", ""),
        "email": getattr(settings, "COPRODUCE_ORGANISATION_EMAIL", ""),
        "phone": getattr(settings, "COPRODUCE_ORGANISATION_PHONE", ""),
    }
