"""Annual statements (PDF and CSV) and the finance export."""

import csv
import io

import openpyxl
from django.urls import reverse
from django.utils import timezone

from coproduce.payments.money import tax_year_of
from coproduce.payments.tests.conftest import paid_claims
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text, pdf_title


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
    # Amounts are numbers a finance team can add up, shown to the penny.
    assert [row[9] for row in cells[1:]] == [50, 6.4]
    assert {cell.number_format for cell in next(sheet.iter_cols(min_col=10, max_col=10, min_row=2))} == {"#,##0.00"}


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
