import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.contributions.models import Outcome
from coproduce.reports.models import ReportNarrative, YouSaidWeDidPage
from coproduce.reports.services import save_page
from coproduce.reports.tests.conftest import answer
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title


def project_url(name, project, period, **kwargs):
    return reverse(f"reports:{name}", kwargs={"pk": project.pk, **kwargs}) + f"?period={period.key}"


def test_organisation_report_has_the_five_gripp2_sections_and_the_note(said, period, client_for, amina):
    response = client_for(amina).get(reverse("reports:organisation") + f"?period={period.key}")

    page = response.content.decode()
    assert response.status_code == 200
    for heading in ("1. Aim", "2. Methods", "3. Results", "4. How far involvement changed the work", "5. Reflections"):
        assert heading in page
    assert "[c]" in page
    assert "hidden to protect people" in page
    # Each [c] says what it means where it stands, and the note comes before the first table.
    assert '[c]<span class="govuk-visually-hidden"> (hidden to protect privacy)</span>' in page
    assert page.index('id="what-c-means"') < page.index("<table")
    assert "*" not in page.split("<main")[1].split("</main>")[0]


def test_organisation_report_query_count_is_fixed(said, period, client_for, amina, django_assert_max_num_queries):
    client = client_for(amina)
    url = reverse("reports:organisation") + f"?period={period.key}"
    client.get(url)  # warm the session
    with django_assert_max_num_queries(20):
        client.get(url)


def test_period_picker_with_a_bad_period_shows_the_current_quarter(said, period, client_for, sam):
    response = client_for(sam).get(reverse("reports:organisation") + "?period=1999-Q9")

    assert response.status_code == 200
    assert period.label in response.content.decode()


def test_project_report_is_for_its_leads_not_other_members(said, period, bus_stops, client_for, dev, grace):
    assert client_for(dev).get(project_url("project", bus_stops, period)).status_code == 200
    assert client_for(grace).get(project_url("project", bus_stops, period)).status_code == 403


def test_project_report_pdf_is_tagged_titled_in_order_and_has_no_names(said, period, bus_stops, client_for, dev):
    response = client_for(dev).get(project_url("project_file", bus_stops, period, fmt="pdf"))

    pdf = response.content
    text = pdf_text(pdf)
    assert response["Content-Type"] == "application/pdf"
    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == f"Progress report for Step-free bus stops, {period.label}"
    assert pdf_language(pdf) == "en-GB"
    order = [text.index(heading) for heading in ("1. Aim", "2. Methods", "3. Results", "4. How far", "5. Reflections")]
    assert order == sorted(order)
    assert "The budget cannot pay for taps." in text
    assert "Grace" not in text
    assert "Dev" not in text


def test_easy_read_pdf_and_page_use_short_sentences(said, period, bus_stops, client_for, dev):
    client = client_for(dev)
    pdf = client.get(project_url("project_file", bus_stops, period, fmt="easy-read-pdf")).content
    page = client.get(project_url("project_easy_read", bus_stops, period)).content.decode()

    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == "Easy Read: Progress report for Step-free bus stops"
    assert "We did not use some ideas. We said why." in pdf_text(pdf)
    assert "We did not use some ideas. We said why." in page
    assert "Some numbers are hidden. This keeps people private." in page


def test_csv_and_xlsx_are_open_data_with_no_stars_names_or_formulas(said, period, bus_stops, client_for, amina):
    client = client_for(amina)
    csv_text = client.get(project_url("project_file", bus_stops, period, fmt="csv")).content.decode("utf-8-sig")
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(project_url("project_file", bus_stops, period, fmt="xlsx")).content)
    )
    lines = list(csv.reader(io.StringIO(csv_text)))
    cells = [str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]

    assert lines[0][:7] == ["Period start", "Period end", "Project", "GRIPP2 section", "Measure", "Category", "Value"]
    by_measure = {(line[4], line[5]): line[6] for line in lines[1:]}
    assert by_measure[("People involved by kind", "Total")] == "[c]"
    assert by_measure[("Activities by kind", "Workshop")] == "1"
    for text in (csv_text, " ".join(cells)):
        assert "*" not in text
        assert "Grace" not in text
        assert "Gold taps" not in text
    assert all(not cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_unknown_file_format_is_not_found(said, period, client_for, amina):
    response = client_for(amina).get(reverse("reports:organisation_file", kwargs={"fmt": "docx"}))

    assert response.status_code == 404


def test_narrative_with_no_reflections_shows_errors_and_saves_nothing(period, bus_stops, client_for, dev):
    response = client_for(dev).post(project_url("project_narrative", bus_stops, period), {"aim": "", "reflections": ""})

    page = response.content.decode()
    assert "<title>Error: " in page
    assert "Enter your reflections on what went well and what did not" in page
    assert not ReportNarrative.objects.exists()


def test_narrative_is_saved_once_per_period_and_shown_in_the_report(said, period, bus_stops, client_for, dev):
    client = client_for(dev)
    url = project_url("project_narrative", bus_stops, period)
    client.post(url, {"aim": "", "influence": "", "reflections": "First go."})
    response = client.post(url, {"aim": "", "influence": "Members chose the benches.", "reflections": "We learned."})

    assert response.status_code == 302
    narrative = ReportNarrative.objects.get()
    assert (narrative.reflections, narrative.period_start) == ("We learned.", period.start)
    report = client.get(project_url("project", bus_stops, period)).content.decode()
    assert "Members chose the benches." in report
    assert "We learned." in report
    assert AuditEvent.objects.filter(action="reports.narrative_saved").count() == 2


def test_readability_check_saves_nothing(period, bus_stops, client_for, dev):
    response = client_for(dev).post(
        project_url("project_narrative", bus_stops, period),
        {"reflections": "We learned a lot.", "check_readability": "1"},
    )

    assert response.status_code == 200
    assert "readability-reflections" in response.content.decode()
    assert not ReportNarrative.objects.exists()


def test_unpublished_page_is_not_found_for_the_public_and_a_preview_for_leads(said, bus_stops, client, client_for, dev):
    url = reverse("reports:you_said_we_did", kwargs={"pk": bus_stops.pk})

    assert client.get(url).status_code == 404
    preview = client_for(dev).get(url)
    assert preview.status_code == 200
    assert "This is a preview" in preview.content.decode()


def test_lead_publishes_the_page_and_the_public_read_it(said, bus_stops, client, client_for, dev, grace):
    manage = reverse("reports:you_said_we_did_manage", kwargs={"pk": bus_stops.pk})
    client_for(dev).post(manage, {"intro": "We asked about bus stops.", "publish": "1"})

    page = YouSaidWeDidPage.objects.get()
    response = client.get(reverse("reports:you_said_we_did", kwargs={"pk": bus_stops.pk}))
    text = response.content.decode()
    assert page.is_published
    assert page.published_by == dev
    assert response.status_code == 200
    assert "We asked about bus stops." in text
    assert "Put a bench at every stop." in text
    assert "Why we did not do it" in text
    assert "The budget cannot pay for taps." in text
    # Grace chose not to be named; nothing unanswered is shown.
    assert "Grace" not in text
    assert "A contributor" in text
    assert "Shelters from the rain." not in text
    assert AuditEvent.objects.filter(action="reports.you_said_we_did_published").exists()


def test_publishing_needs_an_introduction(bus_stops, client_for, dev):
    manage = reverse("reports:you_said_we_did_manage", kwargs={"pk": bus_stops.pk})

    response = client_for(dev).post(manage, {"intro": "", "publish": "1"})

    assert "Enter an introduction for the page" in response.content.decode()
    assert not YouSaidWeDidPage.objects.exists()


def test_lead_can_stop_publishing(said, bus_stops, client, client_for, dev):
    manage = reverse("reports:you_said_we_did_manage", kwargs={"pk": bus_stops.pk})
    client_for(dev).post(manage, {"intro": "Hello.", "publish": "1"})

    client_for(dev).post(manage, {"unpublish": "1"})

    assert client.get(reverse("reports:you_said_we_did", kwargs={"pk": bus_stops.pk})).status_code == 404


@pytest.mark.parametrize("persona", ["grace", "tom", "priya", "sam"])
def test_others_may_not_publish_or_unpublish(persona, bus_stops, client_for, request):
    user = request.getfixturevalue(persona)
    manage = reverse("reports:you_said_we_did_manage", kwargs={"pk": bus_stops.pk})

    assert client_for(user).post(manage, {"intro": "Hello.", "publish": "1"}).status_code == 403
    assert not YouSaidWeDidPage.objects.exists()


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_only_coordinators_send_digests(persona, period, client_for, request):
    user = request.getfixturevalue(persona)

    assert client_for(user).post(reverse("reports:digests"), {"period": period.key}).status_code == 403


def test_digest_form_needs_a_period(client_for, amina):
    response = client_for(amina).post(reverse("reports:digests"), {})

    assert "Select the period to send digests for" in response.content.decode()


def test_project_report_query_count_is_fixed(said, period, bus_stops, client_for, dev, django_assert_max_num_queries):
    client = client_for(dev)
    url = project_url("project", bus_stops, period)
    client.get(url)
    with django_assert_max_num_queries(30):
        client.get(url)


def test_public_page_names_people_only_as_they_chose(said, bus_stops, client, dev, amina):
    answer(said[2], Outcome.PARTLY_ADOPTED, "Two shelters this year.", by=amina)
    save_page(bus_stops, intro="Hello.", publish=True, by=amina)

    text = client.get(reverse("reports:you_said_we_did", kwargs={"pk": bus_stops.pk})).content.decode()

    assert dev.person.full_name in text  # Dev chose his full name for this one
    assert "Two shelters this year." in text
