"""The person's own payments pages in Easy Read for someone who asked for it (Dev), and as before for
someone who did not (Grace) and for staff looking at someone else's (issue 17)."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.tests.factories import give_needs
from coproduce.payments.models import PaymentOffer
from coproduce.payments.money import tax_year_of
from coproduce.payments.services.claims import add_expense, submit_claim
from coproduce.payments.services.offers import decide_offer
from coproduce.payments.tests.conftest import paid_claims
from coproduce.people.models import Need
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text, pdf_title


@pytest.fixture
def reads_easy_read(dev: User) -> User:
    give_needs(dev.person, Need.EASY_READ)
    return dev


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_offer_page_is_in_easy_read_with_pictures_for_someone_who_asked(offers, reads_easy_read, client_for):
    shown = page(client_for(reads_easy_read).get(reverse("payments:offer", kwargs={"pk": offers["dev"].pk})))

    expected = [
        "You asked for Easy Read. So this page is in Easy Read.",
        "We will pay you £50.00 for coming to the workshop.",
        "Do you get benefits? Being paid can change your benefits.",
        "If you say no, we still pay you back for travel and other costs.",
        'src="/static/easyread/pictograms/money.svg"',
        "Money paid into my bank account",
    ]
    assert [words for words in expected if words not in shown] == []
    assert "Before you choose: payments and benefits" not in shown


def test_offer_page_is_standard_for_someone_who_did_not_ask(offers, grace, client_for):
    shown = page(client_for(grace).get(reverse("payments:offer", kwargs={"pk": offers["grace"].pk})))

    assert "Before you choose: payments and benefits" in shown
    assert "£50.00" in shown
    assert "You asked for Easy Read" not in shown


def test_offer_page_about_dev_is_standard_for_the_coordinator(offers, reads_easy_read, amina, client_for):
    shown = page(client_for(amina).get(reverse("payments:offer", kwargs={"pk": offers["dev"].pk})))

    assert "Payment for Devendra Patel" in shown
    assert "You asked for Easy Read" not in shown


def test_the_standard_version_is_a_link_away(offers, reads_easy_read, client_for):
    url = reverse("payments:offer", kwargs={"pk": offers["dev"].pk})
    shown = page(client_for(reads_easy_read).get(url))
    assert f'href="{url}?version=standard"' in shown

    standard = page(client_for(reads_easy_read).get(f"{url}?version=standard"))

    assert "Before you choose: payments and benefits" in standard


def test_choosing_in_easy_read_says_what_was_saved_in_easy_read(offers, reads_easy_read, client_for):
    response = client_for(reads_easy_read).post(
        reverse("payments:offer", kwargs={"pk": offers["dev"].pk}), {"method": "voucher"}, follow=True
    )

    shown = page(response)
    assert "We saved your choice: a shopping voucher." in shown
    assert "You chose: a shopping voucher." in shown
    assert "Add travel or other costs" in shown


@pytest.mark.parametrize(
    ("who", "method", "words"),
    [
        (
            "reads_easy_read",
            "voucher",
            ["£50.00 for your time.", "£6.40 for travel, like a bus or a taxi.", "In total: £56.40.", "Send my claim"],
        ),
        ("grace", "decline", ["Total: £6.40", "Send claim"]),
    ],
)
def test_claim_page_lists_each_amount_in_the_words_the_person_reads(offers, who, method, words, request, client_for):
    person: User = request.getfixturevalue(who)
    offer = offers[person.person.preferred_name.lower()]
    decide_offer(offer, method=method, by=person)
    add_expense(offer.attendance, kind="travel", amount=Decimal("6.4"), by=person)

    shown = page(client_for(person).get(reverse("payments:claim", kwargs={"pk": offer.attendance_id})))

    assert [word for word in words if word not in shown] == []
    assert ("You asked for Easy Read" in shown) == (who == "reads_easy_read")


def test_sent_claim_in_easy_read_says_where_it_is_up_to(offers, reads_easy_read, client_for):
    decide_offer(offers["dev"], method="cash", by=reads_easy_read)
    submit_claim(offers["dev"].attendance, by=reads_easy_read)
    client = client_for(reads_easy_read)

    claim_page = page(client.get(reverse("payments:claim", kwargs={"pk": offers["dev"].attendance_id})))
    yours = page(client.get(reverse("payments:yours")))

    assert "We have got your claim. We will check it." in claim_page
    assert "Send my claim" not in claim_page
    assert "We are checking it" in yours
    assert "In total: £50.00." in yours
    assert "We will pay you £50.00 for coming to the workshop." in yours


def test_expense_form_in_easy_read_asks_in_easy_words(offers, reads_easy_read, client_for):
    url = reverse("payments:expense_add", kwargs={"pk": offers["dev"].attendance_id})

    shown = page(client_for(reads_easy_read).get(url))
    refused = page(client_for(reads_easy_read).post(url, {}))

    assert "What did you pay for?" in shown
    assert "Your ticket or receipt. You do not have to send it." in shown
    assert "Choose what you paid for" in refused
    assert "Write how much you paid" in refused


def test_your_payments_in_easy_read_points_to_the_choice(offers, reads_easy_read, client_for):
    shown = page(client_for(reads_easy_read).get(reverse("payments:yours")))

    assert "Choose how you want to be paid" in shown
    assert "You have not sent a claim yet." in shown
    assert PaymentOffer.objects.get(pk=offers["dev"].pk).status == "offered"


def test_statement_is_in_easy_read_for_someone_who_asked(offers, reads_easy_read, grace, amina, client_for):
    paid_claims(offers, reads_easy_read, grace, amina)
    year = tax_year_of(timezone.localdate())
    kwargs = {"pk": reads_easy_read.person.pk, "year": year}

    pdf = client_for(reads_easy_read).get(reverse("payments:statement_pdf", kwargs=kwargs)).content
    standard = client_for(amina).get(reverse("payments:statement_pdf", kwargs=kwargs)).content

    text = " ".join(pdf_text(pdf).split())
    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == f"What we paid you {year} to {year + 1} (Easy Read): Devendra Patel"
    assert f"On {timezone.localdate():%-d %B %Y} we paid you for Bus stop walkabout: what needs to change." in text
    assert "For your time: £50.00." in text
    assert "Keep this paper. The Jobcentre may ask to see it." in text
    assert "Payments for your time: £50.00" in pdf_text(standard)
