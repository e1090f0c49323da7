"""Reading and checking the rows of a people import: the fields, the column guesses, and the dry run.

The dry run (``check_people_import``) lists every problem in the file and writes nothing; the
import itself (``coproduce.people.services.imports``) runs it again before it writes.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from coproduce.people.models import Organisation, PeopleImport, Person, PersonKind
from coproduce.people.spreadsheets import column_letter

# The check page lists this many problems at most; all of them are counted.
PROBLEMS_SHOWN = 500


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # as in "Full name must be 200 characters or fewer"
    max_length: int | None
    # Headings (lower case, single spaces) that most likely hold this field.
    headings: tuple[str, ...]


FULL_NAME = "full_name"
PREFERRED_NAME = "preferred_name"
KIND = "kind"
EMAIL = "email"
PHONE = "phone"
ORGANISATION = "organisation"
POSTAL_ADDRESS = "postal_address"

IMPORT_FIELDS = (
    ImportField(
        FULL_NAME, "Full name", 200, ("full name", "name", "fullname", "person", "contact name", "member name")
    ),
    ImportField(PREFERRED_NAME, "Preferred name", 100, ("preferred name", "known as", "nickname", "goes by")),
    ImportField(
        KIND,
        "How they are involved",
        None,
        (
            "how they are involved",
            "how are they involved",
            "how involved",
            "involvement",
            "kind",
            "type",
            "role",
            "category",
        ),
    ),
    ImportField(EMAIL, "Email address", 254, ("email address", "email", "e-mail", "e-mail address", "email addresses")),
    ImportField(
        PHONE,
        "Phone number",
        40,
        ("phone number", "phone", "telephone", "telephone number", "tel", "mobile", "mobile number", "contact number"),
    ),
    ImportField(
        ORGANISATION,
        "Organisation name",
        200,
        ("organisation name", "organisation", "organization", "organization name", "company", "employer"),
    ),
    ImportField(POSTAL_ADDRESS, "Postal address", None, ("postal address", "address", "home address", "post address")),
)
FIELD_BY_KEY = {import_field.key: import_field for import_field in IMPORT_FIELDS}

# What a spreadsheet may say for each kind: the words below, the code or the label, in any case.
KIND_WORDS = {
    "member": PersonKind.MEMBER,
    "carer": PersonKind.CARER,
    "ally": PersonKind.ALLY,
    "partner representative": PersonKind.PARTNER_REPRESENTATIVE,
    "staff": PersonKind.STAFF,
}
KINDS_BY_TEXT: dict[str, PersonKind] = {
    **{kind.value: kind for kind in PersonKind},
    **{kind.label.lower(): kind for kind in PersonKind},
    **KIND_WORDS,
}
KIND_LIST = ", ".join(KIND_WORDS)

FORMULA_PROBLEM = "Cells must not start with =, +, - or @ (this can run formulas in spreadsheets)"
# International phone numbers start with "+"; made only of these characters they cannot be a formula.
PLAIN_PHONE = re.compile(r"\+[0-9 ()-]+")
NON_DIGITS = re.compile(r"\D")
MIN_PHONE_DIGITS = 6


@dataclass(frozen=True)
class Problem:
    row: int  # as numbered in the spreadsheet: the first row of people is row 2
    column: str  # the spreadsheet's heading for the cell
    message: str


@dataclass(frozen=True)
class PersonRow:
    """One valid row, ready to become a Person."""

    full_name: str
    preferred_name: str
    kind: PersonKind
    email: str
    phone: str
    organisation: str
    postal_address: str


@dataclass
class ImportCheck:
    """What the dry run found: the people it would add, and every problem, in spreadsheet order."""

    rows_checked: int = 0
    blank_rows: int = 0
    people: list[PersonRow] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    rows_with_problems: int = 0
    # Organisation names not recorded yet, as first spelt in the file; they are added on import.
    new_organisations: list[str] = field(default_factory=list)

    @property
    def is_clean(self) -> bool:
        return not self.problems

    @property
    def problems_shown(self) -> list[Problem]:
        return self.problems[:PROBLEMS_SHOWN]

    @property
    def problems_not_shown(self) -> int:
        return max(len(self.problems) - PROBLEMS_SHOWN, 0)


def normalise_heading(heading: str) -> str:
    return " ".join(heading.lower().replace("_", " ").split())


def guess_mapping(headers: list[str]) -> dict[str, int | None]:
    """For each field, the first column whose heading is a likely name for it, else None."""
    headings = [normalise_heading(header) for header in headers]
    mapping: dict[str, int | None] = {}
    for import_field in IMPORT_FIELDS:
        names = (normalise_heading(import_field.label), *import_field.headings)
        mapping[import_field.key] = next(
            (index for name in names for index, heading in enumerate(headings) if heading == name), None
        )
    return mapping


def normalise_phone(phone: str) -> str:
    """The digits of a phone number, with +44 written as 0, for finding the same number written differently."""
    digits = NON_DIGITS.sub("", phone)
    if phone.lstrip().startswith("+44"):
        digits = "0" + digits[2:]
    if digits.startswith("00"):  # "+44 (0)1632 ..." written with its optional 0
        digits = digits[1:]
    return digits if len(digits) >= MIN_PHONE_DIGITS else ""


def heading_of(batch: PeopleImport, index: int) -> str:
    heading = batch.headers[index] if index < len(batch.headers) else ""
    return heading or f"Column {column_letter(index)}"


def check_people_import(batch: PeopleImport) -> ImportCheck:
    """Check every row of ``batch`` under its column mapping; write nothing.

    Makes three queries however long the file is: the emails and phone numbers already recorded,
    and the organisations.
    """
    existing_emails: dict[str, str] = {}
    for email, name in Person.objects.current().exclude(email="").values_list("email", "full_name"):
        existing_emails.setdefault(email.strip().lower(), name)
    existing_phones: dict[str, str] = {}
    for phone, name in Person.objects.current().exclude(phone="").values_list("phone", "full_name"):
        if number := normalise_phone(phone):
            existing_phones.setdefault(number, name)
    organisations = {name.lower() for name in Organisation.objects.values_list("name", flat=True)}

    mapping: dict[str, int | None] = {key: batch.mapping.get(key) for key in FIELD_BY_KEY}
    headings = {key: heading_of(batch, index) for key, index in mapping.items() if index is not None}
    emails_in_file: dict[str, int] = {}
    phones_in_file: dict[str, int] = {}
    new_organisations: dict[str, str] = {}
    result = ImportCheck()

    for row_number, cells in enumerate(batch.rows, start=2):
        values = {
            key: (cells[index].strip() if index is not None and index < len(cells) else "")
            for key, index in mapping.items()
        }
        if not any(values.values()):
            result.blank_rows += 1
            continue
        result.rows_checked += 1
        problems = list(_row_problems(values, headings, row_number))
        email, phone = values[EMAIL].lower(), normalise_phone(values[PHONE])
        if email and not _has_problem(problems, headings, EMAIL):
            if email in emails_in_file:
                problems.append(Problem(row_number, headings[EMAIL], f"Same email as row {emails_in_file[email]}"))
            else:
                emails_in_file[email] = row_number
            if email in existing_emails:
                problems.append(
                    Problem(
                        row_number,
                        headings[EMAIL],
                        f"Someone with this email is already recorded: {existing_emails[email]}",
                    )
                )
        if phone and not _has_problem(problems, headings, PHONE):
            if phone in phones_in_file:
                problems.append(
                    Problem(row_number, headings[PHONE], f"Same phone number as row {phones_in_file[phone]}")
                )
            else:
                phones_in_file[phone] = row_number
            if phone in existing_phones:
                problems.append(
                    Problem(
                        row_number,
                        headings[PHONE],
                        f"Someone with this phone number is already recorded: {existing_phones[phone]}",
                    )
                )
        if problems:
            result.problems += problems
            result.rows_with_problems += 1
            continue
        organisation = values[ORGANISATION]
        if organisation and organisation.lower() not in organisations:
            new_organisations.setdefault(organisation.lower(), organisation)
        result.people.append(
            PersonRow(
                full_name=values[FULL_NAME],
                preferred_name=values[PREFERRED_NAME],
                kind=KINDS_BY_TEXT[values[KIND].lower()],
                email=values[EMAIL],
                phone=values[PHONE],
                organisation=organisation,
                postal_address=values[POSTAL_ADDRESS],
            )
        )
    result.new_organisations = list(new_organisations.values())
    return result


def _has_problem(problems: list[Problem], headings: dict[str, str], key: str) -> bool:
    return any(problem.column == headings[key] for problem in problems)


REQUIRED = {
    FULL_NAME: "Enter a full name",
    KIND: f"Enter how they are involved. Use one of: {KIND_LIST}",
}


def _row_problems(values: dict[str, str], headings: dict[str, str], row: int) -> Iterator[Problem]:
    """The problems with one row's own cells, field by field (duplicates are found by the caller)."""
    for import_field in IMPORT_FIELDS:
        key, value = import_field.key, values[import_field.key]
        heading = headings.get(key, import_field.label)
        if not value:
            if key in REQUIRED:
                yield Problem(row, heading, REQUIRED[key])
        elif value.startswith(("=", "+", "-", "@")) and not (key == PHONE and PLAIN_PHONE.fullmatch(value)):
            yield Problem(row, heading, FORMULA_PROBLEM)
        elif import_field.max_length is not None and len(value) > import_field.max_length:
            yield Problem(row, heading, f"{import_field.label} must be {import_field.max_length} characters or fewer")
        elif key == EMAIL and not _is_email(value):
            yield Problem(row, heading, "Enter an email address in the correct format, like name@example.com")
        elif key == KIND and value.lower() not in KINDS_BY_TEXT:
            yield Problem(row, heading, f"'{value}' is not a way of being involved. Use one of: {KIND_LIST}")


def _is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True
