"""Pages for payment offers: the person's payments, an offer with the benefits notice and the Jobcentre
letter, and a coordinator making the offers for an activity.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Activity
from coproduce.payments import conf
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.forms import OfferDecisionForm
from coproduce.payments.models import Claim, PaymentOffer
from coproduce.payments.permissions import can_decide_offer, can_manage_payments
from coproduce.payments.queries import (
    activity_payments,
    claims_of,
    expense_only_involvements,
    offers_of,
    paid_tax_years,
)
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.offers import decide_offer, is_paid_involvement, make_offers
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person


def your_payments(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise PermissionDenied
    claims = claims_of(person)
    return render(
        request,
        "payments/your_payments.html",
        {
            "person": person,
            "offers": offers_of(person),
            "claims": claims,
            "expense_only": [a for a in expense_only_involvements(person) if is_paid_involvement(a)],
            "tax_years": paid_tax_years(person),
        },
    )


def _offer(user: User, pk: int) -> PaymentOffer:
    offer = get_object_or_404(
        PaymentOffer.objects.select_related("attendance__person", "attendance__activity__project", "rate_card"),
        pk=pk,
    )
    require(can_decide_offer(user, offer))
    return offer


def offer_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The offer, the benefits notice, the Jobcentre letter, and the choice: a way of being paid, or no."""
    offer = _offer(request.user, pk)
    person = offer.attendance.person
    is_self = person.user_id == request.user.pk
    initial = {"method": offer.method or ("decline" if offer.status == OfferStatus.DECLINED else None)}
    form = OfferDecisionForm(submitted(request), initial=initial, for_someone_else=not is_self)
    if form.is_valid():
        try:
            decide_offer(offer, method=form.cleaned_data["method"], by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            offer.refresh_from_db()
            if offer.status == OfferStatus.ACCEPTED:
                text = (
                    f"Your choice is saved: {offer.get_method_display().lower()}."
                    if is_self
                    else (f"{person.full_name}'s choice is saved: {offer.get_method_display().lower()}.")
                )
            else:
                text = (
                    "Your choice is saved: you do not want to be paid. You can still claim expenses."
                    if is_self
                    else f"{person.full_name}'s choice is saved: they do not want to be paid."
                )
            messages.success(request, text)
            if is_self:
                return redirect("payments:claim", pk=offer.attendance_id)
            return redirect("payments:activity", pk=offer.attendance.activity_id)
    claim = Claim.objects.filter(attendance_id=offer.attendance_id).first()
    return render(
        request,
        "payments/offer_detail.html",
        {
            "offer": offer,
            "person": person,
            "activity": offer.attendance.activity,
            "is_self": is_self,
            "form": form,
            "can_change": claim is None or claim.status == ClaimStatus.DRAFT,
            "organisation": conf.organisation(),
            "days": conf.payment_days(),
        },
    )


def jobcentre_letter(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    offer = _offer(request.user, pk)
    pdf = render_pdf(
        "payments/pdf/jobcentre_letter.html",
        {
            "offer": offer,
            "person": offer.attendance.person,
            "activity": offer.attendance.activity,
            "organisation": conf.organisation(),
            "today": timezone.localdate(),
        },
    )
    return pdf_response(pdf, f"jobcentre-letter-{offer.pk}.pdf")


def activity_payments_page(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Payments for one activity: who attended, their offer and claim, and "Make payment offers"."""
    require(can_manage_payments(request.user))
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            made = make_offers(activity, by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            count = len(made)
            messages.success(
                request,
                f"{count} payment {'offer is' if count == 1 else 'offers are'} made."
                if count
                else "Everyone who can be paid already has an offer.",
            )
            return redirect("payments:activity", pk=activity.pk)
    attendances = activity_payments(activity)
    for attendance in attendances:
        attendance.is_paid_kind = is_paid_involvement(attendance)  # type: ignore[attr-defined]
    return render(
        request,
        "payments/activity_payments.html",
        {"activity": activity, "attendances": attendances, "form": form, "has_started": activity.has_started()},
    )
