"""Bringing people in from a spreadsheet, and taking the people list out as one.

An import goes upload → column mapping → check (a dry run that lists every problem) → import. The
import writes nothing unless every row is right, and then writes every row in one transaction.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.people.models import ContactRoute, Organisation, PeopleImport, Person, PersonKind, PersonQuerySet
from coproduce.people.permissions import can_export_people, can_import_people
from coproduce.people.spreadsheets import column_letter, write_csv, write_xlsx

BATCH_SIZE = 1000
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


class ImportRefused(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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


def _contact_route(row: PersonRow) -> ContactRoute:
    if row.email:
        return ContactRoute.EMAIL
    if row.phone:
        return ContactRoute.PHONE
    if row.postal_address:
        return ContactRoute.POST
    return ContactRoute.EMAIL


@transaction.atomic
def import_people(batch: PeopleImport, *, by: User) -> int:
    """Add everyone in ``batch``, or no one. Returns how many people were added.

    Effects: checks the file again; if it has no problems, creates the organisations it names that
    are not recorded yet and a Person for every row (marked as recorded by ``by``), marks the batch
    imported (forgetting its rows, which now live in the people records) and records one audit
    event. Raises PermissionDenied if ``by`` may not import people, and ImportRefused if the batch
    was imported already or has problems.
    """
    if not can_import_people(by):
        raise PermissionDenied
    # Lock the batch so that two clicks on "Import" cannot both add everyone.
    batch = PeopleImport.objects.select_for_update().get(pk=batch.pk)
    if batch.status == PeopleImport.Status.IMPORTED:
        raise ImportRefused("This file has already been imported")
    check = check_people_import(batch)
    if not check.is_clean:
        raise ImportRefused("Fix these problems in your spreadsheet, then upload it again.")

    # Setting created_at here rather than leaving it to the database default keeps bulk_create fast:
    # a database default is compiled as an expression for every row.
    now = timezone.now()
    created = Organisation.objects.bulk_create(
        [Organisation(name=name, created_at=now) for name in check.new_organisations], batch_size=BATCH_SIZE
    )
    recorded_by_id = by.pk
    organisation_ids = {name.lower(): pk for name, pk in Organisation.objects.values_list("name", "pk")}
    people = [
        Person(
            full_name=row.full_name,
            preferred_name=row.preferred_name,
            kind=row.kind,
            email=row.email,
            phone=row.phone,
            postal_address=row.postal_address,
            organisation_id=organisation_ids[row.organisation.lower()] if row.organisation else None,
            contact_route=_contact_route(row),
            recorded_by_id=recorded_by_id,
            created_at=now,
        )
        for row in check.people
    ]
    Person.objects.bulk_create(people, batch_size=BATCH_SIZE)

    batch.status = PeopleImport.Status.IMPORTED
    batch.imported_count = len(people)
    batch.rows = []
    batch.save(update_fields=["status", "imported_count", "rows"])
    record_event(
        actor=by,
        action="people.imported",
        target=batch,
        payload={"count": len(people), "filename": batch.filename, "organisations_added": len(created)},
    )
    return len(people)


# --- Export --------------------------------------------------------------------

EXPORT_HEADERS = (
    "Full name",
    "Preferred name",
    "How involved",
    "Organisation",
    "Email address",
    "Phone number",
    "Contact route",
    "Can sign in",
)
EXPORT_CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@dataclass(frozen=True)
class ExportFile:
    filename: str
    content_type: str
    content: bytes


@transaction.atomic
def export_people(people: PersonQuerySet, *, file_format: str, by: User) -> ExportFile:
    """The people in ``people`` as a CSV or Excel file, with contact details but no special category data.

    Only the columns in EXPORT_HEADERS are read: never access needs, consents or equality answers.
    Every cell is neutralised so that a spreadsheet cannot run it as a formula.

    Effects: records an audit event (the format and how many people). Raises PermissionDenied if
    ``by`` may not export people.
    """
    if not can_export_people(by):
        raise PermissionDenied
    kinds = dict(PersonKind.choices)
    routes = dict(ContactRoute.choices)
    rows = [
        [
            full_name,
            preferred_name,
            str(kinds.get(kind, kind)),
            organisation or "",
            email,
            phone,
            str(routes.get(route, route)),
            "No" if user_id is None else "Yes",
        ]
        for full_name, preferred_name, kind, organisation, email, phone, route, user_id in people.values_list(
            "full_name", "preferred_name", "kind", "organisation__name", "email", "phone", "contact_route", "user_id"
        )
    ]
    if file_format == "xlsx":
        content = write_xlsx(EXPORT_HEADERS, rows, title="People")
    else:
        file_format = "csv"
        content = write_csv(EXPORT_HEADERS, rows)
    record_event(actor=by, action="people.exported", payload={"format": file_format, "count": len(rows)})
    return ExportFile(
        filename=f"coproduce-people-{timezone.localdate().isoformat()}.{file_format}",
        content_type=EXPORT_CONTENT_TYPES[file_format],
        content=content,
    )
