"""The person's own details ("tell us once"), and a coordinator recording them on someone's behalf.

Access needs are special category data: audit events here record that they changed or were seen,
never what they are.
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    ContactRoute,
    CreditPreference,
    Need,
    Notice,
    PaymentPreference,
    Person,
    Purpose,
)
from coproduce.people.permissions import (
    can_act_for_person,
    can_manage_own_details,
    can_view_access_needs,
    is_self,
)
from coproduce.refusals import Refused

CONTACT_FIELDS = (
    "preferred_name",
    "pronouns",
    "email",
    "phone",
    "postal_address",
    "contact_route",
    "supporter_name",
    "supporter_contact",
)
# Equality monitoring has its own consent, given and withdrawn in the equality app.
PURPOSES_HANDLED_HERE = (Purpose.PRIVACY_NOTICE, Purpose.ACCESS_NEEDS, Purpose.CONTACT)
OFFLINE_METHODS = (ConsentMethod.PHONE, ConsentMethod.PAPER)


CONSENT_NEEDED = "We need the person's agreement before we keep their access needs."


class ConsentNeeded(Refused):
    """Access needs can only be kept with the person's agreement, and none was given."""


@dataclass(frozen=True)
class AccessDetails:
    """The follow-up answers to some needs. Each is kept only while its need is ticked."""

    large_print_size: int | None = None
    language: str = ""
    dietary_details: str = ""
    papers_days_before: int | None = None
    time_of_day: str = ""
    other_needs: str = ""


def _lock(person: Person) -> None:
    """Hold the person's row until the transaction ends, so that two clicks cannot give consent twice."""
    list(Person.objects.select_for_update().filter(pk=person.pk).values_list("pk", flat=True))


def _may_act(by: User, person: Person, method: ConsentMethod) -> bool:
    """Online: only the person themselves. By phone or on paper: a coordinator acting for them."""
    if method == ConsentMethod.ONLINE:
        return bool(can_manage_own_details(by) and is_self(by, person))
    return bool(method in OFFLINE_METHODS and can_act_for_person(by))


@transaction.atomic
def update_contact_details(person: Person, *, details: Mapping[str, str], by: User) -> list[str]:
    """Change how the person wants to be called and contacted. Returns the names of the fields that changed.

    ``details`` holds any of CONTACT_FIELDS. Supporter details are kept only while the contact route
    is "through someone who supports me".

    Effects: saves the Person; records "people.contact_details_changed" with the names of the changed
    fields (never their values) when anything changed. Raises PermissionDenied unless ``by`` is
    the person. Raises ValueError for a field that is not a contact detail.
    """
    require(can_manage_own_details(by) and is_self(by, person))
    unknown = set(details) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"Not contact details: {', '.join(sorted(unknown))}")
    new_values = dict(details)
    route = new_values.get("contact_route", person.contact_route)
    if route not in ContactRoute.values:
        raise ValueError(f"Not a contact route: {route}")
    if route != ContactRoute.SUPPORTER:
        new_values["supporter_name"] = ""
        new_values["supporter_contact"] = ""
    changed = [field for field in CONTACT_FIELDS if field in new_values and getattr(person, field) != new_values[field]]
    if not changed:
        return []
    for field in changed:
        setattr(person, field, new_values[field])
    person.save(update_fields=changed)
    record_event(
        actor=by, action="people.contact_details_changed", target=person, payload={"fields": ",".join(changed)}
    )
    return changed


@transaction.atomic
def set_recognition(person: Person, *, credit: CreditPreference, payment: PaymentPreference, by: User) -> Person:
    """Record how the person wants to be named in public outputs and how they want to be paid.

    Effects: saves the Person's credit and payment preferences; records "people.recognition_changed" with
    the new choices. Raises PermissionDenied unless ``by`` is the person.
    """
    require(can_manage_own_details(by) and is_self(by, person))
    person.credit_preference = CreditPreference(credit)
    person.payment_preference = PaymentPreference(payment)
    person.save(update_fields=["credit_preference", "payment_preference"])
    record_event(
        actor=by,
        action="people.recognition_changed",
        target=person,
        payload={"credit_preference": person.credit_preference, "payment_preference": person.payment_preference},
    )
    return person


def has_active_consent(person: Person, purpose: Purpose) -> bool:
    return Consent.objects.filter(person=person).active().for_purpose(purpose).exists()


def _create_consent(person: Person, *, purpose: Purpose, by: User, method: ConsentMethod) -> Consent:
    notice = Notice.objects.current(purpose)
    consent = Consent.objects.create(
        person=person,
        notice=notice,
        method=method,
        recorded_by=by if method in OFFLINE_METHODS else None,
    )
    record_event(
        actor=by,
        action="people.consent_given",
        target=person,
        payload={"purpose": purpose.value, "version": notice.version},
    )
    return consent


@transaction.atomic
def save_access_needs(
    person: Person,
    *,
    needs: Collection[str],
    details: AccessDetails,
    by: User,
    method: ConsentMethod,
    agreed: bool,
) -> AccessProfile:
    """Keep the person's access needs, with their agreement, replacing what was kept before.

    ``method`` says how the person told us: online (the person themselves) or by phone or on paper
    (a coordinator recording for them). ``agreed`` says the person agreed to us keeping their needs
    this time; it is needed when they have no active consent, and always when a coordinator records.
    A follow-up detail is kept only while its need is ticked.

    Effects: creates a Consent under the current access-needs notice (and records "people.consent_given")
    when the person has none; creates or updates the AccessProfile, marking who recorded it;
    replaces the AccessNeed rows; records "people.access_needs_changed" saying only whether a coordinator
    recorded them. Raises PermissionDenied if ``by`` may not act this way, ConsentNeeded without
    agreement, ValueError for an unknown need.
    """
    require(_may_act(by, person, method))
    unknown = set(needs) - set(Need.values)
    if unknown:
        raise ValueError(f"Not access needs: {', '.join(sorted(unknown))}")
    by_coordinator = method in OFFLINE_METHODS
    _lock(person)
    has_consent = has_active_consent(person, Purpose.ACCESS_NEEDS)
    if not agreed and (by_coordinator or not has_consent):
        raise ConsentNeeded(CONSENT_NEEDED)
    if not has_consent:
        _create_consent(person, purpose=Purpose.ACCESS_NEEDS, by=by, method=method)

    chosen = set(needs)
    profile, _ = AccessProfile.objects.get_or_create(person=person)
    profile.large_print_size = details.large_print_size if Need.LARGE_PRINT in chosen else None
    profile.language = details.language if chosen & {Need.OTHER_LANGUAGE.value, Need.OTHER_INTERPRETER.value} else ""
    profile.dietary_details = details.dietary_details if Need.DIETARY in chosen else ""
    profile.papers_days_before = details.papers_days_before if Need.PAPERS_IN_ADVANCE in chosen else None
    profile.time_of_day = details.time_of_day if Need.TIME_OF_DAY in chosen else ""
    profile.other_needs = details.other_needs
    profile.recorded_by = by if by_coordinator else None
    profile.person_agreed = True
    profile.save()
    profile.needs.exclude(need__in=chosen).delete()
    kept = set(profile.needs.values_list("need", flat=True))
    AccessNeed.objects.bulk_create([AccessNeed(profile=profile, need=need) for need in sorted(chosen - kept)])
    record_event(
        actor=by,
        action="people.access_needs_changed",
        target=person,
        payload={"recorded_by_coordinator": by_coordinator},
    )
    return profile


def record_access_needs_view(person: Person, *, by: User) -> None:
    """Note that someone other than the person looked at their access needs.

    Effects: records "people.access_needs_viewed" (no values) unless ``by`` is the person themselves.
    Raises PermissionDenied if ``by`` may not see the person's access needs.
    """
    require(can_view_access_needs(by, person))
    if not is_self(by, person):
        record_event(actor=by, action="people.access_needs_viewed", target=person)


def _check_consent_change(person: Person, *, purpose: Purpose, by: User, method: ConsentMethod) -> Purpose:
    purpose = Purpose(purpose)
    if purpose not in PURPOSES_HANDLED_HERE:
        raise ValueError(f"Consent for {purpose} is not given or withdrawn here.")
    require(_may_act(by, person, method))
    return purpose


@transaction.atomic
def give_consent(person: Person, *, purpose: Purpose, by: User, method: ConsentMethod) -> Consent:
    """Record the person's agreement under the current version of the notice for ``purpose``.

    Effects: creates a Consent (recorded by ``by`` when given by phone or on paper) and records
    "people.consent_given" with the purpose and version. If the person has already agreed to the current
    version, returns that consent and changes nothing. Raises PermissionDenied if ``by`` may not act
    this way, ValueError for equality monitoring (the equality app handles it).
    """
    purpose = _check_consent_change(person, purpose=purpose, by=by, method=method)
    _lock(person)
    notice = Notice.objects.current(purpose)
    existing = Consent.objects.filter(person=person, notice=notice).active().first()
    if existing is not None:
        return existing
    return _create_consent(person, purpose=purpose, by=by, method=method)


@transaction.atomic
def withdraw_consent(person: Person, *, purpose: Purpose, by: User, method: ConsentMethod) -> int:
    """Withdraw the person's agreement for ``purpose``, at once. Returns how many consents were withdrawn.

    Effects: sets withdrawn_at and withdrawn_method on every active consent for the purpose and
    records "people.consent_withdrawn" with the purpose and version (nothing is recorded when there was
    no active consent); for access needs, also deletes the person's AccessProfile and needs, as
    they asked us to stop keeping them. Raises PermissionDenied if ``by`` may not act this way,
    ValueError for equality monitoring (the equality app handles it).
    """
    purpose = _check_consent_change(person, purpose=purpose, by=by, method=method)
    _lock(person)
    if purpose == Purpose.ACCESS_NEEDS:
        AccessProfile.objects.filter(person=person).delete()
    active = list(Consent.objects.filter(person=person).active().for_purpose(purpose).select_related("notice"))
    now = timezone.now()
    for consent in active:
        consent.withdrawn_at = now
        consent.withdrawn_method = method
        consent.save(update_fields=["withdrawn_at", "withdrawn_method"])
        record_event(
            actor=by,
            action="people.consent_withdrawn",
            target=person,
            payload={"purpose": purpose.value, "version": consent.notice.version},
        )
    return len(active)
