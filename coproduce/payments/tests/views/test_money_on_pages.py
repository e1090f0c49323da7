"""Money is shown as people read it, £6.40, wherever it appears: never a raw database sum."""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from coproduce.payments.money import tax_year_of
from coproduce.payments.templatetags.money import pounds
from coproduce.payments.tests.conftest import paid_claims, sent_claim
from coproduce.tests.pdfs import pdf_text

# A pound sign followed by a number with other than exactly two decimal places.
BADLY_WRITTEN = re.compile(r"£[\d,]+(?:\.\d{0,1}|\.\d{3,})?(?![\d.])")


@pytest.mark.parametrize(
    ("amount", "written"),
    [
        (Decimal("6.40000000000000"), "£6.40"),
        (Decimal("54.5"), "£54.50"),
        (Decimal("1234.5"), "£1,234.50"),
        (Decimal("0.005"), "£0.01"),
        (12, "£12.00"),
        ("3.2", "£3.20"),
        (None, ""),
    ],
)
def test_an_amount_is_written_with_two_decimal_places(amount, written):
    assert pounds(amount) == written


def test_every_template_can_write_pounds():
    assert Template("{{ amount|pounds }}").render(Context({"amount": Decimal("6.4000")})) == "£6.40"


def test_claims_list_and_the_members_own_page_show_a_summed_claim_to_the_penny(offers, grace, amina, client_for):
    sent_claim(offers, grace)

    claims_page = client_for(amina).get(reverse("payments:claims")).content.decode()
    own_page = client_for(grace).get(reverse("payments:yours")).content.decode()

    for page in (claims_page, own_page):
        assert "£6.40<" in page
        assert BADLY_WRITTEN.findall(page) == []


def test_the_tax_year_statement_shows_summed_expenses_to_the_penny(offers, dev, grace, amina, client_for):
    paid_claims(offers, dev, grace, amina)
    kwargs = {"pk": grace.person.pk, "year": tax_year_of(timezone.localdate())}

    text = pdf_text(client_for(grace).get(reverse("payments:statement_pdf", kwargs=kwargs)).content)

    assert "Expenses repaid: £6.40" in text
    assert "£6.40" in text
    assert BADLY_WRITTEN.findall(text) == []
