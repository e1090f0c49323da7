"""Who may write Easy Read documents and who may read them."""

import rules

from coproduce.accounts.models import User
from coproduce.accounts.permissions import is_coordinator
from coproduce.easyread.models import EasyReadDocument


@rules.predicate
def is_published_document(user: User, document: EasyReadDocument | None) -> bool:
    return document is not None and document.is_published


# Coordinators (and admins) write Easy Read documents.
can_edit_easy_read = is_coordinator
# A published document is public, for anyone, signed in or not; a draft only for the people who write it.
can_read_easy_read = is_published_document | is_coordinator

rules.add_perm("easyread.edit", can_edit_easy_read)
rules.add_perm("easyread.read", can_read_easy_read)
