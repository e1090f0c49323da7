"""Checking a spreadsheet of people before it is imported (coproduce/people/services/import_check.py)."""

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.people.models import PeopleImport, PersonKind
from coproduce.people.services.import_check import (
    FORMULA_PROBLEM,
    Problem,
    check_people_import,
    guess_mapping,
    normalise_phone,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.people.tests.import_batches import HEADERS, make_batch, row

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
KINDS = "member, carer, ally, partner representative, staff"


# --- Guessing the columns --------------------------------------------------------


def test_guess_mapping_matches_headings_in_any_case_and_leaves_the_rest_out() -> None:
    mapping = guess_mapping(["NAME", "Notes", "Email Address", "telephone", "Involvement"])

    assert mapping == {
        "full_name": 0,
        "preferred_name": None,
        "kind": 4,
        "email": 2,
        "phone": 3,
        "organisation": None,
        "postal_address": None,
    }


def test_guess_mapping_matches_our_own_labels() -> None:
    mapping = guess_mapping(HEADERS)

    assert mapping == {
        "full_name": 0,
        "preferred_name": 1,
        "kind": 2,
        "email": 3,
        "phone": 4,
        "organisation": 5,
        "postal_address": 6,
    }


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        ("01632 960001", "01632960001"),
        ("+44 1632 960001", "01632960001"),
        ("+44 (0)1632 960001", "01632960001"),
        ("(01632) 960-001", "01632960001"),
        ("n/a", ""),
        ("123", ""),
    ],
)
def test_normalise_phone_finds_the_same_number_written_differently(written: str, normalised: str) -> None:
    assert normalise_phone(written) == normalised


# --- The check: each kind of problem -----------------------------------------------


def test_check_people_import_of_a_clean_file_lists_the_people_and_no_problems(amina: User) -> None:
    batch = make_batch(
        amina,
        row("Ruth Evans", known_as="Ruth", kind="Carer", email="ruth@example.org", phone="01632 960001"),
        row("Kwame Mensah", kind="member", address="1 High Street"),
    )

    check = check_people_import(batch)

    assert check.is_clean
    assert check.rows_checked == 2
    assert check.rows_with_problems == 0
    assert [(person.full_name, person.kind) for person in check.people] == [
        ("Ruth Evans", PersonKind.CARER),
        ("Kwame Mensah", PersonKind.MEMBER),
    ]


def test_check_people_import_reports_a_missing_name_with_its_spreadsheet_row(amina: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"), row(""), row("Kwame Mensah"))

    check = check_people_import(batch)

    assert check.problems == [Problem(3, "Full name", "Enter a full name")]
    assert check.rows_with_problems == 1
    assert len(check.people) == 2


def test_check_people_import_reports_a_malformed_email(amina: User) -> None:
    batch = make_batch(amina, row(email="ruth.example.org"), row("Kwame", email="kwame@"))

    check = check_people_import(batch)

    assert check.problems == [Problem(2, "Email address", EMAIL_FORMAT), Problem(3, "Email address", EMAIL_FORMAT)]


def test_check_people_import_reports_an_unknown_kind_and_lists_the_kinds(amina: User) -> None:
    batch = make_batch(amina, row(kind="volunteer"))

    check = check_people_import(batch)

    assert check.problems == [
        Problem(
            2,
            "How involved",
            "'volunteer' is not a way of being involved. "
            "Use one of: member, carer, ally, partner representative, staff",
        )
    ]


def test_check_people_import_reports_a_missing_kind(amina: User) -> None:
    batch = make_batch(amina, row(kind=""))

    check = check_people_import(batch)

    assert check.problems == [Problem(2, "How involved", f"Enter how they are involved. Use one of: {KINDS}")]


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("MEMBER", PersonKind.MEMBER),
        ("Member (lived experience)", PersonKind.MEMBER),
        ("carer", PersonKind.CARER),
        ("Ally", PersonKind.ALLY),
        ("partner representative", PersonKind.PARTNER_REPRESENTATIVE),
        ("partner_representative", PersonKind.PARTNER_REPRESENTATIVE),
        ("Partner organisation representative", PersonKind.PARTNER_REPRESENTATIVE),
        (" staff ", PersonKind.STAFF),
    ],
)
def test_check_people_import_accepts_kinds_by_label_or_code_in_any_case(
    amina: User, written: str, kind: PersonKind
) -> None:
    batch = make_batch(amina, row(kind=written))

    check = check_people_import(batch)

    assert check.problems == []
    assert check.people[0].kind == kind


def test_check_people_import_reports_the_same_email_twice_in_the_file(amina: User) -> None:
    batch = make_batch(
        amina,
        row("Ruth Evans", email="ruth@example.org"),
        row("Kwame Mensah", email="kwame@example.org"),
        row("Ruth E", email="RUTH@example.org "),
    )

    check = check_people_import(batch)

    assert check.problems == [Problem(4, "Email address", "Same email as row 2")]


def test_check_people_import_reports_an_email_already_recorded(amina: User, dev: User) -> None:
    batch = make_batch(amina, row("Dev P", email="Dev@Example.org"))

    check = check_people_import(batch)

    assert check.problems == [
        Problem(2, "Email address", "Someone with this email is already recorded: Devendra Patel")
    ]


def test_check_people_import_ignores_the_email_of_an_anonymised_record(amina: User) -> None:
    PersonFactory.create(full_name="Removed", email="old@example.org", anonymised_at=timezone.now())
    batch = make_batch(amina, row(email="old@example.org"))

    check = check_people_import(batch)

    assert check.problems == []


def test_check_people_import_reports_the_same_phone_twice_and_one_already_recorded(amina: User) -> None:
    PersonFactory.create(full_name="Rosa Lindqvist", phone="01632 960000", email="")
    batch = make_batch(
        amina,
        row("Ruth Evans", phone="01632 960001"),
        row("Kwame Mensah", phone="+44 1632 960001"),
        row("Rosa L", phone="(01632) 960000"),
    )

    check = check_people_import(batch)

    assert check.problems == [
        Problem(3, "Phone", "Same phone number as row 2"),
        Problem(4, "Phone", "Someone with this phone number is already recorded: Rosa Lindqvist"),
    ]


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"name": '=HYPERLINK("http://evil.example","Click me")'}, "Full name"),
        ({"known_as": "+SUM(1,2)"}, "Known as"),
        ({"organisation": "@SUM(A1)"}, "Organisation"),
        ({"address": "-2+3+cmd|' /C calc'!A0"}, "Address"),
        ({"phone": "+cmd|' /C calc'!A0"}, "Phone"),
        ({"email": "=1+1"}, "Email address"),
        ({"kind": "=A1"}, "How involved"),
    ],
)
def test_check_people_import_reports_cells_that_could_run_formulas(
    amina: User, cells: dict[str, str], column: str
) -> None:
    batch = make_batch(amina, row(**cells))

    check = check_people_import(batch)

    assert check.problems == [
        Problem(2, column, "Cells must not start with =, +, - or @ (this can run formulas in spreadsheets)")
    ]
    assert FORMULA_PROBLEM == "Cells must not start with =, +, - or @ (this can run formulas in spreadsheets)"


def test_check_people_import_accepts_an_international_phone_number(amina: User) -> None:
    batch = make_batch(amina, row(phone="+44 (0)7700 900-123"))

    check = check_people_import(batch)

    assert check.problems == []


def test_check_people_import_reports_cells_that_are_too_long(amina: User) -> None:
    batch = make_batch(amina, row("R" * 201, known_as="K" * 101, organisation="O" * 201, phone="1" * 41))

    check = check_people_import(batch)

    assert check.problems == [
        Problem(2, "Full name", "Full name must be 200 characters or fewer"),
        Problem(2, "Known as", "Preferred name must be 100 characters or fewer"),
        Problem(2, "Phone", "Phone number must be 40 characters or fewer"),
        Problem(2, "Organisation", "Organisation name must be 200 characters or fewer"),
    ]


def test_check_people_import_lists_every_problem_of_a_row_and_counts_the_row_once(amina: User) -> None:
    batch = make_batch(amina, row("", kind="volunteer", email="nope"))

    check = check_people_import(batch)

    assert [problem.message for problem in check.problems] == [
        "Enter a full name",
        f"'volunteer' is not a way of being involved. Use one of: {KINDS}",
        EMAIL_FORMAT,
    ]
    assert check.rows_with_problems == 1


def test_check_people_import_skips_empty_rows_but_keeps_the_row_numbers(amina: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"), ["", "", "", "", "", "", ""], row(""))

    check = check_people_import(batch)

    assert check.blank_rows == 1
    assert check.rows_checked == 2
    assert check.problems == [Problem(4, "Full name", "Enter a full name")]


def test_check_people_import_names_a_column_without_a_heading_by_its_letter(amina: User) -> None:
    headers = ["", "How involved"]
    batch = PeopleImport.objects.create(
        uploaded_by=amina,
        filename="members.csv",
        headers=headers,
        rows=[["=1", "member"]],
        mapping={"full_name": 0, "kind": 1},
    )

    check = check_people_import(batch)

    assert check.problems == [Problem(2, "Column A", FORMULA_PROBLEM)]


def test_check_people_import_matches_organisations_in_any_case_and_counts_new_ones_once(
    amina: User, priya: User
) -> None:
    batch = make_batch(
        amina,
        row("A", organisation="riverside council"),
        row("B", organisation="Hillside Trust"),
        row("C", organisation="HILLSIDE TRUST"),
        row("D", organisation="Valley Carers"),
    )

    check = check_people_import(batch)

    assert check.new_organisations == ["Hillside Trust", "Valley Carers"]


def test_check_people_import_shows_the_first_500_problems_and_counts_all(amina: User) -> None:
    batch = make_batch(amina, *[row("") for _ in range(600)])

    check = check_people_import(batch)

    assert len(check.problems) == 600
    assert len(check.problems_shown) == 500
    assert check.problems_not_shown == 100
    assert check.problems_shown[-1] == Problem(501, "Full name", "Enter a full name")


def test_check_people_import_queries_do_not_grow_with_the_rows(amina: User, django_assert_num_queries) -> None:
    batch = make_batch(amina, *[row(f"Person {n}", email=f"p{n}@example.org") for n in range(200)])

    with django_assert_num_queries(3):
        check = check_people_import(batch)

    assert len(check.people) == 200
