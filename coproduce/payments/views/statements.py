"""Pages for annual statements (PDF and CSV) and the finance export."""

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from coproduce.forms import submitted
from coproduce.http import AuthenticatedHttpRequest, require
from coproduce.payments import conf, easy_read
from coproduce.payments.exports import finance_csv, finance_xlsx, statement_csv
from coproduce.payments.forms import FinanceExportForm
from coproduce.payments.permissions import can_manage_payments, can_view_statement
from coproduce.payments.queries import Statement, statement
from coproduce.payments.views.claims import in_easy_read
from coproduce.pdf import pdf_response, render_pdf
from coproduce.people.models import Person

# Easy Read documents are printed larger (as the Easy Read summary of a report is).
EASY_READ_POINTS = 18


def _statement_for(request: AuthenticatedHttpRequest, pk: int, year: int) -> Statement:
    person = get_object_or_404(Person, pk=pk)
    require(can_view_statement(request.user, person))
    if not 2000 <= year <= 2100:
        raise Http404
    return statement(person, year)


def statement_pdf(request: AuthenticatedHttpRequest, pk: int, year: int) -> HttpResponse:
    """The tax-year statement; in Easy Read, in larger print, for a person who asked for Easy Read."""
    found = _statement_for(request, pk, year)
    organisation = conf.organisation()
    if in_easy_read(request, found.person):
        pdf = render_pdf(
            "payments/pdf/statement_easy_read.html",
            {"statement": found, "lines": easy_read.statement_lines(found, organisation)},
            points=EASY_READ_POINTS,
        )
    else:
        pdf = render_pdf(
            "payments/pdf/statement.html",
            {"statement": found, "organisation": organisation, "today": timezone.localdate()},
        )
    return pdf_response(pdf, f"payments-{found.starts_on.year}-{found.ends_on.year}.pdf")


def statement_csv_download(request: AuthenticatedHttpRequest, pk: int, year: int) -> HttpResponse:
    found = _statement_for(request, pk, year)
    response = HttpResponse(statement_csv(found), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="payments-{found.starts_on.year}-{found.ends_on.year}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def finance_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    require(can_manage_payments(request.user))
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
