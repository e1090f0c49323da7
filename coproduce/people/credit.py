"""How a person is named in anything that leaves the system: pages others read, PDFs, exports.

People choose full name, initials or not to be named (``CreditPreference``). Someone who has not
chosen yet is not named: nobody is published under their name without having said so.
"""

from coproduce.people.models import CreditPreference, Person

NOT_NAMED = "A contributor"


def initials(full_name: str) -> str:
    """ "Grace O'Neill" -> "G. O." """
    parts = [part for part in full_name.replace("-", " ").split() if part]
    return " ".join(f"{part[0].upper()}." for part in parts)


def public_name(person: Person, choice: str | None = None) -> str:
    """The name to publish for ``person``: ``choice`` if given (for example a choice made for one
    contribution), otherwise the person's own credit preference."""
    choice = choice or person.credit_preference
    if person.anonymised_at is not None or choice not in (CreditPreference.FULL_NAME, CreditPreference.INITIALS):
        return NOT_NAMED
    if choice == CreditPreference.INITIALS:
        return initials(person.full_name)
    return person.full_name
