"""Who may handle requests for pages in other formats, and who may see their own."""

import rules

from coproduce.accounts.permissions import is_coordinator, is_signed_in
from coproduce.people.permissions import has_own_record

# Anyone, signed in or not, may ask for a page in another format (the view needs no permission).
# Coordinators (and admins) handle the requests.
can_manage_format_requests = is_coordinator
# A signed-in person with a record of their own sees what they asked for.
can_see_own_format_requests = is_signed_in & has_own_record

rules.add_perm("communications.manage_format_requests", can_manage_format_requests)
rules.add_perm("communications.see_own_format_requests", can_see_own_format_requests)
