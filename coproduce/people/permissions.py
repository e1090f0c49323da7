"""Who may see and change people's records, access needs and consents."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_partner, is_signed_in
from coproduce.people.models import Organisation, Person


@rules.predicate
def is_self(user: User, person: Person | None) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


@rules.predicate
def same_organisation(user: User, person: Person | None) -> bool:
    if person is None or person.organisation_id is None:
        return False
    return Person.objects.filter(user=user, organisation_id=person.organisation_id).exists()


@rules.predicate
def represents_organisation(user: User, organisation: Organisation | None) -> bool:
    return organisation is not None and Person.objects.filter(user=user, organisation_id=organisation.pk).exists()


@rules.predicate
def has_own_record(user: User) -> bool:
    # Through the relation rather than a fresh query, so the page layout's later use of
    # ``user.person`` costs nothing more.
    try:
        return user.person is not None
    except Person.DoesNotExist:
        return False


# The directory: coordinators see everyone, partner representatives their organisation's people
# (Person.objects.visible_to applies the same rule to lists).
can_list_people = is_coordinator | is_partner
can_add_person = is_coordinator
can_view_person = is_coordinator | (is_signed_in & is_self) | (is_partner & same_organisation)
can_export_people = is_coordinator
# An organisation's page: coordinators see every one, a partner representative their own.
can_view_organisation = is_coordinator | (is_partner & represents_organisation)
can_import_people = is_coordinator
can_review_retention = is_coordinator

# Access needs are shared only with the person and with the coordinators who arrange support.
can_view_access_needs = (is_signed_in & is_self) | is_coordinator
# A coordinator acts for someone who asks by phone or letter: records access needs (with their
# agreement) and consent, and carries out requests to download or delete their data.
can_act_for_person = is_coordinator
# "Your details" pages: anyone signed in who has a record of their own.
can_manage_own_details = is_signed_in & has_own_record

rules.add_perm("people.list_people", can_list_people)
rules.add_perm("people.add_person", can_add_person)
rules.add_perm("people.view_person", can_view_person)
rules.add_perm("people.view_organisation", can_view_organisation)
