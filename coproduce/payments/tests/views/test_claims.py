"""The claim pages: expenses and receipts, bad input, tampered ids, sending once."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.payments.models import Claim, ExpenseItem
from coproduce.payments.services.claims import add_expense
from coproduce.payments.services.offers import decide_offer
from coproduce.payments.tests.conftest import sent_claim

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def files_in(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def expense_post(**overrides):
    data = {"kind": "travel", "description": "Bus there and back", "amount": "6.40"}
    data.update(overrides)
    return data


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
    claim = sent_claim(offers, grace)
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


def test_expense_added_is_audited_with_the_amount_as_a_string(offers, grace, client_for):
    decide_offer(offers["grace"], method="decline", by=grace)

    client_for(grace).post(
        reverse("payments:expense_add", kwargs={"pk": offers["grace"].attendance_id}), expense_post()
    )

    event = AuditEvent.objects.get(action="payments.expense_added")
    assert event.payload["amount"] == "6.40"
    assert event.payload["kind"] == "travel"
    assert event.payload["has_receipt"] is False
