"""Who may see, propose, create, assess and move projects."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_signed_in, is_staff_role
from coproduce.people.permissions import has_own_record
from coproduce.projects.models import Project, ProjectRole


@rules.predicate
def belongs_to_project(user: User, project: Project | None) -> bool:
    return project is not None and project.memberships.filter(person__user=user).exists()


@rules.predicate
def is_co_lead_of(user: User, project: Project | None) -> bool:
    return project is not None and project.memberships.filter(person__user=user, role=ProjectRole.CO_LEAD).exists()


can_list_projects = is_signed_in
can_create_project = is_coordinator
can_view_project = is_staff_role | (is_signed_in & belongs_to_project)
# Sharing power (value 3): a lived-experience co-lead can move their project on, as a coordinator can.
can_advance_project = is_coordinator | (is_signed_in & is_co_lead_of)
# Anyone with a record of their own may suggest a project and follow what happens to their ideas.
can_propose_project = is_signed_in & has_own_record
can_decide_intake = is_coordinator
# The co-lead shapes where co-production happens in their project, alongside coordinators (step 4).
can_assess_project = is_coordinator | (is_signed_in & is_co_lead_of)
can_approve_design = is_coordinator
can_manage_project_group = is_coordinator

rules.add_perm("projects.list_projects", can_list_projects)
rules.add_perm("projects.add_project", can_create_project)
rules.add_perm("projects.view_project", can_view_project)
rules.add_perm("projects.advance_project", can_advance_project)
rules.add_perm("projects.propose_project", can_propose_project)
rules.add_perm("projects.decide_intake", can_decide_intake)
rules.add_perm("projects.assess_project", can_assess_project)
rules.add_perm("projects.approve_design", can_approve_design)
rules.add_perm("projects.manage_project_group", can_manage_project_group)
