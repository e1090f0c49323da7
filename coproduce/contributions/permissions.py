"""Who may record contributions, answer them, thank people and download their letters and certificates."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in
from coproduce.contributions.models import Contribution
from coproduce.involvement.models import Attendance
from coproduce.people.permissions import has_own_record
from coproduce.projects.models import Membership, ProjectRole

LEAD_ROLES = (ProjectRole.STAFF_LEAD, ProjectRole.CO_LEAD)


@rules.predicate
def leads_a_project(user: User) -> bool:
    return Membership.objects.filter(person__user=user, role__in=LEAD_ROLES).exists()


@rules.predicate
def leads_contribution_project(user: User, contribution: Contribution | None) -> bool:
    return (
        contribution is not None
        and Membership.objects.filter(
            project_id=contribution.project_id, person__user=user, role__in=LEAD_ROLES
        ).exists()
    )


@rules.predicate
def is_own_contribution(user: User, contribution: Contribution | None) -> bool:
    return (
        contribution is not None and contribution.person.user_id is not None and contribution.person.user_id == user.pk
    )


@rules.predicate
def is_own_attendance(user: User, attendance: Attendance | None) -> bool:
    return attendance is not None and attendance.person.user_id is not None and attendance.person.user_id == user.pk


# Coordinators record what people said at an activity, from the workshop notes, and thank them.
can_record_for_others = is_coordinator
can_thank = is_coordinator
# Anyone with a record of their own records their own contributions; the service checks that they
# belong to the project or took part in the activity.
can_record_own = is_signed_in & has_own_record
# The project's leads (staff lead and lived-experience co-lead) and coordinators answer. Nobody
# answers their own contribution: the answer must come from someone else.
can_respond = (is_coordinator | (is_signed_in & leads_contribution_project)) & ~is_own_contribution
can_view_overdue = is_coordinator | (is_signed_in & leads_a_project)
# A thank-you letter or certificate is for the person; coordinators make and send them.
can_download_thanks = is_coordinator | (is_signed_in & is_own_attendance)

rules.add_perm("contributions.record_for_others", can_record_for_others)
rules.add_perm("contributions.record_own", can_record_own)
rules.add_perm("contributions.respond", can_respond)
rules.add_perm("contributions.view_overdue", can_view_overdue)
rules.add_perm("contributions.thank", can_thank)
rules.add_perm("contributions.download_thanks", can_download_thanks)
