"""Rate cards, payment offers, claims and what was paid."""

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.models import Attendance
from coproduce.payments.choices import ClaimStatus, ExpenseKind, OfferStatus, PaymentMethod, RateBasis
from coproduce.people.models import Person

# A ceiling the database holds whatever the configurable limits say: no single amount near £100,000.
MONEY_CEILING = 100_000


class RateCardQuerySet(models.QuerySet["RateCard"]):
    def in_force_on(self, day: date) -> "RateCard | None":
        """The card in force on ``day``: the one with the latest start on or before it."""
        return self.filter(effective_from__lte=day).order_by("-effective_from").first()


class RateCard(models.Model):
    """A version of what the organisation pays, from a date. Never changed: a new card supersedes it."""

    name = models.CharField(max_length=200)
    effective_from = models.DateField(unique=True)
    is_example = models.BooleanField(default=False)
    notes = models.TextField(blank=True)
    expenses_covered = models.TextField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    objects = RateCardQuerySet.as_manager()

    class Meta:
        ordering = ["-effective_from"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(name=""), name="rate_card_name_not_empty"),
            models.CheckConstraint(condition=~models.Q(expenses_covered=""), name="rate_card_expenses_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class Rate(models.Model):
    """What one kind of activity is paid under a rate card."""

    card = models.ForeignKey(RateCard, on_delete=models.CASCADE, related_name="rates")
    activity_kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    basis = models.CharField(max_length=10, choices=RateBasis.choices)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    # Paid on top, for reading papers beforehand.
    preparation_allowance = models.DecimalField(max_digits=10, decimal_places=2, default=0)

    class Meta:
        ordering = ["activity_kind"]
        constraints = [
            models.UniqueConstraint(fields=["card", "activity_kind"], name="rate_one_per_kind"),
            models.CheckConstraint(condition=models.Q(activity_kind__in=ActivityKind.values), name="rate_kind_valid"),
            models.CheckConstraint(condition=models.Q(basis__in=RateBasis.values), name="rate_basis_valid"),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0, amount__lt=MONEY_CEILING), name="rate_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(preparation_allowance__gte=0, preparation_allowance__lt=MONEY_CEILING),
                name="rate_preparation_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_activity_kind_display()}: {self.amount} {self.get_basis_display().lower()}"


class PaymentOffer(models.Model):
    """The payment offered for one involvement, worked out from the card in force on the activity's day.

    It keeps the rate it used and the amount, so a later change of rate card never alters it.
    """

    attendance = models.OneToOneField(Attendance, on_delete=models.PROTECT, related_name="payment_offer")
    rate_card = models.ForeignKey(RateCard, on_delete=models.PROTECT, related_name="offers")
    basis = models.CharField(max_length=10, choices=RateBasis.choices)
    rate_amount = models.DecimalField(max_digits=10, decimal_places=2)
    preparation_allowance = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    minutes = models.PositiveIntegerField()
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    expenses_covered = models.TextField()
    status = models.CharField(max_length=10, choices=OfferStatus.choices, default=OfferStatus.OFFERED)
    method = models.CharField(max_length=20, choices=PaymentMethod.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    # Who recorded the choice: the person, or a coordinator for them (for example by phone).
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(basis__in=RateBasis.values), name="offer_basis_valid"),
            models.CheckConstraint(condition=models.Q(status__in=OfferStatus.values), name="offer_status_valid"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0, amount__lt=MONEY_CEILING), name="offer_amount_in_range"
            ),
            # Accepting means choosing how to be paid; waiting or declining means no method.
            models.CheckConstraint(
                condition=(
                    models.Q(status=OfferStatus.ACCEPTED, method__in=PaymentMethod.values)
                    | (~models.Q(status=OfferStatus.ACCEPTED) & models.Q(method=""))
                ),
                name="offer_method_matches_status",
            ),
            models.CheckConstraint(
                condition=models.Q(status=OfferStatus.OFFERED) | models.Q(decided_at__isnull=False),
                name="offer_decision_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Payment offer for attendance {self.attendance_id}"


class Claim(models.Model):
    """A claim for one involvement: the accepted fee and any expenses. One per involvement, paid once."""

    attendance = models.OneToOneField(Attendance, on_delete=models.PROTECT, related_name="claim")
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    # The accepted fee, fixed when the claim is sent; nothing if they declined payment.
    fee = models.DecimalField(max_digits=10, decimal_places=2, default=0)
    method = models.CharField(max_length=20, choices=PaymentMethod.choices, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.TextField(blank=True)
    paid_on = models.DateField(null=True, blank=True)
    paid_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["status", "submitted_at"], name="claim_status_submitted_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(status__in=ClaimStatus.values), name="claim_status_valid"),
            models.CheckConstraint(condition=models.Q(fee__gte=0, fee__lt=MONEY_CEILING), name="claim_fee_in_range"),
            models.CheckConstraint(
                condition=models.Q(status=ClaimStatus.DRAFT) | models.Q(submitted_at__isnull=False),
                name="claim_sent_has_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=ClaimStatus.REJECTED) | ~models.Q(rejection_reason=""),
                name="claim_rejection_has_reason",
            ),
            # Paid means paid on a day, after approval; a date of payment means it is paid.
            models.CheckConstraint(
                condition=(
                    models.Q(status=ClaimStatus.PAID, paid_on__isnull=False, decided_at__isnull=False)
                    | (~models.Q(status=ClaimStatus.PAID) & models.Q(paid_on__isnull=True))
                ),
                name="claim_paid_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"Claim for attendance {self.attendance_id}"


def receipt_path(item: "ExpenseItem", filename: str) -> str:
    # A random name, never the uploaded one: the file is only ever served through a view that checks
    # who may see it, and its ending comes from its content, not from what the sender called it.
    return f"payments/receipts/{uuid.uuid4().hex}{item.receipt_suffix}"


class ExpenseItem(models.Model):
    """One expense on a claim, with its receipt if there is one."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(max_length=20, choices=ExpenseKind.choices)
    description = models.CharField(max_length=300, blank=True)
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    # Paid to the person before the activity, or paid by us to the supplier: not paid to them again.
    is_paid_in_advance = models.BooleanField(default=False)
    is_booked_by_us = models.BooleanField(default=False)
    receipt = models.FileField(upload_to=receipt_path, blank=True, max_length=200)
    receipt_content_type = models.CharField(max_length=40, blank=True)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["added_at", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ExpenseKind.values), name="expense_kind_valid"),
            models.CheckConstraint(
                condition=models.Q(amount__gt=0, amount__lt=MONEY_CEILING), name="expense_amount_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(receipt="", receipt_content_type="")
                | models.Q(receipt_content_type__in=["application/pdf", "image/jpeg", "image/png"]),
                name="expense_receipt_type_allowed",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind=ExpenseKind.OTHER) | ~models.Q(description=""),
                name="expense_other_has_description",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on claim {self.claim_id}"

    @property
    def receipt_suffix(self) -> str:
        return {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}.get(self.receipt_content_type, "")

    @property
    def is_repaid_to_person(self) -> bool:
        return not (self.is_paid_in_advance or self.is_booked_by_us)


class BankDetailsRecord(models.Model):
    """That our finance team has taken a person's bank details, and on what day: never the details.

    Finance takes them by phone or by letter and keeps them in its own payment system (ADR 0013), so
    Coproduce holds no account numbers to lose.
    """

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="bank_details_record")
    received_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["-received_on", "id"]

    def __str__(self) -> str:
        return f"Bank details received for person {self.person_id}"
