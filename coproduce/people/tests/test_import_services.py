"""Importing a checked spreadsheet of people, all or nothing (coproduce/people/services/imports.py)."""

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import ContactRoute, Organisation, PeopleImport, Person
from coproduce.people.services.imports import (
    ImportRefused,
    import_people,
)
from coproduce.people.tests.import_batches import make_batch, row

# --- The import ----------------------------------------------------------------


def test_import_people_adds_everyone_recorded_by_the_coordinator(amina: User, priya: User) -> None:
    batch = make_batch(
        amina,
        row("Ruth Evans", known_as="Ruth", kind="carer", email="ruth@example.org", phone="01632 960001"),
        row("Kwame Mensah", kind="partner representative", phone="01632 960002", organisation="RIVERSIDE COUNCIL"),
        row("Ada Obi", kind="member", address="1 High Street", organisation="Hillside Trust"),
        row("Li Wei", kind="ally"),
    )

    count = import_people(batch, by=amina)

    assert count == 4
    ruth, kwame, ada, li = (
        Person.objects.get(full_name=name) for name in ("Ruth Evans", "Kwame Mensah", "Ada Obi", "Li Wei")
    )
    assert (ruth.preferred_name, ruth.kind, ruth.email, ruth.phone) == (
        "Ruth",
        "carer",
        "ruth@example.org",
        "01632 960001",
    )
    assert ruth.contact_route == ContactRoute.EMAIL
    assert kwame.organisation == priya.person.organisation
    assert kwame.contact_route == ContactRoute.PHONE
    assert ada.organisation is not None
    assert ada.organisation.name == "Hillside Trust"
    assert (ada.postal_address, ada.contact_route) == ("1 High Street", ContactRoute.POST)
    assert li.contact_route == ContactRoute.EMAIL
    assert {person.recorded_by for person in (ruth, kwame, ada, li)} == {amina}
    assert all(person.user is None for person in (ruth, kwame, ada, li))
    assert Organisation.objects.count() == 2


def test_import_people_marks_the_batch_imported_and_forgets_its_rows(amina: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"), row("Kwame Mensah"))

    import_people(batch, by=amina)

    batch.refresh_from_db()
    assert batch.status == PeopleImport.Status.IMPORTED
    assert batch.imported_count == 2
    assert batch.rows == []


def test_import_people_records_one_audit_event_without_personal_details(amina: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"), row("Kwame Mensah", organisation="Hillside Trust"))

    import_people(batch, by=amina)

    event = AuditEvent.objects.get()
    assert event.action == "people.imported"
    assert event.actor == amina
    assert event.target_type == "people.peopleimport"
    assert event.target_id == str(batch.pk)
    assert event.payload == {"count": 2, "filename": "members.csv", "organisations_added": 1}


def test_import_people_writes_nothing_while_there_are_problems(amina: User) -> None:
    batch = make_batch(amina, row("Ruth Evans", organisation="Hillside Trust"), row("", kind="volunteer"))
    people_before = Person.objects.count()

    with pytest.raises(ImportRefused) as refused:
        import_people(batch, by=amina)

    assert refused.value.message == "Fix these problems in your spreadsheet, then upload it again."
    assert Person.objects.count() == people_before
    assert Organisation.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    batch.refresh_from_db()
    assert batch.status == PeopleImport.Status.UPLOADED


def test_import_people_refuses_to_import_a_file_twice(amina: User, morgan: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"))
    import_people(batch, by=amina)

    with pytest.raises(ImportRefused) as refused:
        import_people(batch, by=morgan)

    assert refused.value.message == "This file has already been imported"
    assert Person.objects.filter(full_name="Ruth Evans").count() == 1
    assert AuditEvent.objects.filter(action="people.imported").count() == 1


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_import_people_refuses_anyone_but_coordinators_and_admins(
    request: pytest.FixtureRequest, amina: User, persona: str
) -> None:
    user = request.getfixturevalue(persona)
    batch = make_batch(amina, row("Ruth Evans"))

    with pytest.raises(PermissionDenied):
        import_people(batch, by=user)

    assert not Person.objects.filter(full_name="Ruth Evans").exists()


def test_import_people_lets_an_admin_carry_on_a_coordinators_import(amina: User, morgan: User) -> None:
    batch = make_batch(amina, row("Ruth Evans"))

    count = import_people(batch, by=morgan)

    assert count == 1
    assert Person.objects.get(full_name="Ruth Evans").recorded_by == morgan
