"""Who may see representation and load reference figures."""

import rules

from coproduce.accounts.permissions import is_admin, is_data_lead

# Only the data lead sees representation by equality group (issue 8): not coordinators, not admins.
can_view_representation = is_data_lead
# The data lead records what will be done about a gap.
can_record_outreach = is_data_lead
# The data lead and admins load local reference figures (for example a local authority's).
can_load_reference_figures = is_data_lead | is_admin

rules.add_perm("analytics.view_representation", can_view_representation)
rules.add_perm("analytics.record_outreach", can_record_outreach)
rules.add_perm("analytics.load_reference_figures", can_load_reference_figures)
