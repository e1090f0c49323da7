"""The import pages: upload a file, choose the columns, check the rows, import."""

import io
from collections.abc import Callable

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import PeopleImport, Person
from coproduce.people.services.import_check import guess_mapping
from coproduce.people.spreadsheets import MAX_UPLOAD_BYTES
from coproduce.people.tests.import_batches import csv_file

ClientFor = Callable[[User], Client]

NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]
HEADERS = ["Name", "Email address", "How involved", "Organisation"]
MAPPING = {
    "full_name": "0",
    "preferred_name": "",
    "kind": "2",
    "email": "1",
    "phone": "",
    "organisation": "3",
    "postal_address": "",
}


def xlsx_file(*rows: list[object], name: str = "members.xlsx") -> SimpleUploadedFile:
    workbook = openpyxl.Workbook()
    for cells in rows:
        workbook.active.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def make_batch(user: User, *rows: list[str], mapped: bool = True) -> PeopleImport:
    return PeopleImport.objects.create(
        uploaded_by=user,
        filename="members.csv",
        headers=HEADERS,
        rows=list(rows),
        mapping=guess_mapping(HEADERS) if mapped else {},
    )


# --- Upload ------------------------------------------------------------------------


def test_import_upload_shows_a_file_upload_form(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/import/")

    assertContains(response, '<h1 class="govuk-heading-l">Import people from a spreadsheet</h1>')
    assertContains(response, '<form method="post" enctype="multipart/form-data" novalidate>')
    assertContains(response, '<label class="govuk-label govuk-label--s" for="id_file">Upload a file</label>')
    assertContains(response, 'type="file"')
    assertContains(response, 'aria-describedby="id_file-hint"')


def test_import_upload_keeps_a_csv_and_goes_on_to_the_columns(amina: User, client_for: ClientFor) -> None:
    upload = csv_file("Name,Email address\nZoë Brontë,zoe@example.org\n")

    response = client_for(amina).post("/people/import/", {"file": upload})

    batch = PeopleImport.objects.get()
    assertRedirects(response, f"/people/import/{batch.pk}/columns/", fetch_redirect_response=False)
    assert (batch.filename, batch.uploaded_by, batch.status) == ("members.csv", amina, PeopleImport.Status.UPLOADED)
    assert batch.headers == ["Name", "Email address"]
    assert batch.rows == [["Zoë Brontë", "zoe@example.org"]]
    assert batch.mapping == {}


def test_import_upload_reads_an_xlsx(amina: User, client_for: ClientFor) -> None:
    upload = xlsx_file(["Name", "Phone", "How involved"], ["Ruth Evans", 1632960001, "carer"])

    client_for(amina).post("/people/import/", {"file": upload})

    batch = PeopleImport.objects.get()
    assert batch.filename == "members.xlsx"
    assert batch.headers == ["Name", "Phone", "How involved"]
    assert batch.rows == [["Ruth Evans", "1632960001", "carer"]]


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_file("Name\nRuth\n", name="members.xls"), "The selected file must be a CSV or Excel (.xlsx) file"),
        (csv_file("", name="members.csv"), "The selected file is empty"),
        (
            csv_file("Name\nZoë Brontë\n", encoding="cp1252"),
            "The file is not saved as UTF-8. In Excel, choose &#x27;Save as&#x27; and &#x27;CSV UTF-8&#x27;",
        ),
        (
            SimpleUploadedFile("members.csv", b"Name\n" + b"x" * MAX_UPLOAD_BYTES),
            "The selected file must be smaller than 10 MB",
        ),
    ],
    ids=["wrong type", "empty", "wrong encoding", "too big"],
)
def test_import_upload_explains_a_file_it_cannot_use_and_keeps_nothing(
    amina: User, client_for: ClientFor, upload: SimpleUploadedFile, message: str
) -> None:
    response = client_for(amina).post("/people/import/", {"file": upload})

    assertContains(response, f'<li><a href="#id_file">{message}</a></li>', html=False)
    assertContains(response, f'<span class="govuk-visually-hidden">Error:</span> {message}</p>')
    assertContains(response, "govuk-file-upload--error")
    assert PeopleImport.objects.count() == 0


def test_import_upload_without_a_file_asks_for_one(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).post("/people/import/", {})

    assertContains(response, '<li><a href="#id_file">Select a CSV or Excel (.xlsx) file</a></li>')
    assertContains(response, "<title>Error: Import people from a spreadsheet – Coproduce</title>")
    assert PeopleImport.objects.count() == 0


def test_import_upload_is_open_to_an_admin(morgan: User, client_for: ClientFor) -> None:
    response = client_for(morgan).get("/people/import/")

    assert response.status_code == 200


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_import_upload_is_refused_to_everyone_but_coordinators_and_admins(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    page = client.get("/people/import/")
    sent = client.post("/people/import/", {"file": csv_file("Name\nRuth\n")})

    assert page.status_code == 403
    assert sent.status_code == 403
    assert PeopleImport.objects.count() == 0


# --- Columns -----------------------------------------------------------------------


def test_import_columns_preselects_columns_whose_headings_match(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "ruth@example.org", "carer", ""], mapped=False)

    response = client_for(amina).get(f"/people/import/{batch.pk}/columns/")

    assertContains(response, '<span class="govuk-caption-l">members.csv</span>')
    assertContains(response, '<h1 class="govuk-heading-l">Choose which column holds what</h1>')
    html = response.content.decode()
    full_name = html[html.index('name="full_name"') : html.index("</select>", html.index('name="full_name"'))]
    assert '<option value="0" selected>Name</option>' in full_name
    phone = html[html.index('name="phone"') : html.index("</select>", html.index('name="phone"'))]
    assert '<option value="" selected>Do not import</option>' in phone
    assert '<option value="1">Email address</option>' in phone


def test_import_columns_saves_the_choices_and_goes_on_to_the_check(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "ruth@example.org", "carer", ""], mapped=False)

    response = client_for(amina).post(f"/people/import/{batch.pk}/columns/", MAPPING)

    assertRedirects(response, f"/people/import/{batch.pk}/check/", fetch_redirect_response=False)
    batch.refresh_from_db()
    assert batch.mapping == {
        "full_name": 0,
        "preferred_name": None,
        "kind": 2,
        "email": 1,
        "phone": None,
        "organisation": 3,
        "postal_address": None,
    }


def test_import_columns_needs_a_full_name_and_how_they_are_involved(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], mapped=False)

    response = client_for(amina).post(f"/people/import/{batch.pk}/columns/", {**MAPPING, "full_name": "", "kind": ""})

    assertContains(response, '<a href="#id_full_name">Select the column with each person&#x27;s full name</a>')
    assertContains(response, '<a href="#id_kind">Select the column that says how each person is involved</a>')
    batch.refresh_from_db()
    assert batch.mapping == {}


def test_import_columns_refuses_the_same_column_for_two_things(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], mapped=False)

    response = client_for(amina).post(f"/people/import/{batch.pk}/columns/", {**MAPPING, "preferred_name": "0"})

    assertContains(response, '<a href="#id_preferred_name">You have chosen this column for full name already</a>')
    batch.refresh_from_db()
    assert batch.mapping == {}


def test_import_columns_refuses_a_column_that_is_not_in_the_file(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], mapped=False)

    response = client_for(amina).post(f"/people/import/{batch.pk}/columns/", {**MAPPING, "phone": "9"})

    assertContains(response, '<a href="#id_phone">Select a column from the list</a>')


def test_import_columns_lets_another_coordinator_carry_on(amina: User, morgan: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], mapped=False)

    response = client_for(morgan).get(f"/people/import/{batch.pk}/columns/")

    assert response.status_code == 200


def test_import_columns_of_an_unknown_batch_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/import/999/columns/")

    assert response.status_code == 404


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_import_pages_of_a_batch_are_refused_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, amina: User, client_for: ClientFor, persona: str
) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""])
    client = client_for(request.getfixturevalue(persona))

    responses = [
        client.get(f"/people/import/{batch.pk}/columns/"),
        client.post(f"/people/import/{batch.pk}/columns/", MAPPING),
        client.get(f"/people/import/{batch.pk}/check/"),
        client.post(f"/people/import/{batch.pk}/check/"),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    assert not Person.objects.filter(full_name="Ruth Evans").exists()


# --- Check and import --------------------------------------------------------------


def test_import_check_before_the_columns_are_chosen_goes_to_the_columns(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], mapped=False)

    response = client_for(amina).get(f"/people/import/{batch.pk}/check/")

    assertRedirects(response, f"/people/import/{batch.pk}/columns/", fetch_redirect_response=False)


def test_import_check_lists_each_problem_by_row_and_offers_no_import(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(
        amina,
        ["Ruth Evans", "ruth@example.org", "carer", ""],
        ["", "kwame.example.org", "volunteer", ""],
        ["Ruth E", "ruth@example.org", "carer", '=HYPERLINK("http://evil.example","x")'],
    )

    response = client_for(amina).get(f"/people/import/{batch.pk}/check/")

    assertContains(response, '<h1 class="govuk-heading-l">Check the rows</h1>')
    assertContains(response, "Nothing has been added. Fix these problems in your spreadsheet, then upload it again.")
    for number, column, message in [
        (3, "Name", "Enter a full name"),
        (3, "Email address", "Enter an email address in the correct format, like name@example.com"),
        (
            3,
            "How involved",
            "'volunteer' is not a way of being involved. "
            "Use one of: member, carer, ally, partner representative, staff",
        ),
        (4, "Email address", "Same email as row 2"),
        (4, "Organisation", "Cells must not start with =, +, - or @ (this can run formulas in spreadsheets)"),
    ]:
        assertContains(
            response,
            f'<td class="govuk-table__cell govuk-table__cell--numeric">{number}</td>\n'
            f'                  <td class="govuk-table__cell">{column}</td>\n'
            f'                  <td class="govuk-table__cell">{escape(message)}</td>',
        )
    assertContains(response, "5 problems")
    assertContains(response, '<dt class="govuk-summary-list__key">Rows with problems</dt>')
    assertNotContains(response, "Import 1 person")
    assertNotContains(response, '<form method="post" novalidate>')


def test_import_check_of_a_clean_file_offers_to_import_everyone(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(
        amina,
        ["Ruth Evans", "ruth@example.org", "carer", "Hillside Trust"],
        ["Kwame Mensah", "", "member", ""],
    )

    response = client_for(amina).get(f"/people/import/{batch.pk}/check/")

    assertContains(response, "Every row is right. Nothing has been added yet.")
    assertContains(response, "1 organisation is not recorded yet and will be added.")
    assertContains(response, ">Import 2 people</button>")
    assertNotContains(response, "Problems to fix")
    assert Person.objects.filter(full_name__in=["Ruth Evans", "Kwame Mensah"]).count() == 0


def test_import_check_shows_500_problems_and_says_how_many_more(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, *[["", "", "member", ""] for _ in range(520)])

    response = client_for(amina).get(f"/people/import/{batch.pk}/check/")

    assertContains(response, "The first 500 of 520 problems")
    assertContains(response, "and 20 more problems.")
    assertContains(response, "Enter a full name", count=500)


def test_import_check_post_imports_everyone_and_says_so(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "ruth@example.org", "carer", ""], ["Kwame Mensah", "", "member", ""])
    client = client_for(amina)

    response = client.post(f"/people/import/{batch.pk}/check/")

    assertRedirects(response, "/people/", fetch_redirect_response=False)
    assertContains(client.get("/people/"), "You imported 2 people from members.csv.")
    assert Person.objects.filter(full_name__in=["Ruth Evans", "Kwame Mensah"], recorded_by=amina).count() == 2
    assert AuditEvent.objects.filter(action="people.imported").count() == 1


def test_import_check_post_with_problems_writes_nothing(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""], ["", "", "carer", ""])
    people_before = Person.objects.count()

    response = client_for(amina).post(f"/people/import/{batch.pk}/check/")

    assertContains(
        response, '<li><a href="#main-content">Fix these problems in your spreadsheet, then upload it again.</a></li>'
    )
    assert Person.objects.count() == people_before


def test_import_check_after_the_import_says_the_file_was_imported(amina: User, client_for: ClientFor) -> None:
    batch = make_batch(amina, ["Ruth Evans", "", "carer", ""])
    client = client_for(amina)
    client.post(f"/people/import/{batch.pk}/check/")

    page = client.get(f"/people/import/{batch.pk}/check/")
    again = client.post(f"/people/import/{batch.pk}/check/")
    columns = client.get(f"/people/import/{batch.pk}/columns/")

    assertContains(page, '<h1 class="govuk-heading-l">This file has already been imported</h1>')
    assertContains(page, "1 person was added from this file.")
    assertContains(again, '<li><a href="#main-content">This file has already been imported</a></li>')
    assertRedirects(columns, f"/people/import/{batch.pk}/check/", fetch_redirect_response=False)
    assert Person.objects.filter(full_name="Ruth Evans").count() == 1
