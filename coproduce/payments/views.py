"""Pages for payments: rate cards, offers and the benefits notice, claims, approval, statements, exports."""

from datetime import date
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.forms import Form
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from coproduce.accounts.models import User
from coproduce.forms import ConfirmForm, submitted
from coproduce.involvement.models import Activity, Attendance
from coproduce.payments import conf
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.exports import finance_csv, finance_xlsx, statement_csv
from coproduce.payments.forms import (
    ClaimDecisionForm,
    ExpenseForm,
    FinanceExportForm,
    MarkPaidForm,
    OfferDecisionForm,
    RateCardForm,
)
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer
from coproduce.payments.money import tax_year_of, total
from coproduce.payments.permissions import (
    can_claim,
    can_decide_offer,
    can_manage_payments,
    can_manage_rate_cards,
    can_view_claim,
    can_view_rate_cards,
    can_view_receipt,
    can_view_statement,
)
from coproduce.payments.queries import (
    Statement,
    activity_payments,
    claim_with_items,
    claims_of,
    claims_to_handle,
    expense_only_involvements,
    is_overdue,
    offers_of,
    paid_tax_years,
    rate_cards,
    statement,
)
from coproduce.payments.services import (
    PaymentRefused,
    add_expense,
    approve_claim,
    create_rate_card,
    decide_offer,
    is_paid_involvement,
    make_offers,
    mark_paid,
    reject_claim,
    remove_expense,
    submit_claim,
)
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person

PAGE_SIZE = 25


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _refuse_on(form: Form, refusal: PaymentRefused) -> None:
    form.add_error(refusal.field, refusal.message)


# --- The person's side -------------------------------------------------------------------------


def your_payments(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    person = Person.objects.filter(user=user).first()
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
    if not can_decide_offer(user, offer):
        raise PermissionDenied
    return offer


def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The offer, the benefits notice, the Jobcentre letter, and the choice: a way of being paid, or no."""
    user = _user(request)
    offer = _offer(user, pk)
    person = offer.attendance.person
    is_self = person.user_id == user.pk
    initial = {"method": offer.method or ("decline" if offer.status == OfferStatus.DECLINED else None)}
    form = OfferDecisionForm(submitted(request), initial=initial, for_someone_else=not is_self)
    if form.is_valid():
        try:
            decide_offer(offer, method=form.cleaned_data["method"], by=user)
        except PaymentRefused as refusal:
            _refuse_on(form, refusal)
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


def jobcentre_letter(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer(_user(request), pk)
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


# --- Claims ------------------------------------------------------------------------------------


def _attendance(user: User, pk: int) -> Attendance:
    attendance = get_object_or_404(Attendance.objects.select_related("person", "activity__project"), pk=pk)
    if not can_claim(user, attendance):
        raise PermissionDenied
    if not is_paid_involvement(attendance):
        raise Http404
    return attendance


def claim(request: HttpRequest, pk: int) -> HttpResponse:
    """The claim for one involvement: the fee if accepted, the expenses, and the button that sends it."""
    user = _user(request)
    attendance = _attendance(user, pk)
    offer = PaymentOffer.objects.filter(attendance=attendance).first()
    current = Claim.objects.filter(attendance=attendance).first()
    current = claim_with_items(current.pk) if current is not None else None
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            submit_claim(attendance, by=user)
        except PaymentRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            is_self = attendance.person.user_id == user.pk
            messages.success(
                request,
                "Your claim is sent. We will tell you when it is approved."
                if is_self
                else f"The claim for {attendance.person.full_name} is sent.",
            )
            return redirect("payments:yours" if is_self else "payments:claims")
    items = list(current.items.all()) if current is not None else []
    fee = offer.amount if offer is not None and offer.status == OfferStatus.ACCEPTED else None
    if current is not None and current.status != ClaimStatus.DRAFT:
        fee = current.fee if current.fee else None
    return render(
        request,
        "payments/claim.html",
        {
            "attendance": attendance,
            "activity": attendance.activity,
            "person": attendance.person,
            "is_self": attendance.person.user_id == user.pk,
            "offer": offer,
            "claim": current,
            "items": items,
            "fee": fee,
            "grand_total": total([fee or Decimal("0.00"), *(item.amount for item in items)]),
            "is_draft": current is None or current.status == ClaimStatus.DRAFT,
            "form": form,
        },
    )


def expense_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    attendance = _attendance(user, pk)
    current = Claim.objects.filter(attendance=attendance).first()
    if current is not None and current.status != ClaimStatus.DRAFT:
        messages.success(request, "This claim has been sent, so you cannot add to it now.")
        return redirect("payments:claim", pk=attendance.pk)
    form = ExpenseForm(submitted(request), request.FILES if request.method == "POST" else None)
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
                by=user,
            )
        except PaymentRefused as refusal:
            _refuse_on(form, refusal)
        else:
            messages.success(request, "The expense is added. Send the claim when you have added everything.")
            return redirect("payments:claim", pk=attendance.pk)
    return render(
        request,
        "payments/expense_add.html",
        {"attendance": attendance, "activity": attendance.activity, "person": attendance.person, "form": form},
    )


@require_POST
def expense_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    item = get_object_or_404(ExpenseItem.objects.select_related("claim__attendance__person"), pk=pk)
    if not can_claim(user, item.claim.attendance):
        raise PermissionDenied
    try:
        remove_expense(item, by=user)
    except PaymentRefused as refusal:
        messages.success(request, refusal.message)
    else:
        messages.success(request, "The expense is removed.")
    return redirect("payments:claim", pk=item.claim.attendance_id)


def receipt(request: HttpRequest, pk: int) -> FileResponse:
    """A receipt, to the claimant, coordinators and admins only, always as a download, never shown inline."""
    user = _user(request)
    item = get_object_or_404(ExpenseItem.objects.select_related("claim__attendance__person"), pk=pk)
    if not can_view_receipt(user, item):
        raise PermissionDenied
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


# --- Coordinators ------------------------------------------------------------------------------


def activity_payments_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Payments for one activity: who attended, their offer and claim, and "Make payment offers"."""
    user = _user(request)
    if not can_manage_payments(user):
        raise PermissionDenied
    activity = get_object_or_404(Activity.objects.select_related("project"), pk=pk)
    form = ConfirmForm(submitted(request))
    if form.is_valid():
        try:
            made = make_offers(activity, by=user)
        except PaymentRefused as refusal:
            form.add_error(None, refusal.message)
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


def claims(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_payments(user):
        raise PermissionDenied
    days = conf.payment_days()
    page = Paginator(claims_to_handle(), PAGE_SIZE).get_page(request.GET.get("page"))
    today = timezone.localdate()
    for item in page.object_list:
        item.is_overdue = is_overdue(item, days=days, today=today)  # type: ignore[attr-defined]
    return render(request, "payments/claims.html", {"page": page, "days": days})


def _claim_for(user: User, pk: int) -> Claim:
    found = claim_with_items(pk)
    if found is None or found.status == ClaimStatus.DRAFT:
        raise Http404
    if not can_view_claim(user, found):
        raise PermissionDenied
    return found


def claim_review(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_manage_payments(user):
        raise PermissionDenied
    found = _claim_for(user, pk)
    form = ClaimDecisionForm(submitted(request))
    if form.is_valid() and found.status == ClaimStatus.SUBMITTED:
        try:
            if form.cleaned_data["decision"] == "approve":
                approve_claim(found, by=user)
                text = f"The claim from {found.attendance.person.full_name} is approved."
            else:
                reject_claim(found, reason=form.cleaned_data["reason"], by=user)
                text = f"The claim from {found.attendance.person.full_name} is not approved."
        except PaymentRefused as refusal:
            _refuse_on(form, refusal)
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


def claim_paid(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    if not can_manage_payments(user):
        raise PermissionDenied
    found = _claim_for(user, pk)
    if found.status not in (ClaimStatus.APPROVED, ClaimStatus.PAID):
        raise Http404
    form = MarkPaidForm(submitted(request), initial={"paid_on": timezone.localdate()})
    if form.is_valid():
        try:
            mark_paid(found, paid_on=form.cleaned_data["paid_on"], by=user)
        except PaymentRefused as refusal:
            _refuse_on(form, refusal)
        else:
            messages.success(request, f"The claim from {found.attendance.person.full_name} is marked as paid.")
            return redirect("payments:claims")
    return render(
        request,
        "payments/claim_paid.html",
        {"claim": found, "person": found.attendance.person, "activity": found.attendance.activity, "form": form},
    )


# --- Statements and exports --------------------------------------------------------------------


def _statement_for(request: HttpRequest, pk: int, year: int) -> Statement:
    person = get_object_or_404(Person, pk=pk)
    if not can_view_statement(_user(request), person):
        raise PermissionDenied
    if not 2000 <= year <= 2100:
        raise Http404
    return statement(person, year)


def statement_pdf(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    found = _statement_for(request, pk, year)
    pdf = render_pdf(
        "payments/pdf/statement.html",
        {"statement": found, "organisation": conf.organisation(), "today": timezone.localdate()},
    )
    return pdf_response(pdf, f"payments-{found.starts_on.year}-{found.ends_on.year}.pdf")


def statement_csv_download(request: HttpRequest, pk: int, year: int) -> HttpResponse:
    found = _statement_for(request, pk, year)
    response = HttpResponse(statement_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="payments-{found.starts_on.year}-{found.ends_on.year}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def finance_export(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_payments(user):
        raise PermissionDenied
    form = FinanceExportForm(submitted(request))
    if form.is_valid():
        starts_on: date = form.cleaned_data["starts_on"]
        ends_on: date = form.cleaned_data["ends_on"]
        name = f"payments-{starts_on.isoformat()}-to-{ends_on.isoformat()}"
        if form.cleaned_data["file_format"] == "xlsx":
            response = HttpResponse(
                finance_xlsx(starts_on, ends_on),
                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
            response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        else:
            response = HttpResponse(finance_csv(starts_on, ends_on), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
    return render(request, "payments/finance_export.html", {"form": form})


# --- Rate cards --------------------------------------------------------------------------------


def rate_card_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_view_rate_cards(user):
        raise PermissionDenied
    cards = list(rate_cards())
    today = timezone.localdate()
    in_force = next((card for card in cards if card.effective_from <= today), None)
    return render(
        request,
        "payments/rate_cards.html",
        {"cards": cards, "in_force": in_force, "can_create": can_manage_rate_cards(user)},
    )


def rate_card_create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not can_manage_rate_cards(user):
        raise PermissionDenied
    form = RateCardForm(submitted(request))
    if form.is_valid():
        data = form.cleaned_data
        try:
            card = create_rate_card(
                name=data["name"],
                effective_from=data["effective_from"],
                expenses_covered=data["expenses_covered"],
                notes=data["notes"],
                rates=data["rates"],
                by=user,
            )
        except PaymentRefused as refusal:
            _refuse_on(form, refusal)
        else:
            messages.success(request, f"{card.name} is saved. It is used from {card.effective_from:%-d %B %Y}.")
            return redirect("payments:rate_cards")
    return render(request, "payments/rate_card_form.html", {"form": form})
