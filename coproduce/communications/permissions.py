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

# Messages sent to people: coordinators (and admins) see them all, retry failures, print the post batch
# and make the calls.
can_manage_messages = is_coordinator
# "How we contact you": a signed-in person with a record of their own.
can_set_own_contact_preferences = is_signed_in & has_own_record
# A coordinator records contact preferences on a person's behalf (they asked by phone or letter).
can_set_contact_preferences_for_others = is_coordinator

rules.add_perm("communications.manage_messages", can_manage_messages)
rules.add_perm("communications.set_own_contact_preferences", can_set_own_contact_preferences)
rules.add_perm("communications.set_contact_preferences_for_others", can_set_contact_preferences_for_others)
