"""Who may see representation and load reference figures."""

import rules

from coproduce.accounts.permissions import is_admin, is_coordinator, is_data_lead, is_signed_in

# Only the data lead sees representation by equality group (issue 8): not coordinators, not admins.
can_view_representation = is_data_lead
# The data lead records what will be done about a gap.
can_record_outreach = is_data_lead
# The data lead and admins load local reference figures (for example a local authority's).
can_load_reference_figures = is_data_lead | is_admin

rules.add_perm("analytics.view_representation", can_view_representation)
rules.add_perm("analytics.record_outreach", can_record_outreach)
rules.add_perm("analytics.load_reference_figures", can_load_reference_figures)


# The dashboard is for everyone signed in (issue 8: for the organisation, partners and every person who
# contributed): its figures are aggregates under disclosure control. Each person can narrow it to the
# projects they can see (all of them for staff roles, their own for everyone else).
can_view_dashboard = is_signed_in
# Asking for the figures to be worked out again puts load on the worker: coordinators and the data lead.
can_refresh_indicators = is_coordinator | is_data_lead

# The data lead and trustees (admins) read the health of the model across the organisation: their home
# page says it in the dashboard's one sentence.
can_read_organisation_health = is_data_lead | is_admin

rules.add_perm("analytics.view_dashboard", can_view_dashboard)
rules.add_perm("analytics.refresh_indicators", can_refresh_indicators)
