"""Adding people."""

from django.db import transaction

from coproduce.accounts.models import Role, User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.people.models import Person
from coproduce.people.permissions import can_add_person


@transaction.atomic
def add_person(person: Person, *, by: User, sign_in_role: Role | None) -> Person:
    """Save a new person recorded by ``by``, with a sign-in if ``sign_in_role`` is given.

    Effects: creates the Person (marked as recorded by ``by``), creates a User that signs in by
    emailed link when a role is given, records an audit event. Raises PermissionDenied if ``by``
    may not add people.
    """
    require(can_add_person(by))
    if sign_in_role is not None:
        person.user = User.objects.create_user(person.email, role=sign_in_role)
    person.recorded_by = by
    person.save()
    record_event(
        actor=by,
        action="people.person_added",
        target=person,
        payload={"kind": person.kind, "sign_in_role": sign_in_role or ""},
    )
    return person


@transaction.atomic
def confirm_person(person: Person, *, by: User) -> Person:
    """Confirm someone who registered interest without an account, so they count as involved.

    Effects: clears ``awaiting_confirmation`` and records an audit event. Raises PermissionDenied if
    ``by`` may not add people. Confirming someone already confirmed changes nothing.
    """
    require(can_add_person(by))
    locked = Person.objects.select_for_update().get(pk=person.pk)
    if locked.awaiting_confirmation:
        locked.awaiting_confirmation = False
        locked.save(update_fields=["awaiting_confirmation"])
        record_event(actor=by, action="people.person_confirmed", target=locked)
    return locked
