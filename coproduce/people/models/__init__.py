"""Everyone involved: people, partner organisations, access needs, and consent."""

from coproduce.people.models.access import NEED_CATEGORY, AccessNeed, AccessProfile, Need, NeedCategory
from coproduce.people.models.consent import Consent, ConsentMethod, Notice, Purpose
from coproduce.people.models.imports import PeopleImport
from coproduce.people.models.person import (
    ContactRoute,
    CreditPreference,
    Organisation,
    OrganisationKind,
    PaymentPreference,
    Person,
    PersonKind,
    PersonQuerySet,
)

__all__ = [
    "NEED_CATEGORY",
    "AccessNeed",
    "AccessProfile",
    "Consent",
    "ConsentMethod",
    "ContactRoute",
    "CreditPreference",
    "Need",
    "NeedCategory",
    "Notice",
    "Organisation",
    "OrganisationKind",
    "PaymentPreference",
    "PeopleImport",
    "Person",
    "PersonKind",
    "PersonQuerySet",
    "Purpose",
]
