"""Adding a person: who may do it, what gets written, and what the audit trail keeps."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import Role, User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import Person, PersonKind
from coproduce.people.services.directory import add_person


def new_person(**fields: str) -> Person:
    values = {
        "full_name": "Ruth Evans",
        "preferred_name": "Ruth",
        "kind": PersonKind.CARER,
        "email": "ruth.evans@example.org",
        "phone": "01632 960001",
    }
    values.update(fields)
    return Person(**values)


def test_add_person_without_sign_in_saves_the_person_recorded_by_the_coordinator(amina: User) -> None:
    users_before = User.objects.count()

    person = add_person(new_person(), by=amina, sign_in_role=None)

    person.refresh_from_db()
    assert person.full_name == "Ruth Evans"
    assert person.kind == PersonKind.CARER
    assert person.user is None
    assert person.recorded_by == amina
    assert User.objects.count() == users_before


def test_add_person_without_sign_in_records_an_audit_event_with_kind_and_no_role(amina: User) -> None:
    person = add_person(new_person(), by=amina, sign_in_role=None)

    event = AuditEvent.objects.get(action="people.person_added")
    assert event.actor == amina
    assert event.target_type == "people.person"
    assert event.target_id == str(person.pk)
    assert event.payload == {"kind": "carer", "sign_in_role": ""}


def test_add_person_audit_payload_holds_no_name_or_contact_details(amina: User) -> None:
    add_person(new_person(), by=amina, sign_in_role=Role.MEMBER)

    payload_text = json.dumps(AuditEvent.objects.get(action="people.person_added").payload)
    assert "Ruth" not in payload_text
    assert "Evans" not in payload_text
    assert "ruth.evans@example.org" not in payload_text
    assert "01632" not in payload_text


def test_add_person_with_sign_in_role_creates_a_user_with_that_role_and_the_persons_email(amina: User) -> None:
    person = add_person(new_person(email="Ruth.Evans@Example.org"), by=amina, sign_in_role=Role.ALLY)

    person.refresh_from_db()
    assert person.user is not None
    assert person.user.email == "ruth.evans@example.org"
    assert person.user.role == Role.ALLY
    assert person.recorded_by == amina


def test_add_person_with_sign_in_role_gives_the_user_no_usable_password(amina: User) -> None:
    person = add_person(new_person(), by=amina, sign_in_role=Role.MEMBER)

    assert person.user is not None
    user = User.objects.get(pk=person.user.pk)
    assert user.has_usable_password() is False


def test_add_person_with_sign_in_role_records_the_role_in_the_audit_event(amina: User) -> None:
    add_person(new_person(), by=amina, sign_in_role=Role.PARTNER)

    event = AuditEvent.objects.get(action="people.person_added")
    assert event.payload == {"kind": "carer", "sign_in_role": "partner"}


def test_add_person_by_an_admin_is_allowed(morgan: User) -> None:
    person = add_person(new_person(), by=morgan, sign_in_role=Role.COORDINATOR)

    assert person.recorded_by == morgan
    assert person.user is not None
    assert person.user.role == Role.COORDINATOR


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_add_person_by_someone_who_is_not_a_coordinator_is_refused_and_writes_nothing(
    request: pytest.FixtureRequest, persona: str
) -> None:
    by = request.getfixturevalue(persona)
    counts_before = (Person.objects.count(), User.objects.count(), AuditEvent.objects.count())

    with pytest.raises(PermissionDenied):
        add_person(new_person(), by=by, sign_in_role=Role.MEMBER)

    assert (Person.objects.count(), User.objects.count(), AuditEvent.objects.count()) == counts_before
    assert Person.objects.filter(full_name="Ruth Evans").exists() is False
    assert User.objects.filter(email="ruth.evans@example.org").exists() is False
