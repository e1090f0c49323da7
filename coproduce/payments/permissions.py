"""Who may see and change payments: rate cards, offers, claims, receipts and statements."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_admin, is_coordinator, is_signed_in
from coproduce.involvement.models import Attendance
from coproduce.payments.models import Claim, ExpenseItem, PaymentOffer
from coproduce.people.models import Person


def _is_theirs(user: User, person: Person | None) -> bool:
    return person is not None and person.user_id is not None and person.user_id == user.pk


@rules.predicate
def owns_attendance(user: User, attendance: Attendance | None) -> bool:
    return attendance is not None and _is_theirs(user, attendance.person)


@rules.predicate
def owns_offer(user: User, offer: PaymentOffer | None) -> bool:
    return offer is not None and _is_theirs(user, offer.attendance.person)


@rules.predicate
def owns_claim(user: User, claim: Claim | None) -> bool:
    return claim is not None and _is_theirs(user, claim.attendance.person)


@rules.predicate
def owns_expense(user: User, item: ExpenseItem | None) -> bool:
    return item is not None and _is_theirs(user, item.claim.attendance.person)


@rules.predicate
def is_person(user: User, person: Person | None) -> bool:
    return _is_theirs(user, person)


# Coordinators (and admins) make offers, approve claims, mark them paid and export for finance.
can_manage_payments = is_coordinator
# Admins decide what the organisation pays; coordinators can read the cards.
can_manage_rate_cards = is_admin
can_view_rate_cards = is_coordinator
# A person answers their own offer; a coordinator records the answer for someone who phones.
can_decide_offer = (is_signed_in & owns_offer) | is_coordinator
can_claim = (is_signed_in & owns_attendance) | is_coordinator
can_view_claim = (is_signed_in & owns_claim) | is_coordinator
can_view_receipt = (is_signed_in & owns_expense) | is_coordinator
can_view_statement = (is_signed_in & is_person) | is_coordinator
can_see_own_payments = is_signed_in

rules.add_perm("payments.manage_payments", can_manage_payments)
rules.add_perm("payments.manage_rate_cards", can_manage_rate_cards)
rules.add_perm("payments.view_rate_cards", can_view_rate_cards)
rules.add_perm("payments.decide_offer", can_decide_offer)
rules.add_perm("payments.claim", can_claim)
rules.add_perm("payments.view_claim", can_view_claim)
rules.add_perm("payments.view_receipt", can_view_receipt)
rules.add_perm("payments.view_statement", can_view_statement)
