"""Who may answer equality monitoring and see the answers: only the person themselves.

Staff (coordinators, admins, the data lead) never see one person's answers: there is no page for
it, and no rule here that lets them. The data lead will see totals only, under disclosure control.
"""

import rules

from coproduce.accounts.permissions import is_signed_in
from coproduce.people.permissions import can_manage_own_details, is_self

# The equality pages under /you/: anyone signed in who has a record of their own.
can_use_equality_monitoring = can_manage_own_details
# Answers are given, read and withdrawn by the person themselves, never by someone acting for them.
can_record_equality_answers = is_signed_in & is_self
can_view_equality_answers = is_signed_in & is_self
can_withdraw_equality_consent = is_signed_in & is_self

rules.add_perm("equality.use_equality_monitoring", can_use_equality_monitoring)
rules.add_perm("equality.record_equality_answers", can_record_equality_answers)
rules.add_perm("equality.view_equality_answers", can_view_equality_answers)
rules.add_perm("equality.withdraw_equality_consent", can_withdraw_equality_consent)
