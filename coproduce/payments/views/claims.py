"""Pages for the person's claim: the fee and expenses, adding and removing an expense, its receipt."""

from decimal import Decimal

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.communications.queries import shows_easy_read
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Attendance
from coproduce.payments import easy_read
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.forms import ExpenseForm
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer
from coproduce.payments.money import total
from coproduce.payments.permissions import can_claim, can_view_receipt
from coproduce.payments.queries import claim_with_items
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.claims import add_expense, remove_expense, submit_claim
from coproduce.payments.services.offers import is_paid_involvement
from coproduce.people.models import Person


def _attendance(user: User, pk: int) -> Attendance:
    attendance = get_object_or_404(Attendance.objects.select_related("person", "activity__project"), pk=pk)
    require(can_claim(user, attendance))
    if not is_paid_involvement(attendance):
        raise Http404
    return attendance


def in_easy_read(request: AuthenticatedHttpRequest, person: Person) -> bool:
    """Easy Read for a person on their own payments pages when they asked for it (unless they chose the
    standard version of this page). Pages for staff, and pages about someone else, stay as they are."""
    return person.user_id == request.user.pk and shows_easy_read(request.user, request.GET.get("version"))


def claim(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The claim for one involvement: the fee if accepted, the expenses, and the button that sends it."""
    attendance = _attendance(request.user, pk)
    offer = PaymentOffer.objects.filter(attendance=attendance).first()
    current = Claim.objects.filter(attendance=attendance).first()
    current = claim_with_items(current.pk) if current is not None else None
    easy = in_easy_read(request, attendance.person)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            submit_claim(attendance, by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            is_self = attendance.person.user_id == request.user.pk
            sent = "Your claim is sent. We will tell you when it is approved."
            if easy:
                sent = "We have got your claim. We will check it. We will tell you when we say yes."
            messages.success(request, sent if is_self else f"The claim for {attendance.person.full_name} is sent.")
            return redirect("payments:yours" if is_self else "payments:claims")
    items = list(current.items.all()) if current is not None else []
    fee = offer.amount if offer is not None and offer.status == OfferStatus.ACCEPTED else None
    if current is not None and current.status != ClaimStatus.DRAFT:
        fee = current.fee if current.fee else None
    grand_total = total([fee or Decimal("0.00"), *(item.amount for item in items)])
    return render(
        request,
        "payments/claim_easy_read.html" if easy else "payments/claim.html",
        {
            "attendance": attendance,
            "activity": attendance.activity,
            "person": attendance.person,
            "is_self": attendance.person.user_id == request.user.pk,
            "offer": offer,
            "claim": current,
            "items": items,
            "fee": fee,
            "grand_total": grand_total,
            "is_draft": current is None or current.status == ClaimStatus.DRAFT,
            "form": form,
            "fee_line": easy_read.fee_line(fee) if easy else None,
            "item_lines": [(item, easy_read.item_line(item)) for item in items] if easy else [],
            "total_line": easy_read.total_line(grand_total) if easy else None,
            "status_lines": easy_read.status_lines(current) if easy and current is not None else [],
            "choice_lines": easy_read.choice_lines(offer) if easy and offer is not None else [],
        },
    )


def expense_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    attendance = _attendance(request.user, pk)
    current = Claim.objects.filter(attendance=attendance).first()
    if current is not None and current.status != ClaimStatus.DRAFT:
        messages.success(request, "This claim has been sent, so you cannot add to it now.")
        return redirect("payments:claim", pk=attendance.pk)
    easy = in_easy_read(request, attendance.person)
    form = ExpenseForm(submitted(request), request.FILES if request.method == "POST" else None, in_easy_read=easy)
    if form.is_valid():
        data = form.cleaned_data
        try:
            add_expense(
                attendance,
                kind=data["kind"],
                amount=data["amount"],
                description=data["description"],
                is_paid_in_advance=data["is_paid_in_advance"],
                is_booked_by_us=data["is_booked_by_us"],
                receipt=data["receipt"],
                receipt_content_type=form.receipt_content_type(),
                by=request.user,
            )
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(
                request,
                "We added it. Add any other costs. Then send your claim."
                if easy
                else "The expense is added. Send the claim when you have added everything.",
            )
            return redirect("payments:claim", pk=attendance.pk)
    return render(
        request,
        "payments/expense_add_easy_read.html" if easy else "payments/expense_add.html",
        {"attendance": attendance, "activity": attendance.activity, "person": attendance.person, "form": form},
    )


@require_POST
def expense_remove(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(ExpenseItem.objects.select_related("claim__attendance__person"), pk=pk)
    require(can_claim(request.user, item.claim.attendance))
    try:
        remove_expense(item, by=request.user)
    except PaymentRefused as refusal:
        messages.success(request, refusal.message)
    else:
        messages.success(request, "The expense is removed.")
    return redirect("payments:claim", pk=item.claim.attendance_id)


def receipt(request: AuthenticatedHttpRequest, pk: int) -> FileResponse:
    """A receipt, to the claimant, coordinators and admins only, always as a download, never shown inline."""
    item = get_object_or_404(ExpenseItem.objects.select_related("claim__attendance__person"), pk=pk)
    require(can_view_receipt(request.user, item))
    if not item.receipt or item.receipt_content_type not in {"application/pdf", "image/jpeg", "image/png"}:
        raise Http404
    try:
        opened = item.receipt.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(
        opened,
        as_attachment=True,
        filename=f"receipt-{item.pk}{item.receipt_suffix}",
        content_type=item.receipt_content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
