"""Services for the person's own contact details, recognition and access needs (people/services/profile.py)."""

import json

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    ContactRoute,
    CreditPreference,
    Need,
    PaymentPreference,
    Person,
)
from coproduce.people.services.profile import (
    AccessDetails,
    ConsentNeeded,
    record_access_needs_view,
    save_access_needs,
    set_recognition,
    update_contact_details,
)
from coproduce.people.tests.consent_records import ONLINE, PAPER, PHONE, agree, events, needs_of
from coproduce.people.tests.factories import PersonFactory

# --- update_contact_details ----------------------------------------------------------------------


def test_update_contact_details_saves_changes_and_records_only_field_names(dev: User) -> None:
    person = dev.person

    changed = update_contact_details(
        person, details={"pronouns": "he/him", "phone": "01632 960111", "email": "dev@example.org"}, by=dev
    )

    person.refresh_from_db()
    assert changed == ["pronouns", "phone"]
    assert (person.pronouns, person.phone) == ("he/him", "01632 960111")
    [event] = events("people.contact_details_changed")
    assert event.actor == dev
    assert event.target_id == str(person.pk)
    assert event.payload == {"fields": "pronouns,phone"}


def test_update_contact_details_keeps_supporter_when_the_route_is_through_them(dev: User) -> None:
    details = {"contact_route": "supporter", "supporter_name": "Asha Patel", "supporter_contact": "01632 960222"}

    update_contact_details(dev.person, details=details, by=dev)

    person = Person.objects.get(pk=dev.person.pk)
    assert (person.contact_route, person.supporter_name, person.supporter_contact) == (
        "supporter",
        "Asha Patel",
        "01632 960222",
    )


def test_update_contact_details_clears_supporter_when_the_route_is_not_through_them(dev: User) -> None:
    Person.objects.filter(pk=dev.person.pk).update(
        contact_route=ContactRoute.SUPPORTER, supporter_name="Asha Patel", supporter_contact="01632 960222"
    )
    person = Person.objects.get(pk=dev.person.pk)

    update_contact_details(person, details={"contact_route": "phone", "phone": "01632 960111"}, by=dev)

    person.refresh_from_db()
    assert (person.contact_route, person.supporter_name, person.supporter_contact) == ("phone", "", "")


def test_update_contact_details_with_nothing_changed_records_nothing(dev: User) -> None:
    changed = update_contact_details(dev.person, details={"email": "dev@example.org", "contact_route": "email"}, by=dev)

    assert changed == []
    assert events("people.contact_details_changed") == []


def test_update_contact_details_refuses_anyone_but_the_person(dev: User, amina: User) -> None:
    with pytest.raises(PermissionDenied):
        update_contact_details(dev.person, details={"phone": "01632 960111"}, by=amina)

    assert Person.objects.get(pk=dev.person.pk).phone == ""
    assert events("people.contact_details_changed") == []


def test_update_contact_details_rejects_fields_that_are_not_contact_details(dev: User) -> None:
    with pytest.raises(ValueError, match="Not contact details: full_name"):
        update_contact_details(dev.person, details={"full_name": "Someone Else"}, by=dev)


def test_update_contact_details_rejects_an_unknown_route(dev: User) -> None:
    with pytest.raises(ValueError, match="Not a contact route: pigeon"):
        update_contact_details(dev.person, details={"contact_route": "pigeon"}, by=dev)


# --- set_recognition -----------------------------------------------------------------------------


def test_set_recognition_saves_both_choices_and_records_them(grace: User) -> None:
    set_recognition(grace.person, credit=CreditPreference.INITIALS, payment=PaymentPreference.DECLINE, by=grace)

    person = Person.objects.get(pk=grace.person.pk)
    assert (person.credit_preference, person.payment_preference) == ("initials", "decline")
    [event] = events("people.recognition_changed")
    assert event.payload == {"credit_preference": "initials", "payment_preference": "decline"}


def test_set_recognition_refuses_anyone_but_the_person(grace: User, amina: User) -> None:
    with pytest.raises(PermissionDenied):
        set_recognition(grace.person, credit=CreditPreference.INITIALS, payment=PaymentPreference.CASH, by=amina)

    assert Person.objects.get(pk=grace.person.pk).credit_preference == ""


# --- save_access_needs ---------------------------------------------------------------------------


def test_save_access_needs_by_the_person_with_agreement_creates_consent_and_needs(dev: User) -> None:
    profile = save_access_needs(
        dev.person,
        needs=[Need.EASY_READ, Need.LARGE_PRINT],
        details=AccessDetails(large_print_size=18, other_needs="Please speak slowly."),
        by=dev,
        method=ONLINE,
        agreed=True,
    )

    [consent] = Consent.objects.filter(person=dev.person)
    assert (consent.method, consent.recorded_by, consent.notice.purpose, consent.notice.version) == (
        "online",
        None,
        "access_needs",
        1,
    )
    assert needs_of(dev.person) == ["easy_read", "large_print"]
    profile.refresh_from_db()
    assert (profile.large_print_size, profile.other_needs) == (18, "Please speak slowly.")
    assert (profile.recorded_by, profile.person_agreed) == (None, True)
    assert [event.payload for event in events("people.consent_given")] == [{"purpose": "access_needs", "version": 1}]
    assert [event.payload for event in events("people.access_needs_changed")] == [{"recorded_by_coordinator": False}]


def test_save_access_needs_without_agreement_or_consent_writes_nothing(dev: User) -> None:
    with pytest.raises(ConsentNeeded):
        save_access_needs(
            dev.person, needs=[Need.EASY_READ], details=AccessDetails(), by=dev, method=ONLINE, agreed=False
        )

    assert (Consent.objects.count(), AccessProfile.objects.count(), AccessNeed.objects.count()) == (0, 0, 0)
    assert AuditEvent.objects.count() == 0


def test_save_access_needs_with_consent_already_given_needs_no_new_agreement(dev: User) -> None:
    agree(dev.person)

    save_access_needs(dev.person, needs=[Need.BREAKS], details=AccessDetails(), by=dev, method=ONLINE, agreed=False)

    assert Consent.objects.filter(person=dev.person).count() == 1
    assert needs_of(dev.person) == ["breaks"]
    assert events("people.consent_given") == []


def test_save_access_needs_replaces_the_needs_kept_before(dev: User) -> None:
    agree(dev.person)
    save_access_needs(
        dev.person, needs=[Need.BREAKS, Need.AUDIO], details=AccessDetails(), by=dev, method=ONLINE, agreed=False
    )

    save_access_needs(
        dev.person, needs=[Need.AUDIO, Need.STEP_FREE], details=AccessDetails(), by=dev, method=ONLINE, agreed=False
    )

    assert needs_of(dev.person) == ["audio", "step_free"]
    assert AccessProfile.objects.filter(person=dev.person).count() == 1


def test_save_access_needs_keeps_a_detail_only_while_its_need_is_ticked(dev: User) -> None:
    agree(dev.person)
    details = AccessDetails(
        large_print_size=20,
        language="Polish",
        dietary_details="Halal",
        papers_days_before=7,
        time_of_day="After 11am",
        other_needs="",
    )

    profile = save_access_needs(dev.person, needs=[Need.DIETARY], details=details, by=dev, method=ONLINE, agreed=False)

    profile.refresh_from_db()
    assert (profile.large_print_size, profile.language, profile.papers_days_before, profile.time_of_day) == (
        None,
        "",
        None,
        "",
    )
    assert profile.dietary_details == "Halal"


@pytest.mark.parametrize("need", [Need.OTHER_LANGUAGE, Need.OTHER_INTERPRETER])
def test_save_access_needs_keeps_the_language_for_either_language_need(dev: User, need: Need) -> None:
    agree(dev.person)

    profile = save_access_needs(
        dev.person, needs=[need], details=AccessDetails(language="Urdu"), by=dev, method=ONLINE, agreed=False
    )

    profile.refresh_from_db()
    assert profile.language == "Urdu"


def test_save_access_needs_keeps_timing_details(dev: User) -> None:
    agree(dev.person)

    profile = save_access_needs(
        dev.person,
        needs=[Need.PAPERS_IN_ADVANCE, Need.TIME_OF_DAY],
        details=AccessDetails(papers_days_before=5, time_of_day="Mornings"),
        by=dev,
        method=ONLINE,
        agreed=False,
    )

    profile.refresh_from_db()
    assert (profile.papers_days_before, profile.time_of_day) == (5, "Mornings")


def test_save_access_needs_by_a_coordinator_records_consent_on_their_behalf(amina: User) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    profile = save_access_needs(
        rosa, needs=[Need.STEP_FREE], details=AccessDetails(), by=amina, method=PHONE, agreed=True
    )

    [consent] = Consent.objects.filter(person=rosa)
    assert (consent.method, consent.recorded_by) == ("phone", amina)
    profile.refresh_from_db()
    assert (profile.recorded_by, profile.person_agreed) == (amina, True)
    assert [event.payload for event in events("people.access_needs_changed")] == [{"recorded_by_coordinator": True}]
    assert events("people.access_needs_changed")[0].actor == amina


def test_save_access_needs_by_a_coordinator_with_consent_given_adds_no_consent(amina: User) -> None:
    rosa = PersonFactory.create()
    agree(rosa, method=PAPER, by=amina)

    save_access_needs(rosa, needs=[Need.BRAILLE], details=AccessDetails(), by=amina, method=PAPER, agreed=True)

    assert Consent.objects.filter(person=rosa).count() == 1
    assert events("people.consent_given") == []


def test_save_access_needs_by_a_coordinator_always_needs_their_agreement(amina: User) -> None:
    rosa = PersonFactory.create()
    agree(rosa, method=PHONE, by=amina)

    with pytest.raises(ConsentNeeded):
        save_access_needs(rosa, needs=[Need.BRAILLE], details=AccessDetails(), by=amina, method=PHONE, agreed=False)

    assert AccessProfile.objects.count() == 0


def test_save_access_needs_by_the_person_after_a_coordinator_clears_who_recorded_them(dev: User, amina: User) -> None:
    save_access_needs(dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=amina, method=PHONE, agreed=True)

    profile = save_access_needs(
        dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=dev, method=ONLINE, agreed=False
    )

    profile.refresh_from_db()
    assert (profile.recorded_by, profile.person_agreed) == (None, True)


@pytest.mark.parametrize("method", [ONLINE, PHONE, PAPER])
@pytest.mark.parametrize("persona", ["tom", "priya", "grace", "sam"])
def test_save_access_needs_refuses_people_acting_for_someone_else(
    persona: str, method: ConsentMethod, everyone: dict[str, User]
) -> None:
    dev = everyone["dev"]

    with pytest.raises(PermissionDenied):
        save_access_needs(
            dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=everyone[persona], method=method, agreed=True
        )

    assert (Consent.objects.count(), AccessProfile.objects.count()) == (0, 0)


def test_save_access_needs_refuses_a_coordinator_claiming_online_consent_for_someone(amina: User) -> None:
    rosa = PersonFactory.create()

    with pytest.raises(PermissionDenied):
        save_access_needs(rosa, needs=[Need.AUDIO], details=AccessDetails(), by=amina, method=ONLINE, agreed=True)


def test_save_access_needs_refuses_the_person_claiming_phone_consent(dev: User) -> None:
    with pytest.raises(PermissionDenied):
        save_access_needs(dev.person, needs=[Need.AUDIO], details=AccessDetails(), by=dev, method=PHONE, agreed=True)


def test_save_access_needs_rejects_unknown_needs(dev: User) -> None:
    with pytest.raises(ValueError, match="Not access needs: jetpack"):
        save_access_needs(dev.person, needs=["jetpack"], details=AccessDetails(), by=dev, method=ONLINE, agreed=True)

    assert Consent.objects.count() == 0


def test_save_access_needs_audit_payloads_hold_no_needs_or_details(dev: User, amina: User) -> None:
    details = AccessDetails(
        large_print_size=24, language="Welsh", dietary_details="Vegan", papers_days_before=3, other_needs="Ramp"
    )
    everything = list(Need.values)

    save_access_needs(dev.person, needs=everything, details=details, by=dev, method=ONLINE, agreed=True)
    save_access_needs(dev.person, needs=everything, details=details, by=amina, method=PHONE, agreed=True)
    record_access_needs_view(dev.person, by=amina)

    trail = json.dumps([event.payload for event in AuditEvent.objects.all()])
    assert not [need for need in Need.values if need in trail]
    assert not [word for word in ("24", "Welsh", "Vegan", "Ramp") if word in trail]


# --- record_access_needs_view --------------------------------------------------------------------


def test_record_access_needs_view_by_a_coordinator_records_an_event_without_values(dev: User, amina: User) -> None:
    record_access_needs_view(dev.person, by=amina)

    [event] = events("people.access_needs_viewed")
    assert (event.actor, event.target_id, event.payload) == (amina, str(dev.person.pk), {})


def test_record_access_needs_view_by_the_person_records_nothing(dev: User) -> None:
    record_access_needs_view(dev.person, by=dev)

    assert events("people.access_needs_viewed") == []


@pytest.mark.parametrize("persona", ["grace", "tom", "priya", "sam"])
def test_record_access_needs_view_refuses_people_who_may_not_see_them(persona: str, everyone: dict[str, User]) -> None:
    with pytest.raises(PermissionDenied):
        record_access_needs_view(everyone["dev"].person, by=everyone[persona])
