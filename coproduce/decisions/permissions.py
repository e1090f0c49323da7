"""Who may run groups, put and answer proposals, publish decisions and see or answer concerns."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in
from coproduce.decisions.conf import members_can_propose
from coproduce.decisions.models import Decision, ProjectGroup, Proposal
from coproduce.people.permissions import has_own_record
from coproduce.projects.models import Project, ProjectRole
from coproduce.projects.permissions import can_view_project

LEAD_ROLES = (ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD)


@rules.predicate
def leads_project(user: User, project: Project | None) -> bool:
    return project is not None and project.memberships.filter(person__user=user, role__in=LEAD_ROLES).exists()


@rules.predicate
def leads_group_project(user: User, group: ProjectGroup | None) -> bool:
    return group is not None and leads_project(user, group.project)


@rules.predicate
def sits_in_group(user: User, group: ProjectGroup | None) -> bool:
    return group is not None and group.members.filter(person__user=user).exists()


@rules.predicate
def may_see_group_project(user: User, group: ProjectGroup | None) -> bool:
    return group is not None and can_view_project(user, group.project)


@rules.predicate
def group_lets_members_propose(user: User, group: ProjectGroup | None) -> bool:
    return group is not None and group.members_can_propose and members_can_propose()


@rules.predicate
def sits_in_proposal_group(user: User, proposal: Proposal | None) -> bool:
    return proposal is not None and sits_in_group(user, proposal.group)


@rules.predicate
def may_see_proposal_group(user: User, proposal: Proposal | None) -> bool:
    return proposal is not None and (may_see_group_project(user, proposal.group) or sits_in_group(user, proposal.group))


@rules.predicate
def leads_proposal_project(user: User, proposal: Proposal | None) -> bool:
    return proposal is not None and leads_project(user, proposal.group.project)


@rules.predicate
def leads_decision_project(user: User, decision: Decision | None) -> bool:
    return decision is not None and leads_project(user, decision.project)


@rules.predicate
def may_see_decision_project(user: User, decision: Decision | None) -> bool:
    return decision is not None and can_view_project(user, decision.project)


@rules.predicate
def is_published(user: User, decision: Decision | None) -> bool:
    return decision is not None and decision.is_published


# Coordinators and the project's leads (co-lead, staff lead) run its groups and its register.
can_manage_decisions = is_coordinator | (is_signed_in & leads_project)
can_manage_group = is_coordinator | (is_signed_in & leads_group_project)
can_view_register = is_signed_in
can_view_project_decisions = can_view_project
can_view_group = can_manage_group | may_see_group_project | (is_signed_in & sits_in_group)
# Ground rules belong to the group: its members change them, as do those who run it.
can_edit_ground_rules = can_manage_group | (is_signed_in & sits_in_group)
can_propose = can_manage_group | (is_signed_in & sits_in_group & group_lets_members_propose)
can_view_proposal = is_signed_in & (is_coordinator | leads_proposal_project | may_see_proposal_group)
# Only the group's members respond; a coordinator records a response given by phone, on paper or at a meeting.
can_respond = is_signed_in & has_own_record & sits_in_proposal_group
can_record_response = is_coordinator & rules.always_allow  # takes (user, proposal), like the others
can_extend_proposal = is_coordinator | (is_signed_in & leads_proposal_project)
can_view_decision = is_signed_in & (is_coordinator | leads_decision_project | (may_see_decision_project & is_published))
can_edit_decision = is_coordinator | (is_signed_in & leads_decision_project)
can_publish_decision = can_edit_decision
can_raise_concern = is_signed_in & has_own_record
# Coordinators and admins see and answer every concern: about a project, a person or the organisation.
# Nobody else does, so a concern about a person is never shown to that person by being about them.
can_handle_concerns = is_coordinator
can_propose_agenda_item = can_manage_group | (is_signed_in & sits_in_group)
can_manage_agenda = can_manage_group

rules.add_perm("decisions.manage_decisions", can_manage_decisions)
rules.add_perm("decisions.manage_group", can_manage_group)
rules.add_perm("decisions.view_register", can_view_register)
rules.add_perm("decisions.view_group", can_view_group)
rules.add_perm("decisions.edit_ground_rules", can_edit_ground_rules)
rules.add_perm("decisions.propose", can_propose)
rules.add_perm("decisions.view_proposal", can_view_proposal)
rules.add_perm("decisions.respond", can_respond)
rules.add_perm("decisions.record_response", can_record_response)
rules.add_perm("decisions.extend_proposal", can_extend_proposal)
rules.add_perm("decisions.view_decision", can_view_decision)
rules.add_perm("decisions.edit_decision", can_edit_decision)
rules.add_perm("decisions.publish_decision", can_publish_decision)
rules.add_perm("decisions.raise_concern", can_raise_concern)
rules.add_perm("decisions.handle_concerns", can_handle_concerns)
rules.add_perm("decisions.propose_agenda_item", can_propose_agenda_item)
rules.add_perm("decisions.manage_agenda", can_manage_agenda)
