"""Who may read reports, write their narratives, publish "You said, we did" and send digests."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator, is_data_lead, is_signed_in
from coproduce.projects.models import Project, ProjectRole

LEAD_ROLES = (ProjectRole.STAFF_LEAD, ProjectRole.CO_LEAD)


@rules.predicate
def leads_project(user: User, project: Project | None) -> bool:
    return project is not None and project.memberships.filter(person__user=user, role__in=LEAD_ROLES).exists()


# The organisation report: coordinators, admins and the data lead.
can_view_organisation_report = is_coordinator | is_data_lead
can_write_organisation_narrative = is_coordinator
# A project's report: those, and the project's leads (a lived-experience co-lead too).
can_view_project_report = is_coordinator | is_data_lead | (is_signed_in & leads_project)
can_write_project_narrative = is_coordinator | (is_signed_in & leads_project)
# The public "You said, we did" page: a lead of the project (or a coordinator) publishes it.
can_publish_you_said_we_did = is_coordinator | (is_signed_in & leads_project)
can_send_digests = is_coordinator

rules.add_perm("reports.view_organisation_report", can_view_organisation_report)
rules.add_perm("reports.write_organisation_narrative", can_write_organisation_narrative)
rules.add_perm("reports.view_project_report", can_view_project_report)
rules.add_perm("reports.write_project_narrative", can_write_project_narrative)
rules.add_perm("reports.publish_you_said_we_did", can_publish_you_said_we_did)
rules.add_perm("reports.send_digests", can_send_digests)
