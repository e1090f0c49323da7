"""Downloading the people list as CSV or Excel: safe to open, and without special category data."""

import csv
import io
from collections.abc import Callable

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    ContactRoute,
    Notice,
    Organisation,
    Person,
    PersonKind,
)
from coproduce.people.services.exports import EXPORT_HEADERS, export_people
from coproduce.people.spreadsheets import neutralise, write_csv, write_xlsx
from coproduce.people.tests.factories import PersonFactory, PersonWithSignInFactory

ClientFor = Callable[[User], Client]

NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]
HEADER_ROW = [
    "Full name",
    "Preferred name",
    "How involved",
    "Organisation",
    "Email address",
    "Phone number",
    "Contact route",
    "Can sign in",
]
# The most queries a download may make, however many people there are.
EXPORT_MAX_QUERIES = 6


def csv_rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def xlsx_rows(content: bytes) -> list[list[str]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [["" if value is None else value for value in row] for row in workbook["People"].iter_rows(values_only=True)]


# --- Neutralising cells ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ('=HYPERLINK("http://evil.example","Click")', '\'=HYPERLINK("http://evil.example","Click")'),
        ("+SUM(1,2)", "'+SUM(1,2)"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("Ruth Evans", "Ruth Evans"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise_puts_an_apostrophe_before_cells_a_spreadsheet_would_run(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_write_csv_neutralises_every_cell_and_marks_the_file_as_utf8() -> None:
    content = write_csv(["Name", "=Heading"], [["Zoë", "=1+1"], ["@me", "fine"]])

    assert content.startswith(b"\xef\xbb\xbf")
    assert csv_rows(content) == [["Name", "'=Heading"], ["Zoë", "'=1+1"], ["'@me", "fine"]]


def test_write_xlsx_stores_neutralised_text_not_formulas() -> None:
    content = write_xlsx(["Name"], [['=HYPERLINK("http://evil.example","x")'], ["bell\x07 ringer"]], title="People")

    workbook = openpyxl.load_workbook(io.BytesIO(content))
    cells = [row[0] for row in workbook["People"].iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == ['\'=HYPERLINK("http://evil.example","x")', "bell ringer"]
    assert [cell.data_type for cell in cells] == ["s", "s"]


# --- The download page ------------------------------------------------------------------


def test_export_page_says_what_the_file_holds_and_keeps_the_filters(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="Ruth Evans", kind=PersonKind.CARER)
    PersonFactory.create(full_name="Kwame Mensah", kind=PersonKind.MEMBER)

    response = client_for(amina).get("/people/export/?q=ruth&kind=carer")

    assertContains(response, '<h1 class="govuk-heading-l">Download the people list</h1>')
    assertContains(response, "The file will have 1 person: everyone who matches your search on the people list.")
    assertContains(response, "<li>Contact route</li>")
    assertContains(response, "It does not have anyone's access needs, consent records or equality monitoring answers.")
    assertContains(response, '<input type="hidden" name="q" value="ruth" id="id_q">')
    assertContains(response, '<input type="hidden" name="kind" value="carer" id="id_kind">')
    assertContains(response, '<button type="submit" name="format" value="csv" class="govuk-button"')
    assert AuditEvent.objects.count() == 0


def test_export_page_explains_an_unknown_format(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/export/?format=pdf")

    assertContains(response, '<li><a href="#main-content">Choose CSV or Excel (.xlsx)</a></li>')
    assertContains(response, "<title>Error: Download the people list – Coproduce</title>")
    assert AuditEvent.objects.count() == 0


# --- The files ---------------------------------------------------------------------------


def test_export_csv_has_the_columns_and_everyone_the_user_may_see(
    amina: User, priya: User, client_for: ClientFor
) -> None:
    PersonFactory.create(
        full_name="Ruth Evans",
        preferred_name="Ruth",
        kind=PersonKind.CARER,
        email="ruth@example.org",
        phone="01632 960001",
        contact_route=ContactRoute.PHONE,
    )
    PersonFactory.create(full_name="Gone", anonymised_at=timezone.now())

    response = client_for(amina).get("/people/export/?format=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="coproduce-people-{timezone.localdate().isoformat()}.csv"'
    )
    assert response["Cache-Control"] == "no-store"
    assert csv_rows(response.content) == [
        HEADER_ROW,
        ["Amina Haddad", "Amina", "Staff", "", "amina@example.org", "", "Email", "Yes"],
        [
            "Priya Sharma",
            "Priya",
            "Partner organisation representative",
            "Riverside Council",
            "priya@example.org",
            "",
            "Email",
            "Yes",
        ],
        ["Ruth Evans", "Ruth", "Carer", "", "ruth@example.org", "01632 960001", "Phone call", "No"],
    ]


def test_export_csv_uses_the_same_filters_as_the_people_list(amina: User, priya: User, client_for: ClientFor) -> None:
    council = Organisation.objects.get(name="Riverside Council")
    PersonFactory.create(full_name="Ruth Evans", kind=PersonKind.CARER)
    PersonFactory.create(full_name="Ruth Morgan", kind=PersonKind.MEMBER)
    PersonFactory.create(full_name="Kwame Mensah", kind=PersonKind.PARTNER_REPRESENTATIVE, organisation=council)
    client = client_for(amina)

    by_name = client.get("/people/export/?format=csv&q=ruth")
    by_kind = client.get("/people/export/?format=csv&q=ruth&kind=carer")
    by_organisation = client.get(f"/people/export/?format=csv&organisation={council.pk}")
    unknown_kind = client.get("/people/export/?format=csv&q=ruth&kind=wizard")

    assert [cells[0] for cells in csv_rows(by_name.content)[1:]] == ["Ruth Evans", "Ruth Morgan"]
    assert [cells[0] for cells in csv_rows(by_kind.content)[1:]] == ["Ruth Evans"]
    assert [cells[0] for cells in csv_rows(by_organisation.content)[1:]] == ["Kwame Mensah", "Priya Sharma"]
    assert [cells[0] for cells in csv_rows(unknown_kind.content)[1:]] == ["Ruth Evans", "Ruth Morgan"]


def test_export_csv_neutralises_formulas_in_every_column(amina: User, client_for: ClientFor) -> None:
    evil = Organisation.objects.create(name="@SUM(A1)")
    PersonFactory.create(
        full_name='=HYPERLINK("http://evil.example","Click")',
        preferred_name="-2+3",
        email="",
        phone="+44 7700 900123",
        organisation=evil,
    )

    response = client_for(amina).get("/people/export/?format=csv&q=HYPERLINK")

    assert csv_rows(response.content)[1] == [
        '\'=HYPERLINK("http://evil.example","Click")',
        "'-2+3",
        "Member (lived experience)",
        "'@SUM(A1)",
        "",
        "'+44 7700 900123",
        "Email",
        "No",
    ]


def test_export_xlsx_round_trips_with_formulas_neutralised(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create(full_name="=1+1", email="sum@example.org")
    PersonFactory.create(full_name="Zoë Brontë", email="zoe@example.org", kind=PersonKind.ALLY)

    response = client_for(amina).get("/people/export/?format=xlsx&q=example.org")

    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == (
        f'attachment; filename="coproduce-people-{timezone.localdate().isoformat()}.xlsx"'
    )
    assert xlsx_rows(response.content) == [
        HEADER_ROW,
        ["'=1+1", "", "Member (lived experience)", "", "sum@example.org", "", "Email", "No"],
        ["Amina Haddad", "Amina", "Staff", "", "amina@example.org", "", "Email", "Yes"],
        ["Zoë Brontë", "", "Ally", "", "zoe@example.org", "", "Email", "No"],
    ]


def test_export_never_reads_access_needs_consents_or_equality_data(amina: User, dev: User) -> None:
    profile = AccessProfile.objects.create(person=dev.person, other_needs="Needs a quiet room")
    AccessNeed.objects.create(profile=profile, need="easy_read")
    Consent.objects.create(
        person=dev.person, notice=Notice.objects.current("access_needs"), method=ConsentMethod.ONLINE
    )

    with CaptureQueriesContext(connection) as queries:
        exported = export_people(Person.objects.all(), file_format="csv", by=amina)

    text = exported.content.decode("utf-8-sig")
    assert "quiet room" not in text
    assert "Easy Read" not in text
    assert csv_rows(exported.content)[0] == list(EXPORT_HEADERS) == HEADER_ROW
    sql = " ".join(query["sql"] for query in queries.captured_queries).lower()
    assert "access" not in sql
    assert "consent" not in sql
    assert "equality" not in sql


def test_export_records_an_audit_event_with_the_format_and_count(amina: User, client_for: ClientFor) -> None:
    PersonFactory.create_batch(3)

    client_for(amina).get("/people/export/?format=xlsx")

    event = AuditEvent.objects.get()
    assert event.action == "people.exported"
    assert event.actor == amina
    assert event.payload == {"format": "xlsx", "count": 4}


@pytest.mark.parametrize("how_many", [5, 60])
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_query_count_does_not_grow_with_the_number_of_people(
    amina: User, client_for: ClientFor, django_assert_max_num_queries, how_many: int, file_format: str
) -> None:
    PersonWithSignInFactory.create_batch(how_many, organisation=Organisation.objects.create(name="Hillside Trust"))
    client = client_for(amina)

    with django_assert_max_num_queries(EXPORT_MAX_QUERIES):
        response = client.get(f"/people/export/?format={file_format}")

    assert AuditEvent.objects.get().payload == {"format": file_format, "count": how_many + 1}
    assert response.status_code == 200


def test_export_is_open_to_an_admin(morgan: User, client_for: ClientFor) -> None:
    response = client_for(morgan).get("/people/export/?format=csv")

    assert csv_rows(response.content)[1][0] == "Morgan Reid"


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_export_is_refused_to_everyone_but_coordinators_and_admins(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    page = client.get("/people/export/")
    download = client.get("/people/export/?format=csv")

    assert page.status_code == 403
    assert download.status_code == 403
    assertNotContains(download, "@example.org", status_code=403)
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_export_people_service_refuses_everyone_but_coordinators(request: pytest.FixtureRequest, persona: str) -> None:
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        export_people(Person.objects.all(), file_format="csv", by=user)

    assert AuditEvent.objects.count() == 0
