"""Taking the people list out as a spreadsheet: contact details, never special category data."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.people.models import ContactRoute, PersonKind, PersonQuerySet
from coproduce.people.permissions import can_export_people
from coproduce.people.spreadsheets import write_csv, write_xlsx

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
    require(can_export_people(by))
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
