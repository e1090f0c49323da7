"""Pages for payment offers: the person's payments, an offer with the benefits notice and the Jobcentre
letter, and a coordinator making the offers for an activity.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.forms import ConfirmForm, show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.involvement.models import Activity, Attendance
from coproduce.payments import conf, easy_read
from coproduce.payments.choices import ClaimStatus, OfferStatus, PaymentMethod
from coproduce.payments.forms import OfferDecisionForm
from coproduce.payments.models import BankDetailsRecord, Claim, PaymentOffer
from coproduce.payments.money import pounds
from coproduce.payments.permissions import can_decide_offer, can_manage_payments
from coproduce.payments.queries import (
    activity_payments,
    claims_of,
    expense_only_involvements,
    offers_of,
    paid_tax_years,
)
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.offers import (
    activity_day,
    decide_offer,
    is_paid_involvement,
    make_offer,
    make_offers,
    offer_plan,
)
from coproduce.payments.views.bank_details import next_step
from coproduce.payments.views.claims import in_easy_read
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person


def your_payments(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = Person.objects.filter(user=request.user).first()
    if person is None:
        raise PermissionDenied
    claims = claims_of(person)
    offers = offers_of(person)
    easy = in_easy_read(request, person)
    if easy:
        for offer in offers:
            offer.easy_read = easy_read.offer_lines(offer)[:1]  # type: ignore[attr-defined]
        for found in claims:
            found.easy_read = easy_read.status_lines(found)  # type: ignore[attr-defined]
            found.easy_read_tag = easy_read.STATUS_TAGS[ClaimStatus(found.status)]  # type: ignore[attr-defined]
    return render(
        request,
        "payments/your_payments_easy_read.html" if easy else "payments/your_payments.html",
        {
            "person": person,
            "offers": offers,
            "bank_details": _bank_details_news(person, offers),
            "claims": claims,
            "expense_only": [a for a in expense_only_involvements(person) if is_paid_involvement(a)],
            "tax_years": paid_tax_years(person),
        },
    )


def _bank_details_news(person: Person, offers: list[PaymentOffer]) -> str:
    """For someone waiting to be paid by bank transfer: what happens next, or that we have their details."""
    waiting = any(
        offer.method == PaymentMethod.BANK_TRANSFER
        and getattr(getattr(offer.attendance, "claim", None), "status", None) != ClaimStatus.PAID
        for offer in offers
    )
    if not waiting:
        return ""
    if BankDetailsRecord.objects.filter(person=person).exists():
        return "Our finance team has your bank details. You do not need to send them again."
    return next_step(person)


def _choice_saved(offer: PaymentOffer, person: Person, *, is_self: bool, easy: bool) -> str:
    needs_details = (
        offer.status == OfferStatus.ACCEPTED
        and offer.method == PaymentMethod.BANK_TRANSFER
        and not BankDetailsRecord.objects.filter(person=person).exists()
    )
    if easy:
        return easy_read.choice_saved(offer, bank_details_next=next_step(person) if needs_details else "")
    if offer.status == OfferStatus.ACCEPTED:
        method = offer.get_method_display().lower()
        if not is_self:
            after = " The claims list shows that we need their bank details." if needs_details else ""
            return f"{person.full_name}'s choice is saved: {method}.{after}"
        return f"Your choice is saved: {method}." + (f" {next_step(person)}" if needs_details else "")
    if is_self:
        return "Your choice is saved: you do not want to be paid. You can still claim expenses."
    return f"{person.full_name}'s choice is saved: they do not want to be paid."


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
    easy = in_easy_read(request, person)
    initial = {"method": offer.method or ("decline" if offer.status == OfferStatus.DECLINED else None)}
    form = OfferDecisionForm(submitted(request), initial=initial, for_someone_else=not is_self, in_easy_read=easy)
    if form.is_valid():
        try:
            decide_offer(offer, method=form.cleaned_data["method"], by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            offer.refresh_from_db()
            messages.success(request, _choice_saved(offer, person, is_self=is_self, easy=easy))
            if is_self:
                return redirect("payments:claim", pk=offer.attendance_id)
            return redirect("payments:activity", pk=offer.attendance.activity_id)
    claim = Claim.objects.filter(attendance_id=offer.attendance_id).first()
    organisation = conf.organisation()
    return render(
        request,
        "payments/offer_detail_easy_read.html" if easy else "payments/offer_detail.html",
        {
            "offer": offer,
            "offer_lines": easy_read.offer_lines(offer) if easy else [],
            "benefits_lines": easy_read.benefits_lines(organisation) if easy else [],
            "choice_lines": easy_read.choice_lines(offer) if easy else [],
            "person": person,
            "activity": offer.attendance.activity,
            "is_self": is_self,
            "form": form,
            "can_change": claim is None or claim.status == ClaimStatus.DRAFT,
            "organisation": organisation,
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
    """Payments for one activity: who attended, their offer and claim, the rule for offers and the button
    that offers payment to everyone waiting for one."""
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
                else "Nobody is waiting for a payment offer.",
            )
            return redirect("payments:activity", pk=activity.pk)
    attendances = activity_payments(activity)
    plan = offer_plan(activity, attendances)
    for attendance in attendances:
        attendance.is_paid_kind = is_paid_involvement(attendance)  # type: ignore[attr-defined]
        attendance.is_not_wanted = attendance in plan.not_wanted  # type: ignore[attr-defined]
    return render(
        request,
        "payments/activity_payments.html",
        {
            "activity": activity,
            "attendances": attendances,
            "plan": plan,
            "day": activity_day(activity),
            "form": form,
        },
    )


@require_POST
def offer_one(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Offer payment to one person who attended (the button beside their name)."""
    require(can_manage_payments(request.user))
    attendance = get_object_or_404(Attendance.objects.select_related("person", "activity"), pk=pk)
    try:
        offer = make_offer(attendance, by=request.user)
    except PaymentRefused as refusal:
        messages.success(request, refusal.message)
    else:
        messages.success(request, f"{attendance.person.full_name} is offered {pounds(offer.amount)}.")
    return redirect("payments:activity", pk=attendance.activity_id)
