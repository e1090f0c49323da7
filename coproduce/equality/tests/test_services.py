"""Recording equality monitoring answers under consent, and withdrawing that consent."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.equality.choices import QUESTIONS, EthnicGroup, Religion, UnpaidCare
from coproduce.equality.models import EqualityResponse
from coproduce.equality.services import ConsentNeeded, record_equality_answers, withdraw_equality_consent
from coproduce.equality.tests.factories import EqualityConsentFactory, EqualityResponseFactory
from coproduce.people.models import Consent, ConsentMethod, Notice, Purpose

EARLIER = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)

# Every answer value and write-in used in these tests: none may reach the audit trail.
ANSWER_VALUES = {"white_gypsy_or_irish_traveller", "sikh", "20_to_34", "no", "Non-binary"}


def answers(**fields: str) -> EqualityResponse:
    values: dict[str, str] = {
        "ethnic_group": EthnicGroup.WHITE_GYPSY_OR_IRISH_TRAVELLER,
        "religion": Religion.SIKH,
        "unpaid_care": UnpaidCare.HOURS_20_TO_34,
    }
    values.update(fields)
    return EqualityResponse(**values)


def equality_consents(user: User) -> list[Consent]:
    return list(Consent.objects.for_purpose(Purpose.EQUALITY_MONITORING).filter(person=user.person))


def payload_values(event: AuditEvent) -> set[str]:
    return {str(value) for value in event.payload.values()}


# --- record_equality_answers -------------------------------------------------------------------


def test_record_equality_answers_with_agreement_records_online_consent_under_the_current_notice(dev: User) -> None:
    response = record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=True)

    consent = Consent.objects.get(person=dev.person)
    assert consent.notice == Notice.objects.current(Purpose.EQUALITY_MONITORING)
    assert consent.method == ConsentMethod.ONLINE
    assert consent.recorded_by is None
    assert consent.withdrawn_at is None
    response.refresh_from_db()
    assert response.person == dev.person
    assert response.consent == consent
    assert (response.ethnic_group, response.religion, response.unpaid_care) == (
        "white_gypsy_or_irish_traveller",
        "sikh",
        "20_to_34",
    )
    assert response.sex == ""


def test_record_equality_answers_with_active_consent_uses_it_without_asking_again(dev: User) -> None:
    consent = EqualityConsentFactory.create(person=dev.person)

    response = record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=False)

    assert response.consent == consent
    assert equality_consents(dev) == [consent]
    assert not AuditEvent.objects.filter(action="equality.consent_given").exists()


def test_record_equality_answers_without_consent_or_agreement_writes_nothing(dev: User) -> None:
    with pytest.raises(ConsentNeeded):
        record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=False)

    assert EqualityResponse.objects.count() == 0
    assert Consent.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_record_equality_answers_adds_a_new_response_and_keeps_the_old_one_as_given(dev: User) -> None:
    old = EqualityResponseFactory.create(person=dev.person, religion=Religion.HINDU, answered_at=EARLIER)

    new = record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=False)

    old.refresh_from_db()
    assert old.religion == "hindu"
    assert old.answered_at == EARLIER
    assert new.pk != old.pk
    assert new.consent == old.consent
    assert EqualityResponse.objects.filter(person=dev.person).first() == new


def test_record_equality_answers_after_withdrawal_needs_agreement_again(dev: User) -> None:
    withdrawn = EqualityConsentFactory.create(person=dev.person, withdrawn_at=timezone.now())

    with pytest.raises(ConsentNeeded):
        record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=False)
    response = record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=True)

    assert response.consent != withdrawn
    assert response.consent.withdrawn_at is None
    assert EqualityResponse.objects.count() == 1


def test_record_equality_answers_under_a_new_notice_version_needs_agreement_again(dev: User) -> None:
    old_consent = EqualityConsentFactory.create(person=dev.person)
    new_notice = Notice.objects.create(
        purpose=Purpose.EQUALITY_MONITORING, version=2, title="Equality monitoring", text="New words."
    )

    with pytest.raises(ConsentNeeded):
        record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=False)
    response = record_equality_answers(answers(), person=dev.person, by=dev, agreed_to_notice=True)

    assert response.consent != old_consent
    assert response.consent.notice == new_notice


@pytest.mark.parametrize("persona", ["amina", "morgan", "sam", "grace"])
def test_record_equality_answers_refuses_anyone_but_the_person(persona: str, everyone: dict[str, User]) -> None:
    dev = everyone["dev"]

    with pytest.raises(PermissionDenied):
        record_equality_answers(answers(), person=dev.person, by=everyone[persona], agreed_to_notice=True)

    assert EqualityResponse.objects.count() == 0
    assert Consent.objects.count() == 0


def test_record_equality_answers_records_audit_events_without_any_answers(dev: User) -> None:
    response = record_equality_answers(
        answers(gender_identity="no", gender_identity_write_in="Non-binary"),
        person=dev.person,
        by=dev,
        agreed_to_notice=True,
    )

    saved = AuditEvent.objects.get(action="equality.answers_saved")
    given = AuditEvent.objects.get(action="equality.consent_given")
    assert (saved.actor, saved.target_type, saved.target_id) == (dev, "equality.equalityresponse", str(response.pk))
    assert saved.payload == {"consent": response.consent.pk}
    assert (given.actor, given.target_type, given.target_id) == (dev, "people.consent", str(response.consent.pk))
    assert given.payload == {"notice_version": 1, "method": "online"}
    question_fields = {question.field for question in QUESTIONS}
    for event in (saved, given):
        assert payload_values(event) & ANSWER_VALUES == set()
        assert set(event.payload) & question_fields == set()


# --- withdraw_equality_consent -----------------------------------------------------------------


def test_withdraw_equality_consent_stops_the_use_of_answers_at_once(dev: User) -> None:
    response = EqualityResponseFactory.create(person=dev.person, religion=Religion.SIKH)
    before = timezone.now()

    withdrawn = withdraw_equality_consent(dev.person, by=dev)

    consent = Consent.objects.get(pk=response.consent.pk)
    assert withdrawn == 1
    assert consent.withdrawn_at is not None
    assert before <= consent.withdrawn_at <= timezone.now()
    assert consent.withdrawn_method == ConsentMethod.ONLINE
    assert EqualityResponse.objects.get(pk=response.pk).religion == "sikh"


def test_withdraw_equality_consent_withdraws_every_active_equality_consent_only(dev: User) -> None:
    first = EqualityConsentFactory.create(person=dev.person)
    second = EqualityConsentFactory.create(person=dev.person)
    access = Consent.objects.create(
        person=dev.person, notice=Notice.objects.current(Purpose.ACCESS_NEEDS), method=ConsentMethod.ONLINE
    )

    withdrawn = withdraw_equality_consent(dev.person, by=dev)

    assert withdrawn == 2
    assert Consent.objects.get(pk=first.pk).withdrawn_at is not None
    assert Consent.objects.get(pk=second.pk).withdrawn_at is not None
    assert Consent.objects.get(pk=access.pk).withdrawn_at is None


def test_withdraw_equality_consent_with_nothing_to_withdraw_changes_nothing(dev: User) -> None:
    earlier = EqualityConsentFactory.create(person=dev.person, withdrawn_at=EARLIER, withdrawn_method="phone")

    withdrawn = withdraw_equality_consent(dev.person, by=dev)

    earlier.refresh_from_db()
    assert withdrawn == 0
    assert (earlier.withdrawn_at, earlier.withdrawn_method) == (EARLIER, "phone")
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("persona", ["amina", "morgan", "sam", "grace"])
def test_withdraw_equality_consent_refuses_anyone_but_the_person(persona: str, everyone: dict[str, User]) -> None:
    consent = EqualityConsentFactory.create(person=everyone["dev"].person)

    with pytest.raises(PermissionDenied):
        withdraw_equality_consent(everyone["dev"].person, by=everyone[persona])

    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdraw_equality_consent_records_an_audit_event_without_any_answers(dev: User) -> None:
    response = EqualityResponseFactory.create(
        person=dev.person, religion=Religion.SIKH, gender_identity="no", gender_identity_write_in="Non-binary"
    )

    withdraw_equality_consent(dev.person, by=dev)

    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.target_type) == ("equality.consent_withdrawn", dev, "people.consent")
    assert event.target_id == str(response.consent.pk)
    assert event.payload == {"method": "online"}
    assert payload_values(event) & ANSWER_VALUES == set()
