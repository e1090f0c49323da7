"""Who may see and add people."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in
from coproduce.people.models import Person


@rules.predicate
def is_self(user: User, person: Person | None) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


can_list_people = is_coordinator
can_add_person = is_coordinator
can_view_person = is_coordinator | (is_signed_in & is_self)

rules.add_perm("people.list_people", can_list_people)
rules.add_perm("people.add_person", can_add_person)
rules.add_perm("people.view_person", can_view_person)
