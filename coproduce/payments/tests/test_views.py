"""The payments pages: what people see, bad input, tampered ids, receipts, PDFs and exports."""

import csv
import io
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.payments.choices import ClaimStatus, OfferStatus
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer, RateCard
from coproduce.payments.money import tax_year_of
from coproduce.payments.services import add_expense, approve_claim, decide_offer, mark_paid, submit_claim
from coproduce.people.tests.factories import PersonFactory
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def files_in(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def expense_post(**overrides):
    data = {"kind": "travel", "description": "Bus there and back", "amount": "6.40"}
    data.update(overrides)
    return data


def grace_sends_claim(offers, grace) -> Claim:
    decide_offer(offers["grace"], method="decline", by=grace)
    add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)
    return submit_claim(offers["grace"].attendance, by=grace)


# --- Offers and the benefits notice --------------------------------------------------------------


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


# --- The coordinator's activity page ----------------------------------------------------------


def test_make_payment_offers_is_idempotent(dev_attended, grace_attended, amina, client_for):
    client = client_for(amina)
    url = reverse("payments:activity", kwargs={"pk": dev_attended.activity_id})

    first = client.post(url, follow=True)
    client.post(url)

    assert PaymentOffer.objects.count() == 2
    assert "2 payment offers are made." in first.content.decode()
    page = client.get(url).content.decode()
    assert page.count("Waiting for their choice") == 2


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


# --- Claims and receipts -------------------------------------------------------------------


def test_expense_with_a_png_receipt_is_stored_under_a_random_name(offers, grace, client_for, media_in_tmp):
    decide_offer(offers["grace"], method="decline", by=grace)
    receipt = SimpleUploadedFile("my bus ticket.png", PNG, content_type="text/html")

    response = client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}),
        expense_post(receipt=receipt),
    )

    assert response.status_code == 302
    item = ExpenseItem.objects.get()
    assert item.amount == Decimal("6.40")
    assert item.receipt_content_type == "image/png"
    stored = str(item.receipt.name)
    assert stored.startswith("payments/receipts/")
    assert stored.endswith(".png")
    assert "bus" not in stored
    assert files_in(media_in_tmp)[0].read_bytes() == PNG


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("receipt.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 100),
        ("receipt.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("receipt.png", b"GIF89a" + b"\x00" * 20),
    ],
    ids=["executable", "html-renamed-pdf", "gif"],
)
def test_receipt_of_a_wrong_type_is_refused_and_nothing_written(offers, grace, client_for, media_in_tmp, name, content):
    decide_offer(offers["grace"], method="decline", by=grace)

    response = client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}),
        expense_post(receipt=SimpleUploadedFile(name, content, content_type="application/pdf")),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in page
    assert 'id="id_receipt-error"' in page
    assert "The receipt must be a PDF, JPEG or PNG file" in page
    assert Claim.objects.count() == 0
    assert ExpenseItem.objects.count() == 0
    assert files_in(media_in_tmp) == []


def test_receipt_of_50_mb_is_refused_and_nothing_written(offers, grace, client_for, media_in_tmp):
    decide_offer(offers["grace"], method="decline", by=grace)
    big = SimpleUploadedFile("receipt.pdf", b"%PDF-1.4\n" + bytes(50 * 1024 * 1024), content_type="application/pdf")

    response = client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}), expense_post(receipt=big)
    )

    assert "The receipt must be smaller than 10 MB" in response.content.decode()
    assert ExpenseItem.objects.count() == 0
    assert files_in(media_in_tmp) == []


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "The amount must be more than £0"),
        ("0", "The amount must be more than £0"),
        ("1000000", "The amount must be £1,000.00 or less"),
        ("6.405", "no more than 2 numbers after the point"),
        ("six pounds", "Enter an amount in pounds and pence"),
        ("NaN", "Enter an amount in pounds and pence"),
    ],
)
def test_bad_amounts_are_refused_beside_the_field(offers, grace, client_for, amount, message):
    response = client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}), expense_post(amount=amount)
    )

    page = response.content.decode()
    assert 'id="id_amount-error"' in page
    assert message in page
    assert ExpenseItem.objects.count() == 0


def test_receipt_is_served_only_to_the_claimant_and_coordinators(offers, grace, dev, amina, morgan, tom, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)
    item = add_expense(
        offers["grace"].attendance,
        kind="travel",
        amount=Decimal("6.40"),
        receipt=SimpleUploadedFile("r.png", PNG),
        receipt_content_type="image/png",
        by=grace,
    )
    url = reverse("payments:receipt", kwargs={"pk": item.pk})

    for user in (grace, amina, morgan):
        response = client_for(user).get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert response["Content-Disposition"] == f'attachment; filename="receipt-{item.pk}.png"'
        assert response["X-Content-Type-Options"] == "nosniff"
        assert b"".join(response.streaming_content) == PNG
    for user in (dev, tom):
        assert client_for(user).get(url).status_code == 403


def test_receipt_view_is_404_without_a_receipt(offers, grace, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)
    item = add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)

    assert client_for(grace).get(reverse("payments:receipt", kwargs={"pk": item.pk})).status_code == 404


def test_remove_expense_is_post_only_and_for_the_claimant(offers, grace, dev, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)
    item = add_expense(offers["grace"].attendance, kind="travel", amount=Decimal("6.40"), by=grace)
    url = reverse("payments:expense_remove", kwargs={"pk": item.pk})

    assert client_for(grace).get(url).status_code == 405
    assert client_for(dev).post(url).status_code == 403
    assert ExpenseItem.objects.count() == 1
    assert client_for(grace).post(url).status_code == 302
    assert ExpenseItem.objects.count() == 0


def test_tampered_claim_ids_are_refused(offers, grace, dev, client_for):
    claim = grace_sends_claim(offers, grace)
    client = client_for(dev)

    assert client.get(reverse("payments:claim", kwargs={"pk": claim.attendance_id})).status_code == 403
    assert client.post(reverse("payments:claim", kwargs={"pk": claim.attendance_id})).status_code == 403
    assert (
        client.post(reverse("payments:expense_add", kwargs={"pk": claim.attendance_id}), expense_post()).status_code
        == 403
    )
    assert client.get(reverse("payments:claim_review", kwargs={"pk": claim.pk})).status_code == 403
    assert client.get(reverse("payments:claim", kwargs={"pk": 999_999})).status_code == 404
    assert ExpenseItem.objects.count() == 1


def test_sending_the_same_claim_twice_ends_with_one(offers, grace, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)
    client = client_for(grace)
    url = reverse("payments:claim", kwargs={"pk": offers["grace"].attendance_id})
    client.post(reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}), expense_post())

    first = client.post(url)
    second = client.post(url)

    assert first.status_code == 302
    assert "This claim has already been sent." in second.content.decode()
    assert Claim.objects.count() == 1
    assert AuditEvent.objects.filter(action="payments.claim_submitted").count() == 1


def test_marking_paid_twice_pays_once(offers, grace, amina, client_for):
    claim = grace_sends_claim(offers, grace)
    client = client_for(amina)
    client.post(reverse("payments:claim_review", kwargs={"pk": claim.pk}), {"decision": "approve"})
    today = timezone.localdate()
    paid = {"paid_on_day": today.day, "paid_on_month": today.month, "paid_on_year": today.year}
    url = reverse("payments:claim_paid", kwargs={"pk": claim.pk})

    first = client.post(url, paid)
    second = client.post(url, paid)

    assert first.status_code == 302
    assert "A claim is only paid once." in second.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PAID
    assert claim.paid_on == today
    assert AuditEvent.objects.filter(action="payments.claim_paid").count() == 1


def test_rejecting_without_a_reason_shows_an_error(offers, grace, amina, client_for):
    claim = grace_sends_claim(offers, grace)

    response = client_for(amina).post(reverse("payments:claim_review", kwargs={"pk": claim.pk}), {"decision": "reject"})

    assert "Say why the claim is not approved" in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


def test_claims_list_flags_claims_waiting_too_long(offers, grace, client_for, amina, settings):
    claim = grace_sends_claim(offers, grace)
    Claim.objects.filter(pk=claim.pk).update(submitted_at=timezone.now() - timedelta(days=29))

    flagged = client_for(amina).get(reverse("payments:claims")).content.decode()
    settings.COPRODUCE_PAYMENT_DAYS = 40
    not_flagged = client_for(amina).get(reverse("payments:claims")).content.decode()

    assert "Over 28 days" in flagged
    assert "Over 40 days" not in not_flagged
    assert "govuk-tag--red" not in not_flagged


def test_claims_list_query_count_does_not_grow(
    offers, grace, amina, walkabout, client_for, django_assert_max_num_queries
):
    grace_sends_claim(offers, grace)
    client = client_for(amina)
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("payments:claims"))
    for _ in range(4):
        person = PersonFactory.create(kind="carer")
        attendance = AttendanceFactory.create(activity=walkabout, person=person, recorded_by=amina)
        add_expense(attendance, kind="travel", amount=Decimal("3.00"), by=amina)
        submit_claim(attendance, by=amina)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(reverse("payments:claims")).content.decode()
    assert page.count("Waiting for approval") == 5


# --- Statements and the finance export -----------------------------------------------------


def paid_claims(offers, dev, grace, amina) -> None:
    decide_offer(offers["dev"], method="voucher", by=dev)
    for attendance, user in ((offers["dev"].attendance, dev), (offers["grace"].attendance, grace)):
        if user == grace:
            decide_offer(offers["grace"], method="decline", by=grace)
            add_expense(attendance, kind="travel", amount=Decimal("6.40"), by=grace)
        claim = submit_claim(attendance, by=user)
        approve_claim(claim, by=amina)
        mark_paid(claim, paid_on=timezone.localdate(), by=amina)


def test_annual_statement_pdf_and_csv(offers, dev, grace, amina, client_for):
    paid_claims(offers, dev, grace, amina)
    year = tax_year_of(timezone.localdate())
    kwargs = {"pk": dev.person.pk, "year": year}

    pdf = client_for(dev).get(reverse("payments:statement_pdf", kwargs=kwargs)).content
    csv_response = client_for(amina).get(reverse("payments:statement_csv", kwargs=kwargs))

    text = pdf_text(pdf)
    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == f"Payments statement {year} to {year + 1}: Devendra Patel"
    assert "Bus stop walkabout: what needs to change" in text
    assert "Payments for your time: £50.00" in text
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Date paid"
    assert rows[1][1] == "Bus stop walkabout: what needs to change"
    assert rows[1][3] == "50.00"
    assert rows[1][6] == "Shopping voucher"
    assert rows[-1] == ["Total", "", "", "50.00", "0.00", "50.00", ""]


def test_someone_elses_statement_is_refused(offers, grace, client_for, dev):
    kwargs = {"pk": dev.person.pk, "year": tax_year_of(timezone.localdate())}

    assert client_for(grace).get(reverse("payments:statement_pdf", kwargs=kwargs)).status_code == 403
    assert client_for(grace).get(reverse("payments:statement_csv", kwargs=kwargs)).status_code == 403


def test_finance_export_csv_and_xlsx_neutralise_formulas(offers, dev, grace, amina, client_for, walkabout):
    walkabout.title = '=HYPERLINK("http://evil")'
    walkabout.save()
    paid_claims(offers, dev, grace, amina)
    today = timezone.localdate()
    form = {
        "starts_on_day": today.day,
        "starts_on_month": today.month,
        "starts_on_year": today.year,
        "ends_on_day": today.day,
        "ends_on_month": today.month,
        "ends_on_year": today.year,
    }
    client = client_for(amina)

    csv_response = client.post(reverse("payments:export"), {**form, "file_format": "csv"})
    xlsx_response = client.post(reverse("payments:export"), {**form, "file_format": "xlsx"})

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert csv_response["Content-Disposition"].startswith("attachment;")
    assert [row[1] for row in rows[1:]] == ["Devendra Patel", "Grace Okafor"]
    assert {row[4] for row in rows[1:]} == {'\'=HYPERLINK("http://evil")'}
    assert [row[9] for row in rows[1:]] == ["50.00", "6.40"]
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx_response.content)).active
    cells = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert cells[1][4] == '\'=HYPERLINK("http://evil")'
    assert cells[2][1] == "Grace Okafor"


def test_finance_export_refuses_a_backwards_range(amina, client_for):
    response = client_for(amina).post(
        reverse("payments:export"),
        {
            "starts_on_day": 6,
            "starts_on_month": 4,
            "starts_on_year": 2027,
            "ends_on_day": 5,
            "ends_on_month": 4,
            "ends_on_year": 2027,
            "file_format": "csv",
        },
    )

    assert "The last day must be the same as or after the first day" in response.content.decode()


# --- Rate cards -----------------------------------------------------------------------------


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
    from coproduce.payments.services import create_rate_card

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


def test_your_payments_lists_offers_claims_and_statements(offers, dev, grace, amina, client_for):
    paid_claims(offers, dev, grace, amina)
    year = tax_year_of(timezone.localdate())

    page = client_for(grace).get(reverse("payments:yours")).content.decode()

    assert "Bus stop walkabout: what needs to change" in page
    assert "Declined" in page
    assert "£6.40" in page
    assert reverse("payments:statement_pdf", kwargs={"pk": grace.person.pk, "year": year}) in page
    assert reverse("payments:statement_csv", kwargs={"pk": grace.person.pk, "year": year}) in page


def test_expense_added_is_audited_with_the_amount_as_a_string(offers, grace, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)

    client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}), expense_post()
    )

    event = AuditEvent.objects.get(action="payments.expense_added")
    assert event.payload["amount"] == "6.40"
    assert event.payload["kind"] == "travel"
    assert event.payload["has_receipt"] is False
