"""The annual statement as CSV and the finance export as CSV or Excel, every cell neutralised.

Names are fine here (an internal finance record and the person's own statement); nothing about
access needs or equality is ever included.
"""

from collections.abc import Iterator
from datetime import date

from django.utils import timezone

from coproduce.payments.choices import PaymentMethod
from coproduce.payments.models import Claim
from coproduce.payments.money import to_pence
from coproduce.payments.queries import Statement, finance_claims
from coproduce.people.spreadsheets import WrittenCell, write_csv, write_xlsx

STATEMENT_HEADERS = ["Date paid", "Activity", "Activity date", "Fee (£)", "Expenses (£)", "Total (£)", "Paid by"]
FINANCE_HEADERS = [
    "Claim",
    "Name",
    "Email",
    "Project",
    "Activity",
    "Activity date",
    "Fee (£)",
    "Expenses (£)",
    "Expenses already paid or booked by us (£)",
    "To pay to the person (£)",
    "How paid",
    "Bank details",
    "Status",
    "Claimed on",
    "Approved on",
    "Paid on",
]


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def statement_rows(found: Statement) -> Iterator[list[WrittenCell]]:
    for claim in found.claims:
        activity = claim.attendance.activity
        yield [
            _day(claim.paid_on),
            activity.title,
            _day(timezone.localdate(activity.starts_at)),
            to_pence(claim.fee),
            to_pence(claim.expenses_total),  # type: ignore[attr-defined]
            to_pence(claim.total),  # type: ignore[attr-defined]
            claim.get_method_display() if claim.method else "Expenses only",
        ]
    yield ["Total", "", "", to_pence(found.fees), to_pence(found.expenses), to_pence(found.fees + found.expenses), ""]


def statement_csv(found: Statement) -> bytes:
    return write_csv(STATEMENT_HEADERS, statement_rows(found))


def _bank_details(claim: Claim) -> str:
    """For a bank transfer: "Needed", or the day finance recorded them as received (never the details)."""
    if claim.method != PaymentMethod.BANK_TRANSFER:
        return ""
    record = getattr(claim.attendance.person, "bank_details_record", None)
    return f"Received {record.received_on.isoformat()}" if record is not None else "Needed"


def _finance_row(claim: Claim) -> list[WrittenCell]:
    person = claim.attendance.person
    activity = claim.attendance.activity
    expenses = claim.expenses_total  # type: ignore[attr-defined]
    return [
        str(claim.pk),
        person.full_name,
        person.email,
        activity.project.title,
        activity.title,
        _day(timezone.localdate(activity.starts_at)),
        to_pence(claim.fee),
        to_pence(expenses),
        to_pence(expenses - claim.repaid_expenses),  # type: ignore[attr-defined]
        to_pence(claim.to_pay),  # type: ignore[attr-defined]
        claim.get_method_display() if claim.method else "Expenses only",
        _bank_details(claim),
        claim.get_status_display(),
        _day(timezone.localdate(claim.submitted_at) if claim.submitted_at else None),
        _day(timezone.localdate(claim.decided_at) if claim.decided_at else None),
        _day(claim.paid_on),
    ]


def finance_csv(starts_on: date, ends_on: date) -> bytes:
    return write_csv(FINANCE_HEADERS, (_finance_row(claim) for claim in finance_claims(starts_on, ends_on)))


def finance_xlsx(starts_on: date, ends_on: date) -> bytes:
    rows = (_finance_row(claim) for claim in finance_claims(starts_on, ends_on))
    return write_xlsx(FINANCE_HEADERS, rows, title="Payments")
