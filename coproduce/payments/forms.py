"""Forms for rate cards, answering offers, claiming expenses, approving and paying claims, exports."""

from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.fields import GovUKDateField
from coproduce.payments import conf, easy_read
from coproduce.payments.choices import ExpenseKind, PaymentMethod, RateBasis, receipt_type
from coproduce.payments.money import to_pence
from coproduce.payments.services.rates import RateLine

DECLINE = "decline"
NO_RATE = ""


class MoneyField(forms.Field):
    """An amount in pounds and pence, typed as people type it ("6.40", "£6.40", "1,000")."""

    def __init__(self, *, maximum: Decimal | None = None, **kwargs: Any) -> None:
        self.maximum = maximum
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={
                    "inputmode": "decimal",
                    "spellcheck": "false",
                    "maxlength": "20",
                    "class": "govuk-input--width-5",
                }
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> Decimal | None:
        text = str(value or "").strip().replace("£", "").replace(",", "").strip()
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation as problem:
            raise ValidationError("Enter an amount in pounds and pence, for example 6.40", code="invalid") from problem
        if not amount.is_finite():
            raise ValidationError("Enter an amount in pounds and pence, for example 6.40", code="invalid")
        if amount != amount.quantize(Decimal("0.01")):
            raise ValidationError("Enter an amount in pounds and pence, with no more than 2 numbers after the point")
        if amount <= 0:
            raise ValidationError("The amount must be more than £0", code="not_positive")
        if self.maximum is not None and amount > self.maximum:
            raise ValidationError(f"The amount must be £{self.maximum:,.2f} or less", code="too_big")
        return to_pence(amount)


class ReceiptField(forms.FileField):
    """A receipt: a PDF, JPEG or PNG file, recognised by its content, smaller than the size limit."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}))
        kwargs.setdefault("error_messages", {"empty": "The receipt file is empty", "invalid": "Choose a file"})
        super().__init__(**kwargs)

    def to_python(self, data: Any) -> Any:
        receipt = super().to_python(data)
        if receipt is None:
            return None
        limit = conf.receipt_max_bytes()
        if isinstance(receipt, UploadedFile) and (receipt.size or 0) > limit:
            raise ValidationError(f"The receipt must be smaller than {limit // (1024 * 1024)} MB", code="too_big")
        receipt.seek(0)
        head = receipt.read(16)
        receipt.seek(0)
        found = receipt_type(head)
        if found is None:
            raise ValidationError("The receipt must be a PDF, JPEG or PNG file", code="wrong_type")
        return receipt


class RateCardForm(forms.Form):
    name = forms.CharField(
        label="Name of the rate card",
        max_length=200,
        help_text="For example, Rates from April 2027.",
        error_messages={"required": "Enter a name for the rate card"},
    )
    effective_from = GovUKDateField(
        label="When do these rates start?",
        help_text="For example, 6 4 2027. Offers for activities on or after this day use these rates.",
        error_messages={"required": "Enter the day these rates start"},
    )
    expenses_covered = forms.CharField(
        label="Which expenses do you cover?",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="People see this with every offer. For example, travel, carer or personal assistant cover.",
        error_messages={"required": "Say which expenses you cover"},
    )
    notes = forms.CharField(label="Notes (optional)", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for kind in ActivityKind.values:
            self.fields[f"basis_{kind}"] = forms.ChoiceField(
                label="How is it paid?",
                required=False,
                choices=[(NO_RATE, "Not paid"), *RateBasis.choices],
                error_messages={"invalid_choice": "Choose how it is paid from the list"},
            )
            self.fields[f"amount_{kind}"] = MoneyField(
                label="Amount in pounds", required=False, maximum=conf.max_rate_amount()
            )
            self.fields[f"preparation_{kind}"] = MoneyField(
                label="Preparation allowance in pounds (optional)",
                required=False,
                maximum=conf.max_rate_amount(),
            )

    def kind_fields(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (label, [self[f"basis_{kind}"], self[f"amount_{kind}"], self[f"preparation_{kind}"]])
            for kind, label in ActivityKind.choices
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        lines = []
        for kind, label in ActivityKind.choices:
            basis, amount = data.get(f"basis_{kind}"), data.get(f"amount_{kind}")
            preparation = data.get(f"preparation_{kind}") or Decimal("0.00")
            if basis and amount is None and f"amount_{kind}" not in self.errors:
                self.add_error(f"amount_{kind}", f"{label}: enter the amount, or choose Not paid")
            elif not basis and amount is not None:
                self.add_error(f"basis_{kind}", f"{label}: choose how it is paid, or leave the amount empty")
            elif basis and amount is not None:
                lines.append(RateLine(kind, basis, amount, preparation))
        if not lines and not self.errors:
            self.add_error(f"basis_{ActivityKind.MEETING}", "Give a rate for at least one kind of activity")
        data["rates"] = lines
        return data


class OfferDecisionForm(forms.Form):
    method = forms.ChoiceField(
        label="How do you want to be paid?",
        choices=[*PaymentMethod.choices, (DECLINE, "I do not want to be paid")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you want to be paid, or that you do not want to be paid"},
    )

    def __init__(self, *args: Any, for_someone_else: bool = False, in_easy_read: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if in_easy_read:
            method = self.fields["method"]
            assert isinstance(method, forms.ChoiceField)  # noqa: S101
            method.choices = [*easy_read.METHODS.items(), (DECLINE, easy_read.DECLINE)]
            method.error_messages["required"] = "Choose how you want to be paid. Or choose: I do not want to be paid."
        if for_someone_else:
            method = self.fields["method"]
            assert isinstance(method, forms.ChoiceField)  # noqa: S101
            method.label = "How do they want to be paid?"
            method.choices = [*PaymentMethod.choices, (DECLINE, "They do not want to be paid")]
            method.error_messages["required"] = "Choose how they want to be paid, or that they do not want to be paid"


class ExpenseForm(forms.Form):
    kind = forms.ChoiceField(
        label="What was it for?",
        choices=ExpenseKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the expense was for"},
    )
    description = forms.CharField(
        label="Details (optional)",
        required=False,
        max_length=300,
        help_text="For example, bus fare from Hill Street and back. Needed if you chose Something else.",
    )
    amount = MoneyField(
        label="How much was it, in pounds?",
        help_text="For example, 6.40",
        error_messages={"required": "Enter how much it was"},
    )
    is_paid_in_advance = forms.BooleanField(label="We paid you for this before the activity", required=False)
    is_booked_by_us = forms.BooleanField(label="We booked and paid for this directly", required=False)
    receipt = ReceiptField(
        label="Receipt (optional)",
        required=False,
        help_text="A photo or scan: PDF, JPEG or PNG, smaller than 10 MB.",
    )

    def __init__(self, *args: Any, in_easy_read: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amount"].maximum = conf.max_expense_amount()  # type: ignore[attr-defined]
        limit = conf.receipt_max_bytes() // (1024 * 1024)
        self.fields["receipt"].help_text = f"A photo or scan: PDF, JPEG or PNG, smaller than {limit} MB."
        if in_easy_read:
            self._in_easy_read(limit)

    def _in_easy_read(self, limit: int) -> None:
        """Easy Read words for the person who asked for them: short, one idea each."""
        kind = self.fields["kind"]
        assert isinstance(kind, forms.ChoiceField)  # noqa: S101
        kind.label, kind.choices = "What did you pay for?", list(easy_read.EXPENSES.items())
        kind.error_messages["required"] = "Choose what you paid for"
        words = {
            "description": ("Tell us more. You do not have to.", "For example: the bus to the meeting and back."),
            "amount": ("How much did you pay?", "Write the pounds and pence. For example: 6.40"),
            "is_paid_in_advance": ("We gave you this money before the meeting", ""),
            "is_booked_by_us": ("We paid for this for you", ""),
            "receipt": (
                "Your ticket or receipt. You do not have to send it.",
                f"A photo of it. Smaller than {limit} MB.",
            ),
        }
        for name, (label, hint) in words.items():
            self.fields[name].label, self.fields[name].help_text = label, hint
        self.fields["amount"].error_messages["required"] = "Write how much you paid"

    def receipt_content_type(self) -> str:
        """The content type of the (already checked) receipt, from its first bytes; "" without one."""
        receipt = self.cleaned_data.get("receipt")
        if receipt is None:
            return ""
        receipt.seek(0)
        found = receipt_type(receipt.read(16))
        receipt.seek(0)
        return found[0] if found is not None else ""

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("kind") == ExpenseKind.OTHER and not (data.get("description") or "").strip():
            self.add_error("description", "Say what the expense was for")
        return data


class ClaimDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="Do you approve this claim?",
        choices=[("approve", "Yes, approve it"), ("reject", "No, do not approve it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether you approve the claim"},
    )
    reason = forms.CharField(
        label="If not, why not? (the person will see this)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", "Say why the claim is not approved")
        return data


class MarkPaidForm(forms.Form):
    paid_on = GovUKDateField(
        label="When was it paid?",
        help_text="For example, 27 3 2027.",
        error_messages={"required": "Enter the day it was paid"},
    )


class BankDetailsReceivedForm(forms.Form):
    received_on = GovUKDateField(
        label="When did you get their bank details?",
        help_text="For example, 27 3 2027.",
        error_messages={"required": "Enter the day you got their bank details"},
    )


class FinanceExportForm(forms.Form):
    starts_on = GovUKDateField(
        label="From",
        help_text="Claims approved on or after this day. For example, 6 4 2026.",
        error_messages={"required": "Enter the first day"},
    )
    ends_on = GovUKDateField(
        label="To",
        help_text="Claims approved on or before this day. For example, 5 4 2027.",
        error_messages={"required": "Enter the last day"},
    )
    file_format = forms.ChoiceField(
        label="File type",
        choices=[("csv", "CSV (opens in any spreadsheet)"), ("xlsx", "Excel (.xlsx)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a file type"},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_on: date | None = data.get("starts_on")
        ends_on: date | None = data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The last day must be the same as or after the first day")
        return data
