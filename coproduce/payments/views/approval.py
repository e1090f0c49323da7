"""Pages for coordinators handling claims: the list, approving or turning down, and marking paid."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.payments import conf
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.forms import ClaimDecisionForm, MarkPaidForm
from coproduce.payments.models import Claim
from coproduce.payments.money import tax_year_of
from coproduce.payments.permissions import can_manage_payments, can_view_claim
from coproduce.payments.queries import bank_details_needed, claim_with_items, claims_to_handle, is_overdue
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.claims import approve_claim, mark_paid, reject_claim

PAGE_SIZE = 25


def claims(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_payments(request.user))
    days = conf.payment_days()
    page = Paginator(claims_to_handle(), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for item in page.object_list:
        item.is_overdue = is_overdue(item, days=days, today=today)  # type: ignore[attr-defined]
    return render(
        request,
        "payments/claims.html",
        {"page": page, "days": days, "bank_details_needed": bank_details_needed()},
    )


def _claim_for(user: User, pk: int) -> Claim:
    found = claim_with_items(pk)
    if found is None or found.status == ClaimStatus.DRAFT:
        raise Http404
    require(can_view_claim(user, found))
    return found


def claim_review(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_payments(request.user))
    found = _claim_for(request.user, pk)
    form = ClaimDecisionForm(submitted(request))
    if form.is_valid() and found.status == ClaimStatus.SUBMITTED:
        try:
            if form.cleaned_data["decision"] == "approve":
                approve_claim(found, by=request.user)
                text = f"The claim from {found.attendance.person.full_name} is approved."
            else:
                reject_claim(found, reason=form.cleaned_data["reason"], by=request.user)
                text = f"The claim from {found.attendance.person.full_name} is not approved."
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, text)
            return redirect("payments:claim_review", pk=found.pk)
    elif form.is_bound and found.status != ClaimStatus.SUBMITTED:
        form.add_error(None, "This claim has already been decided.")
    return render(
        request,
        "payments/claim_review.html",
        {
            "claim": found,
            "person": found.attendance.person,
            "activity": found.attendance.activity,
            "items": list(found.items.all()),
            "form": form,
            "is_overdue": is_overdue(found, days=conf.payment_days()),
            "days": conf.payment_days(),
            "tax_year": tax_year_of(found.paid_on or timezone.localdate()),
        },
    )


def claim_paid(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    require(can_manage_payments(request.user))
    found = _claim_for(request.user, pk)
    if found.status not in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        raise Http404
    form = MarkPaidForm(submitted(request), initial={"paid_on": timezone.localdate()})
    if form.is_valid():
        try:
            mark_paid(found, paid_on=form.cleaned_data["paid_on"], by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"The claim from {found.attendance.person.full_name} is marked as paid.")
            return redirect("payments:claims")
    return render(
        request,
        "payments/claim_paid.html",
        {"claim": found, "person": found.attendance.person, "activity": found.attendance.activity, "form": form},
    )
