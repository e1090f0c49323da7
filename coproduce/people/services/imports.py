"""Bringing people in from a spreadsheet: all the rows, or none.

An import goes upload → column mapping → check (a dry run that lists every problem, in
``coproduce.people.services.import_check``) → import. The import writes nothing unless every row is
right, and then writes every row in one transaction.
"""

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.people.models import ContactRoute, Organisation, PeopleImport, Person
from coproduce.people.permissions import can_import_people
from coproduce.people.services.import_check import PersonRow, check_people_import
from coproduce.refusals import Refused

BATCH_SIZE = 1000


class ImportRefused(Refused):
    """An import that cannot go ahead: the file was imported already, or it has problems."""


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
    require(can_import_people(by))
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
