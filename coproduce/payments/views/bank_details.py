"""Bank details (ADR 0013): what a person who chose bank transfer is told happens next, and finance
recording that it has taken their details by phone or letter. The details themselves are never stored.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from coproduce.communications.choices import MessageRoute
from coproduce.communications.messaging import route_for
from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.payments.forms import BankDetailsReceivedForm
from coproduce.payments.models import BankDetailsRecord
from coproduce.payments.permissions import can_manage_payments
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.bank_details import record_bank_details_received
from coproduce.people.models import Person

# Email and text messages are how scammers ask for bank details, so those routes only arrange a call.
NEXT_STEP = {
    MessageRoute.PHONE: "Our finance team will phone you to take your bank details.",
    MessageRoute.POST: "Our finance team will write to you to ask for your bank details.",
    MessageRoute.EMAIL: "Our finance team will email you to arrange a phone call to take your bank details.",
    MessageRoute.TEXT: (
        "Our finance team will send you a text message to arrange a phone call to take your bank details."
    ),
    MessageRoute.SUPPORTER: (
        "Our finance team will contact the person who supports you, to arrange a phone call with you "
        "to take your bank details."
    ),
}
ANY_ROUTE = "Our finance team will contact you to take your bank details."
NEVER = "We will never ask for your bank details by email or text message."


def next_step(person: Person) -> str:
    """What happens next for someone who chose bank transfer, by the way we may contact them."""
    route, _ = route_for(person)
    return f"{NEXT_STEP.get(MessageRoute(route), ANY_ROUTE)} {NEVER}"


def bank_details(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Finance records the day it got a person's bank details (taken by phone or letter, kept elsewhere)."""
    require(can_manage_payments(request.user))
    person = get_object_or_404(Person, pk=pk)
    record = BankDetailsRecord.objects.filter(person=person).first()
    form = BankDetailsReceivedForm(submitted(request), initial={"received_on": timezone.localdate()})
    if record is None and form.is_valid():
        try:
            record_bank_details_received(person, received_on=form.cleaned_data["received_on"], by=request.user)
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"Bank details for {person.full_name} are marked as received.")
            return redirect("payments:claims")
    return render(
        request,
        "payments/bank_details.html",
        {"person": person, "record": record, "form": form, "route": MessageRoute(route_for(person)[0])},
    )
