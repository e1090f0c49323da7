"""Who may see reviews, take part in them, record answers given by phone, close them and rate the standards."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_data_lead, is_signed_in, is_staff_role
from coproduce.projects.models import Membership, ProjectRole
from coproduce.reviews.models import Review

LEAD_ROLES = (ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD)


@rules.predicate
def leads_review_project(user: User, review: Review | None) -> bool:
    return (
        review is not None
        and review.project_id is not None
        and Membership.objects.filter(project_id=review.project_id, person__user=user, role__in=LEAD_ROLES).exists()
    )


@rules.predicate
def may_take_part_in(user: User, review: Review | None) -> bool:
    """A project review: anyone in the project group. The annual review: anyone in a project group, and staff."""
    if review is None:
        return False
    if review.project_id is None:
        return is_staff_role(user) or Membership.objects.filter(person__user=user).exists()
    return Membership.objects.filter(project_id=review.project_id, person__user=user).exists()


# Coordinators (and admins) run reviews; the project's leads hold their project's reviews with them.
can_manage_reviews = is_coordinator
# Everyone signed in has a list: the reviews they may take part in or hold (often none).
can_view_reviews = is_signed_in
# The data lead reads every review too: only they see which groups are missing.
can_view_review = is_coordinator | is_data_lead | (is_signed_in & leads_review_project)
can_take_part = is_signed_in & may_take_part_in
can_close_review = is_coordinator | (is_signed_in & leads_review_project)
# Recording answers given by phone, and the annual review's standards, are for coordinators and admins.
can_record_for_someone = is_coordinator
can_rate_standards = is_coordinator

rules.add_perm("reviews.manage", can_manage_reviews)
rules.add_perm("reviews.view_list", can_view_reviews)
rules.add_perm("reviews.view", can_view_review)
rules.add_perm("reviews.take_part", can_take_part)
rules.add_perm("reviews.close", can_close_review)
rules.add_perm("reviews.record_for_someone", can_record_for_someone)
rules.add_perm("reviews.rate_standards", can_rate_standards)
