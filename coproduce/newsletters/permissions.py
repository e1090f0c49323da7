"""Who may write, preview and send newsletters: coordinators and admins."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator
from coproduce.newsletters.models import Newsletter


@rules.predicate
def is_draft(user: User, newsletter: Newsletter | None) -> bool:
    return newsletter is not None and not newsletter.is_sent


can_manage_newsletters = is_coordinator
# A sent newsletter is kept as it went: it cannot be changed or sent again.
can_edit_newsletter = is_coordinator & is_draft
can_send_newsletter = is_coordinator & is_draft

rules.add_perm("newsletters.manage_newsletters", can_manage_newsletters)
rules.add_perm("newsletters.edit_newsletter", can_edit_newsletter)
rules.add_perm("newsletters.send_newsletter", can_send_newsletter)
