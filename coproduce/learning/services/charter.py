"""The co-production charter: publishing a version, signing it (for oneself or an organisation, with
commitments), renewing and withdrawing a signature.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.dates import add_months
from coproduce.http import require
from coproduce.learning import conf
from coproduce.learning.defaults import ensure_defaults
from coproduce.learning.models import CharterVersion, Course, CourseMaterial, OrganisationCommitment, Signature
from coproduce.learning.permissions import (
    can_manage_learning,
    can_publish_charter,
    can_sign_charter,
    can_sign_for_organisation,
)
from coproduce.learning.queries import current_version
from coproduce.learning.refusals import LearningRefused
from coproduce.learning.tasks import send_charter_reminders
from coproduce.people.models import Organisation, Person, PersonKind
from coproduce.refusals import WHOLE_FORM

ALREADY_SIGNED = "You have already signed this version of the charter. You can sign again when it is due for renewal."
ORGANISATION_ALREADY_SIGNED = "{organisation} has already signed this version of the charter."
NOT_REPRESENTATIVE = (
    "Only an authorised representative of {organisation} can sign for it. You can sign the charter for yourself."
)
NO_CHARTER = "There is no charter to sign yet."


def renewal_due_on(signature: Signature) -> date:
    return add_months(timezone.localdate(signature.signed_at), conf.charter_renewal_months())


def is_due_for_renewal(signature: Signature, now: datetime | None = None) -> bool:
    return renewal_due_on(signature) <= timezone.localdate(now or timezone.now())


def ensure_learning_defaults() -> None:
    """Put back charter version 1 and the first courses (the data migration made them; flushing removes them)."""
    ensure_defaults(CharterVersion, Course, CourseMaterial)


def _current_version_or_refuse(field: str = WHOLE_FORM) -> CharterVersion:
    version = current_version()
    if version is None:
        raise LearningRefused(NO_CHARTER, field=field)
    return version


@transaction.atomic
def publish_charter(*, text: str, easy_read_text: str, by: User) -> CharterVersion:
    """Publish a new wording of the charter, numbered after the last.

    Effects: creates the CharterVersion, records an audit event, and queues the worker to ask
    everyone who signed an earlier version to sign the new one. Raises PermissionDenied unless ``by``
    is an admin, and LearningRefused if either text is empty.
    """
    require(can_publish_charter(by))
    if not text.strip() or not easy_read_text.strip():
        raise LearningRefused("Enter the charter and its Easy Read version.")
    # Lock the versions there are (PostgreSQL refuses FOR UPDATE with an aggregate), then number the new
    # one; the unique version number stops two admins publishing the same number at once.
    list(CharterVersion.objects.select_for_update(of=("self",)).values_list("pk", flat=True))
    number = (CharterVersion.objects.aggregate(last=Max("number"))["last"] or 0) + 1
    version = CharterVersion.objects.create(
        number=number,
        text=text.strip(),
        easy_read_text=easy_read_text.strip(),
        published_at=timezone.now(),
        published_by=by,
    )
    record_event(actor=by, action="learning.charter_published", target=version, payload={"number": number})
    transaction.on_commit(lambda: send_charter_reminders.enqueue())
    return version


def _sign_again_or_refuse(existing: Signature, *, by: User, now: datetime, refusal: LearningRefused) -> Signature:
    """A withdrawn signature is given back; one due for renewal is renewed; otherwise signing twice is refused."""
    if existing.withdrawn_at is None and not is_due_for_renewal(existing, now):
        raise refusal
    existing.signed_at = now
    existing.signed_by = by
    existing.withdrawn_at = None
    existing.renewal_reminded_at = None
    existing.save(update_fields=["signed_at", "signed_by", "withdrawn_at", "renewal_reminded_at"])
    return existing


@transaction.atomic
def sign_charter(*, by: User, now: datetime | None = None) -> Signature:
    """Sign the current charter for oneself (members, carers, allies, partners and staff alike).

    Signing a version one signed and withdrew gives the signature back; signing again once it is
    due for renewal renews it. Effects: creates or updates the Signature, records an audit event.
    Raises PermissionDenied if ``by`` has no record of their own, and LearningRefused if they have
    signed this version and it is not due for renewal.
    """
    require(can_sign_charter(by))
    now = now or timezone.now()
    person = Person.objects.get(user=by)
    version = _current_version_or_refuse()
    existing = (
        Signature.objects.select_for_update(of=("self",))
        .filter(person=person, version=version, on_behalf_of=None)
        .first()
    )
    if existing is not None:
        signature = _sign_again_or_refuse(existing, by=by, now=now, refusal=LearningRefused(ALREADY_SIGNED))
    else:
        signature = Signature.objects.create(person=person, version=version, signed_at=now, signed_by=by)
    record_event(actor=by, action="learning.charter_signed", target=signature, payload={"version": version.number})
    return signature


@dataclass(frozen=True)
class Commitment:
    text: str
    response_days: int | None


@transaction.atomic
def sign_for_organisation(
    organisation: Organisation, *, commitments: Sequence[Commitment], by: User, now: datetime | None = None
) -> Signature:
    """Sign the current charter for a partner organisation, with its own commitments.

    Effects: creates (or renews) the organisation's Signature, made by ``by``'s person record, and an
    OrganisationCommitment for each commitment, records an audit event. Raises PermissionDenied
    unless ``by`` is a partner representative, and LearningRefused if they do not represent this
    organisation or it has signed this version and it is not due for renewal.
    """
    require(can_sign_for_organisation(by))
    now = now or timezone.now()
    person = Person.objects.get(user=by)
    if person.kind != PersonKind.PARTNER_REPRESENTATIVE or person.organisation_id != organisation.pk:
        raise LearningRefused(NOT_REPRESENTATIVE.format(organisation=organisation.name), field="organisation")
    version = _current_version_or_refuse(field="organisation")
    existing = (
        Signature.objects.select_for_update(of=("self",)).filter(on_behalf_of=organisation, version=version).first()
    )
    if existing is not None:
        signature = _sign_again_or_refuse(
            existing,
            by=by,
            now=now,
            refusal=LearningRefused(
                ORGANISATION_ALREADY_SIGNED.format(organisation=organisation.name), field="organisation"
            ),
        )
        Signature.objects.filter(pk=signature.pk).update(person=person)
    else:
        signature = Signature.objects.create(
            person=person, version=version, signed_at=now, signed_by=by, on_behalf_of=organisation
        )
    for commitment in commitments:
        if commitment.text.strip():
            OrganisationCommitment.objects.create(
                signature=signature,
                organisation=organisation,
                text=commitment.text.strip(),
                response_days=commitment.response_days,
            )
    record_event(
        actor=by,
        action="learning.charter_signed_for_organisation",
        target=signature,
        payload={"version": version.number, "organisation": organisation.pk, "commitments": len(commitments)},
    )
    return signature


@transaction.atomic
def withdraw_signature(signature: Signature, *, by: User, now: datetime | None = None) -> Signature:
    """Withdraw a signature: the person (or organisation) leaves the champions list at once.

    Effects: sets the withdrawal time, records an audit event. Raises PermissionDenied unless ``by``
    made the signature (or, for an organisation, represents it now) or is a coordinator, and
    LearningRefused if it is already withdrawn.
    """
    locked = Signature.objects.select_for_update(of=("self",)).select_related("person").get(pk=signature.pk)
    representative = (
        locked.on_behalf_of_id is not None
        and Person.objects.filter(
            user=by, kind=PersonKind.PARTNER_REPRESENTATIVE, organisation_id=locked.on_behalf_of_id
        ).exists()
    )
    require(locked.person.user_id == by.pk or representative or can_manage_learning(by))
    if locked.withdrawn_at is not None:
        raise LearningRefused("This signature is already withdrawn.")
    locked.withdrawn_at = now or timezone.now()
    locked.save(update_fields=["withdrawn_at"])
    record_event(
        actor=by, action="learning.charter_signature_withdrawn", target=locked, payload={"version": locked.version_id}
    )
    return locked
