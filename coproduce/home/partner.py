"""A partner representative's home: their organisation's charter signature, its commitments and the
recommendations made to it, with when each answer is due."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.learning.models import OrganisationCommitment, Recommendation, Signature
from coproduce.learning.queries import commitments_of, current_version, organisation_signature, recommendations_to
from coproduce.people.models import Organisation, Person


@dataclass(frozen=True)
class OrganisationHome:
    organisation: Organisation
    signature: Signature | None
    commitments: QuerySet[OrganisationCommitment]
    recommendations: list[Recommendation]
    waiting: int
    overdue: int
    today: date


def organisation_home(user: User) -> OrganisationHome | None:
    """What the organisation ``user`` represents has signed, promised and been asked; None if they
    represent none."""
    person = Person.objects.select_related("organisation").filter(user=user).first()
    if person is None or person.organisation is None:
        return None
    organisation = person.organisation
    version = current_version()
    recommendations = list(recommendations_to(organisation))
    today = timezone.localdate()
    return OrganisationHome(
        organisation=organisation,
        signature=organisation_signature(organisation, version) if version else None,
        commitments=commitments_of(organisation),
        recommendations=recommendations,
        waiting=sum(1 for item in recommendations if item.responded_on is None),
        overdue=sum(1 for item in recommendations if item.is_overdue(today)),
        today=today,
    )
