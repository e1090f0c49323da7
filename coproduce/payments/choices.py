"""The fixed lists the payments app uses."""

from django.db import models

from coproduce.people.models import PersonKind


class RateBasis(models.TextChoices):
    HOURLY = "hourly", "Per hour"
    FIXED = "fixed", "Fixed amount"


class OfferStatus(models.TextChoices):
    OFFERED = "offered", "Waiting for their choice"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"


class PaymentMethod(models.TextChoices):
    """How a payment is made (the same values as people.PaymentPreference, without "decline")."""

    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    VOUCHER = "voucher", "Shopping voucher"
    CASH = "cash", "Cash"


class ExpenseKind(models.TextChoices):
    TRAVEL = "travel", "Travel"
    CARER_COVER = "carer_cover", "Carer or personal assistant cover"
    CHILDCARE = "childcare", "Childcare"
    DATA = "data", "Data or Wi-Fi"
    OTHER = "other", "Something else"


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", "Not sent yet"
    SUBMITTED = "submitted", "Waiting for approval"
    APPROVED = "approved", "Approved, not paid yet"
    REJECTED = "rejected", "Not approved"
    PAID = "paid", "Paid"


# People who are offered payment for their time: members of the public, not staff or people whose
# employer pays them to be there (NIHR: involvement payments are for public contributors).
PAID_KINDS = frozenset({PersonKind.MEMBER, PersonKind.CARER})

# Receipts people may upload, recognised by their first bytes: content type and file name ending.
RECEIPT_TYPES: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", ".pdf"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
)
RECEIPT_CONTENT_TYPES = frozenset(content_type for _, content_type, _ in RECEIPT_TYPES)


def receipt_type(head: bytes) -> tuple[str, str] | None:
    """The content type and file ending of a receipt from its first bytes, or None if it is not allowed."""
    for magic, content_type, suffix in RECEIPT_TYPES:
        if head.startswith(magic):
            return content_type, suffix
    return None
