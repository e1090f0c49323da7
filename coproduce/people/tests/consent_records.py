"""Consents, audit events and access needs as the profile and consent service tests set and read them."""

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import AccessNeed, Consent, ConsentMethod, Notice, Person, Purpose

ONLINE = ConsentMethod.ONLINE
PHONE = ConsentMethod.PHONE
PAPER = ConsentMethod.PAPER


def agree(
    person: Person, purpose: Purpose = Purpose.ACCESS_NEEDS, method: ConsentMethod = ONLINE, by: User | None = None
) -> Consent:
    return Consent.objects.create(person=person, notice=Notice.objects.current(purpose), method=method, recorded_by=by)


def events(action: str) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=action).order_by("id"))


def needs_of(person: Person) -> list[str]:
    return list(AccessNeed.objects.filter(profile__person=person).order_by("need").values_list("need", flat=True))
