"""Pages for rate cards: the list and making a new one."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from coproduce.forms import show_refusal, submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.payments.forms import RateCardForm
from coproduce.payments.permissions import can_manage_rate_cards, can_view_rate_cards
from coproduce.payments.queries import rate_cards
from coproduce.payments.refusals import PaymentRefused
from coproduce.payments.services.rates import create_rate_card


def rate_card_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_view_rate_cards(request.user))
    cards = list(rate_cards())
    today = timezone.localdate()
    in_force = next((card for card in cards if card.effective_from <= today), None)
    return render(
        request,
        "payments/rate_cards.html",
        {"cards": cards, "in_force": in_force, "can_create": can_manage_rate_cards(request.user)},
    )


def rate_card_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_rate_cards(request.user))
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
                by=request.user,
            )
        except PaymentRefused as refusal:
            show_refusal(form, refusal)
        else:
            messages.success(request, f"{card.name} is saved. It is used from {card.effective_from:%-d %B %Y}.")
            return redirect("payments:rate_cards")
    return render(request, "payments/rate_card_form.html", {"form": form})
