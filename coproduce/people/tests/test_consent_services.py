"""Giving and withdrawing consent (coproduce/people/services/profile.py): online, or recorded by a coordinator."""

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Notice,
    Purpose,
)
from coproduce.people.services.profile import (
    AccessDetails,
    give_consent,
    has_active_consent,
    save_access_needs,
    withdraw_consent,
)
from coproduce.people.tests.consent_records import ONLINE, PAPER, PHONE, agree, events, needs_of
from coproduce.people.tests.factories import PersonFactory

# --- give_consent --------------------------------------------------------------------------------


def test_give_consent_creates_consent_under_the_current_version(dev: User) -> None:
    Notice.objects.create(purpose=Purpose.CONTACT, version=2, title="Keeping in touch", text="New words.")

    consent = give_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    assert (consent.notice.version, consent.method, consent.recorded_by) == (2, "online", None)
    assert [event.payload for event in events("people.consent_given")] == [{"purpose": "contact", "version": 2}]


def test_give_consent_twice_to_the_same_version_changes_nothing(dev: User) -> None:
    first = give_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    second = give_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    assert second == first
    assert Consent.objects.count() == 1
    assert len(events("people.consent_given")) == 1


def test_give_consent_after_the_wording_changed_adds_consent_to_the_new_version(dev: User) -> None:
    agree(dev.person, Purpose.PRIVACY_NOTICE)
    Notice.objects.create(purpose=Purpose.PRIVACY_NOTICE, version=2, title="How we use it", text="New words.")

    consent = give_consent(dev.person, purpose=Purpose.PRIVACY_NOTICE, by=dev, method=ONLINE)

    assert consent.notice.version == 2
    assert Consent.objects.filter(person=dev.person).active().count() == 2


def test_give_consent_by_a_coordinator_says_who_recorded_it(amina: User) -> None:
    rosa = PersonFactory.create()

    consent = give_consent(rosa, purpose=Purpose.ACCESS_NEEDS, by=amina, method=PAPER)

    assert (consent.method, consent.recorded_by) == ("paper", amina)


def test_give_consent_leaves_equality_monitoring_to_the_equality_app(dev: User) -> None:
    with pytest.raises(ValueError, match="not given or withdrawn here"):
        give_consent(dev.person, purpose=Purpose.EQUALITY_MONITORING, by=dev, method=ONLINE)

    assert Consent.objects.count() == 0


@pytest.mark.parametrize("method", [ONLINE, PHONE])
def test_give_consent_refuses_someone_acting_for_another_person(method: ConsentMethod, dev: User, tom: User) -> None:
    with pytest.raises(PermissionDenied):
        give_consent(dev.person, purpose=Purpose.CONTACT, by=tom, method=method)

    assert Consent.objects.count() == 0


# --- withdraw_consent ----------------------------------------------------------------------------


def test_withdraw_consent_takes_effect_at_once_and_records_the_version(dev: User) -> None:
    agree(dev.person, Purpose.CONTACT)

    withdrawn = withdraw_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    [consent] = Consent.objects.filter(person=dev.person)
    assert withdrawn == 1
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_method == "online"
    assert not has_active_consent(dev.person, Purpose.CONTACT)
    assert [event.payload for event in events("people.consent_withdrawn")] == [{"purpose": "contact", "version": 1}]


def test_withdraw_consent_to_access_needs_deletes_the_access_needs(dev: User) -> None:
    save_access_needs(dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=dev, method=ONLINE, agreed=True)

    withdraw_consent(dev.person, purpose=Purpose.ACCESS_NEEDS, by=dev, method=ONLINE)

    assert (AccessProfile.objects.count(), AccessNeed.objects.count()) == (0, 0)


def test_withdraw_consent_to_something_else_keeps_the_access_needs(dev: User) -> None:
    save_access_needs(dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=dev, method=ONLINE, agreed=True)
    agree(dev.person, Purpose.CONTACT)

    withdraw_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    assert needs_of(dev.person) == ["audio"]
    assert has_active_consent(dev.person, Purpose.ACCESS_NEEDS)


def test_withdraw_consent_without_consent_records_nothing(dev: User) -> None:
    withdrawn = withdraw_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ONLINE)

    assert withdrawn == 0
    assert events("people.consent_withdrawn") == []


def test_withdraw_consent_by_a_coordinator_records_how_they_were_told(amina: User) -> None:
    rosa = PersonFactory.create()
    give_consent(rosa, purpose=Purpose.CONTACT, by=amina, method=PHONE)

    withdraw_consent(rosa, purpose=Purpose.CONTACT, by=amina, method=PAPER)

    assert Consent.objects.get(person=rosa).withdrawn_method == "paper"


def test_withdraw_consent_leaves_equality_monitoring_to_the_equality_app(dev: User) -> None:
    consent = agree(dev.person, Purpose.EQUALITY_MONITORING)

    with pytest.raises(ValueError, match="not given or withdrawn here"):
        withdraw_consent(dev.person, purpose=Purpose.EQUALITY_MONITORING, by=dev, method=ONLINE)

    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_withdraw_consent_refuses_someone_acting_for_another_person(dev: User, priya: User) -> None:
    save_access_needs(dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=dev, method=ONLINE, agreed=True)

    with pytest.raises(PermissionDenied):
        withdraw_consent(dev.person, purpose=Purpose.ACCESS_NEEDS, by=priya, method=PHONE)

    assert needs_of(dev.person) == ["audio"]
    assert has_active_consent(dev.person, Purpose.ACCESS_NEEDS)
