"""Recording equality monitoring answers, and withdrawing consent to their use."""

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.equality.models import EqualityResponse
from coproduce.equality.permissions import can_record_equality_answers, can_withdraw_equality_consent
from coproduce.equality.queries import current_equality_notice
from coproduce.http import require
from coproduce.people.models import Consent, ConsentMethod, Person, Purpose
from coproduce.refusals import Refused

CONSENT_NEEDED = "You need to agree to us keeping your answers before we can save them. Tick the box to agree."


class ConsentNeeded(Refused):
    """Answers were sent without a lawful basis: no active consent, and the person did not agree."""


@transaction.atomic
def record_equality_answers(
    response: EqualityResponse, *, person: Person, by: User, agreed_to_notice: bool
) -> EqualityResponse:
    """Keep ``response`` (unsaved) as the person's newest equality monitoring answers.

    The answers need a lawful basis: the person's active consent under the current notice. If they
    have none and ``agreed_to_notice`` is true, their consent is recorded now (online, by them).

    Effects: creates a Consent if needed (audit event "equality.consent_given"), creates a new
    EqualityResponse tied to the consent (earlier responses stay as they were), and records the
    audit event "equality.answers_saved" without any answers in it. Raises PermissionDenied if
    ``by`` is not the person, and ConsentNeeded, writing nothing, if there is no consent and the
    person did not agree.
    """
    require(can_record_equality_answers(by, person))
    notice = current_equality_notice()
    # Lock the person's consents so that a withdrawal at the same moment cannot slip in between.
    consent = (
        Consent.objects.select_for_update()
        .active()
        .filter(person=person, notice=notice)
        .order_by("-given_at", "-id")
        .first()
    )
    if consent is None:
        if not agreed_to_notice:
            raise ConsentNeeded(CONSENT_NEEDED, field="agree")
        consent = Consent.objects.create(person=person, notice=notice, method=ConsentMethod.ONLINE)
        record_event(
            actor=by,
            action="equality.consent_given",
            target=consent,
            payload={"notice_version": notice.version, "method": ConsentMethod.ONLINE.value},
        )
    response.person = person
    response.consent = consent
    response.save()
    record_event(actor=by, action="equality.answers_saved", target=response, payload={"consent": consent.pk})
    return response


@transaction.atomic
def withdraw_equality_consent(person: Person, *, by: User) -> int:
    """Stop using the person's equality monitoring answers, from now on.

    Effects: sets ``withdrawn_at`` (now) and the method (online) on each of the person's active
    equality monitoring consents, so their answers drop out of every total at once, and records the
    audit event "equality.consent_withdrawn" for each. The answers themselves are kept, so the
    person can still see what they told us. Returns how many consents were withdrawn (0 if there
    were none). Raises PermissionDenied if ``by`` is not the person.
    """
    require(can_withdraw_equality_consent(by, person))
    consents = list(
        Consent.objects.select_for_update().active().for_purpose(Purpose.EQUALITY_MONITORING).filter(person=person)
    )
    now = timezone.now()
    for consent in consents:
        consent.withdrawn_at = now
        consent.withdrawn_method = ConsentMethod.ONLINE
        consent.save(update_fields=["withdrawn_at", "withdrawn_method"])
        record_event(
            actor=by,
            action="equality.consent_withdrawn",
            target=consent,
            payload={"method": ConsentMethod.ONLINE.value},
        )
    return len(consents)
