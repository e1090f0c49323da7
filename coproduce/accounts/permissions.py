"""Role predicates that other apps' permissions build on."""

import rules

from coproduce.accounts.models import STAFF_ROLES, Role, User


@rules.predicate
def is_signed_in(user: User) -> bool:
    return bool(user.is_authenticated and user.is_active)


@rules.predicate
def is_coordinator(user: User) -> bool:
    """Coordinators and admins run the day-to-day work of co-production."""
    return is_signed_in(user) and user.role in {Role.COORDINATOR, Role.ADMIN}


@rules.predicate
def is_admin(user: User) -> bool:
    """Admins (trustees) also set organisation-wide things such as the charter and rate cards."""
    return is_signed_in(user) and user.role == Role.ADMIN


@rules.predicate
def is_partner(user: User) -> bool:
    return is_signed_in(user) and user.role == Role.PARTNER


@rules.predicate
def is_data_lead(user: User) -> bool:
    return is_signed_in(user) and user.role == Role.DATA_LEAD


@rules.predicate
def is_staff_role(user: User) -> bool:
    """Coordinators, data leads and admins."""
    return is_signed_in(user) and user.role in STAFF_ROLES
