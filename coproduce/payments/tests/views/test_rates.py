"""The rate card pages."""

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from coproduce.payments.models import RateCard


def test_admin_makes_a_rate_card_through_the_page(morgan, client_for):
    response = client_for(morgan).post(
        reverse("payments:rate_card_create"),
        {
            "name": "Rates from April 2027",
            "effective_from_day": 6,
            "effective_from_month": 4,
            "effective_from_year": 2027,
            "expenses_covered": "Travel and carer cover.",
            "basis_workshop": "hourly",
            "amount_workshop": "27.50",
            "basis_panel": "fixed",
            "amount_panel": "£75",
            "preparation_panel": "25",
        },
    )

    assert response.status_code == 302
    card = RateCard.objects.get()
    assert {(rate.activity_kind, rate.basis, rate.amount, rate.preparation_allowance) for rate in card.rates.all()} == {
        ("workshop", "hourly", Decimal("27.50"), Decimal("0.00")),
        ("panel", "fixed", Decimal("75.00"), Decimal("25.00")),
    }


def test_rate_card_needs_an_amount_for_a_paid_kind(morgan, client_for):
    response = client_for(morgan).post(
        reverse("payments:rate_card_create"),
        {
            "name": "Rates",
            "effective_from_day": 6,
            "effective_from_month": 4,
            "effective_from_year": 2027,
            "expenses_covered": "Travel.",
            "basis_workshop": "hourly",
        },
    )

    assert "Workshop: enter the amount, or choose Not paid" in response.content.decode()
    assert RateCard.objects.count() == 0


def test_coordinators_cannot_make_rate_cards(amina, client_for):
    assert client_for(amina).post(reverse("payments:rate_card_create"), {"name": "x"}).status_code == 403
    assert RateCard.objects.count() == 0


def test_rate_card_list_labels_the_example(morgan, client_for):
    from coproduce.payments.demo import EXAMPLE_CARD_NAME, EXAMPLE_RATES
    from coproduce.payments.services.rates import create_rate_card

    create_rate_card(
        name=EXAMPLE_CARD_NAME,
        effective_from=timezone.localdate(),
        expenses_covered="Travel.",
        rates=EXAMPLE_RATES,
        is_example=True,
        by=morgan,
    )

    page = client_for(morgan).get(reverse("payments:rate_cards")).content.decode()

    assert "Example rates — replace with your organisation's own." in page
    assert "In force today" in page
