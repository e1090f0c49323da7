"""Claims: expenses with receipts, sending the claim, approval or rejection, and payment.

Every change to money records an audit event, with amounts as strings (never floats).
"""

from datetime import date
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.involvement.models import Attendance
from coproduce.payments import conf
from coproduce.payments.choices import ClaimStatus, ExpenseKind, OfferStatus
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer
from coproduce.payments.money import to_pence
from coproduce.payments.permissions import can_claim, can_manage_payments
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.offers import is_paid_involvement
from coproduce.payments.tasks import tell_person_about_claim


def _check_claimant(attendance: Attendance, by: User) -> None:
    if not can_claim(by, attendance):
        raise PaymentRefused("You can only claim for an activity you attended.")
    if not is_paid_involvement(attendance):
        raise PaymentRefused("Staff and partner representatives are not paid through Coproduce.")


def _locked_claim(attendance: Attendance) -> Claim | None:
    return Claim.objects.select_for_update(of=("self",)).filter(attendance=attendance).first()


@transaction.atomic
def add_expense(
    attendance: Attendance,
    *,
    kind: str,
    amount: Decimal,
    by: User,
    description: str = "",
    is_paid_in_advance: bool = False,
    is_booked_by_us: bool = False,
    receipt: UploadedFile | None = None,
    receipt_content_type: str = "",
) -> ExpenseItem:
    """Add an expense to the person's claim for this involvement (making the claim if there is none).

    Effects: a draft Claim if needed, the ExpenseItem, its receipt file, an audit event.
    """
    _check_claimant(attendance, by)
    if kind not in ExpenseKind.values:
        raise PaymentRefused("Choose what the expense was for", field="kind")
    amount = to_pence(amount)
    if amount <= 0:
        raise PaymentRefused("The amount must be more than £0", field="amount")
    if amount > conf.max_expense_amount():
        raise PaymentRefused(
            f"The amount must be £{conf.max_expense_amount():,.2f} or less. Ask us about bigger costs.",
            field="amount",
        )
    # Lock the involvement, so two requests at once cannot both make its claim.
    Attendance.objects.select_for_update(of=("self",)).filter(pk=attendance.pk).first()
    claim = _locked_claim(attendance)
    if claim is None:
        claim = Claim.objects.create(attendance=attendance, created_by=by)
    elif claim.status == ClaimStatus.PAID:
        raise PaymentRefused("This claim has been paid. You cannot add to it.")
    elif claim.status != ClaimStatus.DRAFT:
        raise PaymentRefused("This claim has been sent. You cannot add to it now.")
    item = ExpenseItem(
        claim=claim,
        kind=kind,
        description=description.strip(),
        amount=amount,
        is_paid_in_advance=is_paid_in_advance,
        is_booked_by_us=is_booked_by_us,
        receipt_content_type=receipt_content_type if receipt is not None else "",
        added_by=by,
    )
    if receipt is not None:
        item.receipt.save(receipt.name or "receipt", receipt, save=False)
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        if item.receipt:
            item.receipt.delete(save=False)
        raise
    record_event(
        actor=by,
        action="payments.expense_added",
        target=claim,
        payload={"item": item.pk, "kind": kind, "amount": str(amount), "has_receipt": bool(item.receipt)},
    )
    return item


@transaction.atomic
def remove_expense(item: ExpenseItem, *, by: User) -> None:
    """Take an expense off a claim that has not been sent. Effects: deletes the item and receipt, audit event."""
    claim = _locked_claim(item.claim.attendance)
    if claim is None or not can_claim(by, claim.attendance):
        raise PaymentRefused("You cannot change this claim.")
    if claim.status != ClaimStatus.DRAFT:
        raise PaymentRefused("This claim has been sent. You cannot change it now.")
    amount, kind = str(item.amount), item.kind
    if item.receipt:
        item.receipt.delete(save=False)
    item.delete()
    record_event(actor=by, action="payments.expense_removed", target=claim, payload={"kind": kind, "amount": amount})


@transaction.atomic
def submit_claim(attendance: Attendance, *, by: User) -> Claim:
    """Send the claim for this involvement: the accepted fee (if any) and its expenses.

    Refused if the claim was already sent or paid, or if there is nothing to claim.
    Effects: the Claim becomes "submitted" with its fee fixed; an audit event; a message to the person.
    """
    _check_claimant(attendance, by)
    # Lock the involvement, so that sending the same claim twice at once sends it once.
    Attendance.objects.select_for_update(of=("self",)).filter(pk=attendance.pk).first()
    claim = _locked_claim(attendance)
    if claim is not None and claim.status == ClaimStatus.PAID:
        raise PaymentRefused("This claim has already been paid.")
    if claim is not None and claim.status != ClaimStatus.DRAFT:
        raise PaymentRefused("This claim has already been sent.")
    offer = PaymentOffer.objects.filter(attendance=attendance).first()
    if offer is not None and offer.status == OfferStatus.OFFERED:
        raise PaymentRefused("First say whether you want to be paid, and how.")
    accepted = offer is not None and offer.status == OfferStatus.ACCEPTED
    has_items = claim is not None and claim.items.exists()
    if not accepted and not has_items:
        raise PaymentRefused("There is nothing to claim. Add an expense first.")
    if claim is None:
        try:
            with transaction.atomic():
                claim = Claim.objects.create(attendance=attendance, created_by=by)
        except IntegrityError as clash:
            raise PaymentRefused("This claim has already been sent.") from clash
    claim.fee = offer.amount if accepted and offer is not None else Decimal("0.00")
    claim.method = offer.method if accepted and offer is not None else ""
    claim.status = ClaimStatus.SUBMITTED
    claim.submitted_at, claim.submitted_by = timezone.now(), by
    claim.save(update_fields=["fee", "method", "status", "submitted_at", "submitted_by"])
    record_event(
        actor=by,
        action="payments.claim_submitted",
        target=claim,
        payload={"fee": str(claim.fee), "expenses": str(claim_expenses(claim)), "method": claim.method},
    )
    _tell(claim, "sent")
    return claim


def _tell(claim: Claim, event: str) -> None:
    """Tell the person, in their format, once the change is committed."""
    claim_id = claim.pk
    transaction.on_commit(lambda: tell_person_about_claim.enqueue(claim_id=claim_id, event=event))


def claim_expenses(claim: Claim) -> Decimal:
    return to_pence(sum((item.amount for item in claim.items.all()), Decimal("0.00")))


def _locked(claim: Claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("attendance").get(pk=claim.pk)


@transaction.atomic
def approve_claim(claim: Claim, *, by: User) -> Claim:
    """Approve a sent claim. Effects: status "approved", audit event, a message to the person."""
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can approve a claim.")
    claim = _locked(claim)
    if claim.status != ClaimStatus.SUBMITTED:
        raise PaymentRefused("Only a claim waiting for approval can be approved.")
    claim.status, claim.decided_at, claim.decided_by = ClaimStatus.APPROVED, timezone.now(), by
    claim.save(update_fields=["status", "decided_at", "decided_by"])
    record_event(
        actor=by,
        action="payments.claim_approved",
        target=claim,
        payload={"fee": str(claim.fee), "expenses": str(claim_expenses(claim))},
    )
    _tell(claim, "approved")
    return claim


@transaction.atomic
def reject_claim(claim: Claim, *, reason: str, by: User) -> Claim:
    """Turn down a sent claim, saying why (the person sees the reason).

    Effects: status, audit event, a message to the person.
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can turn down a claim.")
    if not reason.strip():
        raise PaymentRefused("Say why the claim is not approved", field="reason")
    claim = _locked(claim)
    if claim.status != ClaimStatus.SUBMITTED:
        raise PaymentRefused("Only a claim waiting for approval can be turned down.")
    claim.status, claim.decided_at, claim.decided_by = ClaimStatus.REJECTED, timezone.now(), by
    claim.rejection_reason = reason.strip()
    claim.save(update_fields=["status", "decided_at", "decided_by", "rejection_reason"])
    record_event(
        actor=by,
        action="payments.claim_rejected",
        target=claim,
        payload={"fee": str(claim.fee), "expenses": str(claim_expenses(claim))},
    )
    _tell(claim, "rejected")
    return claim


@transaction.atomic
def mark_paid(claim: Claim, *, paid_on: date, by: User) -> Claim:
    """Record that an approved claim was paid on ``paid_on``. A claim is paid once: a second time is refused.

    Effects: status "paid" with the date, audit event, a message to the person.
    """
    if not can_manage_payments(by):
        raise PaymentRefused("Only a coordinator can mark a claim as paid.")
    claim = _locked(claim)
    if claim.status == ClaimStatus.PAID:
        raise PaymentRefused(f"This claim was already paid on {claim.paid_on:%-d %B %Y}.")
    if claim.status != ClaimStatus.APPROVED:
        raise PaymentRefused("Approve the claim before you mark it as paid.")
    if paid_on > timezone.localdate():
        raise PaymentRefused("The date it was paid must be today or in the past", field="paid_on")
    if claim.submitted_at is not None and paid_on < timezone.localdate(claim.submitted_at):
        raise PaymentRefused("The date it was paid must be on or after the day the claim was sent", field="paid_on")
    claim.status, claim.paid_on, claim.paid_recorded_by = ClaimStatus.PAID, paid_on, by
    claim.save(update_fields=["status", "paid_on", "paid_recorded_by"])
    record_event(
        actor=by,
        action="payments.claim_paid",
        target=claim,
        payload={
            "paid_on": paid_on.isoformat(),
            "fee": str(claim.fee),
            "expenses": str(claim_expenses(claim)),
            "method": claim.method,
        },
    )
    _tell(claim, "paid")
    return claim
