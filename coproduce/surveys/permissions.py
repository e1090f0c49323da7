"""Who may open survey rounds, answer them, record answers by phone and read the results."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in
from coproduce.projects.models import ProjectRole
from coproduce.surveys.models import SurveyRound

LEAD_ROLES = (ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD)


@rules.predicate
def took_part_in_round(user: User, survey_round: SurveyRound | None) -> bool:
    """Attended the activity, or sits in the group, that the round is about."""
    if survey_round is None:
        return False
    if survey_round.activity_id is not None:
        return survey_round.activity.attendances.filter(person__user=user).exists()  # type: ignore[union-attr]
    return survey_round.group.members.filter(person__user=user).exists()  # type: ignore[union-attr]


@rules.predicate
def leads_round_project(user: User, survey_round: SurveyRound | None) -> bool:
    return (
        survey_round is not None
        and survey_round.project.memberships.filter(person__user=user, role__in=LEAD_ROLES).exists()
    )


# Coordinators (and admins) open rounds, see who is due one, and record answers given by phone.
can_manage_surveys = is_coordinator
# Only the people who took part answer; whether the round is open is checked by the service.
can_answer_round = is_signed_in & took_part_in_round
# The results (through disclosure control) are for coordinators and the project's leads.
can_view_summary = is_coordinator | (is_signed_in & leads_round_project)

rules.add_perm("surveys.manage", can_manage_surveys)
rules.add_perm("surveys.answer", can_answer_round)
rules.add_perm("surveys.view_summary", can_view_summary)
