"""The offer pages: the benefits notice, the choice, the Jobcentre letter, the coordinator's activity page
and the person's payments."""

from django.urls import reverse
from django.utils import timezone

from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.payments.choices import OfferStatus
from coproduce.payments.models import PaymentOffer
from coproduce.payments.money import tax_year_of
from coproduce.payments.tests.conftest import paid_claims
from coproduce.people.tests.factories import PersonFactory
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title


def test_offer_page_shows_amount_expenses_method_and_benefits_notice(offers, dev, client_for):
    response = client_for(dev).get(reverse("payments:offer", kwargs={"pk": offers["dev"].pk}))

    page = response.content.decode()
    assert response.status_code == 200
    assert "£50.00" in page
    assert "£25.00 an hour" in page
    assert "Travel, carer cover, childcare, data." in page
    assert "Before you choose: payments and benefits" in page
    assert "Vouchers and cash count as payment too." in page
    assert reverse("payments:jobcentre_letter", kwargs={"pk": offers["dev"].pk}) in page


def test_accepting_a_voucher_saves_the_choice_and_goes_to_the_claim(offers, dev, client_for):
    response = client_for(dev).post(
        reverse("payments:offer", kwargs={"pk": offers["dev"].pk}), {"method": "voucher"}, follow=True
    )

    offers["dev"].refresh_from_db()
    assert offers["dev"].status == OfferStatus.ACCEPTED
    assert offers["dev"].method == "voucher"
    assert "Your choice is saved: shopping voucher." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("payments:claim", kwargs={"pk": offers["dev"].attendance_id})


def test_offer_without_a_choice_shows_the_error_and_writes_nothing(offers, dev, client_for):
    response = client_for(dev).post(reverse("payments:offer", kwargs={"pk": offers["dev"].pk}), {})

    page = response.content.decode()
    assert "<title>Error: " in page
    assert "Choose how you want to be paid, or that you do not want to be paid" in page
    offers["dev"].refresh_from_db()
    assert offers["dev"].status == OfferStatus.OFFERED


def test_someone_elses_offer_is_refused(offers, grace, tom, client_for):
    url = reverse("payments:offer", kwargs={"pk": offers["dev"].pk})

    assert client_for(grace).get(url).status_code == 403
    assert client_for(tom).post(url, {"method": "cash"}).status_code == 403
    offers["dev"].refresh_from_db()
    assert offers["dev"].status == OfferStatus.OFFERED


def test_jobcentre_letter_is_a_tagged_pdf_with_the_organisations_details(offers, dev, client_for, settings):
    settings.COPRODUCE_ORGANISATION_NAME = "Riverside Co-production Network"
    response = client_for(dev).get(reverse("payments:jobcentre_letter", kwargs={"pk": offers["dev"].pk}))

    pdf = response.content
    text = pdf_text(pdf)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert pdf_is_tagged(pdf)
    assert pdf_language(pdf) == "en-GB"
    assert pdf_title(pdf) == "Letter about payment for involvement: Devendra Patel"
    assert "Riverside Co-production Network" in text
    assert "Devendra Patel takes part in co-production" in text
    assert "£50.00" in text
    assert text.index("What they did") < text.index("The payment we offered") < text.index("This is not employment")


def test_make_payment_offers_is_idempotent(dev_attended, grace_attended, amina, client_for):
    client = client_for(amina)
    url = reverse("payments:activity", kwargs={"pk": dev_attended.activity_id})

    first = client.post(url, follow=True)
    client.post(url)

    assert PaymentOffer.objects.count() == 2
    assert "2 payment offers are made." in first.content.decode()
    page = client.get(url).content.decode()
    assert page.count("Waiting for their choice") == 2
    assert "Offer payment to" not in page


def test_activity_payments_page_query_count_does_not_grow(
    offers, walkabout, amina, client_for, django_assert_max_num_queries
):
    client = client_for(amina)
    url = reverse("payments:activity", kwargs={"pk": walkabout.pk})
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    for _ in range(5):
        AttendanceFactory.create(activity=walkabout, person=PersonFactory.create(kind="member"), recorded_by=amina)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_your_payments_lists_offers_claims_and_statements(offers, dev, grace, amina, client_for):
    paid_claims(offers, dev, grace, amina)
    year = tax_year_of(timezone.localdate())

    page = client_for(grace).get(reverse("payments:yours")).content.decode()

    assert "Bus stop walkabout: what needs to change" in page
    assert "You said no to payment" in page
    assert "£6.40" in page
    assert reverse("payments:statement_pdf", kwargs={"pk": grace.person.pk, "year": year}) in page
    assert reverse("payments:statement_csv", kwargs={"pk": grace.person.pk, "year": year}) in page
