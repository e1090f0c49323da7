"""Who may see activities, register for them, and run them."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in, is_staff_role
from coproduce.involvement.models import Activity, Registration
from coproduce.people.permissions import has_own_record


@rules.predicate
def is_open_activity(user: User, activity: Activity | None) -> bool:
    return activity is not None and activity.is_open


@rules.predicate
def belongs_to_activity_project(user: User, activity: Activity | None) -> bool:
    return activity is not None and activity.project.memberships.filter(person__user=user).exists()


@rules.predicate
def has_registration_for(user: User, activity: Activity | None) -> bool:
    return activity is not None and activity.registrations.filter(person__user=user).exists()


@rules.predicate
def owns_registration(user: User, registration: Registration | None) -> bool:
    return (
        registration is not None and registration.person.user_id is not None and registration.person.user_id == user.pk
    )


# Coordinators (and admins) plan activities, see rosters with access needs, and record attendance.
can_manage_activities = is_coordinator
# An open activity is public, so that new people can find it. Before it opens, or after it closes,
# only staff, the project group and the people who registered see it.
can_view_activity = (
    is_open_activity | is_staff_role | (is_signed_in & (belongs_to_activity_project | has_registration_for))
)
# Anyone signed in who has a record of their own; whether registration is open is checked by the service.
can_register = is_signed_in & has_own_record
# A person withdraws their own registration; a coordinator does it for someone who asks by phone.
can_withdraw_registration = (is_signed_in & owns_registration) | is_coordinator

rules.add_perm("involvement.manage_activities", can_manage_activities)
rules.add_perm("involvement.view_activity", can_view_activity)
rules.add_perm("involvement.register", can_register)
rules.add_perm("involvement.withdraw_registration", can_withdraw_registration)
