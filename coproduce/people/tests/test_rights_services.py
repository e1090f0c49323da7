"""Deleting an account at the person's request, and noting when someone's data is downloaded."""

import json
from datetime import timedelta
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.contrib.auth import SESSION_KEY, authenticate
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.db import models
from django.test import Client, RequestFactory
from django.utils import timezone

from coproduce.accounts.models import SignInLink, User, hash_token
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    CreditPreference,
    Need,
    Notice,
    Organisation,
    Person,
    Purpose,
)
from coproduce.people.services.rights import (
    ALREADY_ANONYMISED,
    ANONYMISED_NAME,
    KEPT_WHEN_ANONYMISED,
    AnonymiseRefused,
    DeletionReason,
    anonymise_person,
    erased_relations,
    record_data_download,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, Project


def equality_responses() -> Any:
    # Looked up by name: only analytics may import the equality app (ADR 0003).
    return apps.get_model("equality", "EqualityResponse").objects


def give_dev_everything(dev: User, project: Project) -> None:
    person = dev.person
    person.pronouns = "he/him"
    person.phone = "01632 960002"
    person.postal_address = "1 High Street"
    person.supporter_name = "Asha Patel"
    person.supporter_contact = "07700 900123"
    person.payment_preference = "voucher"
    person.organisation = Organisation.objects.create(name="Riverside Carers")
    person.save()
    profile = AccessProfile.objects.create(person=person, other_needs="A quiet room")
    AccessNeed.objects.create(profile=profile, need=Need.EASY_READ)
    Consent.objects.create(
        person=person, notice=Notice.objects.current(Purpose.ACCESS_NEEDS), method=ConsentMethod.ONLINE
    )
    equality_consent = Consent.objects.create(
        person=person, notice=Notice.objects.current(Purpose.EQUALITY_MONITORING), method=ConsentMethod.ONLINE
    )
    equality_responses().create(person=person, consent=equality_consent, ethnic_group="asian_indian")


def session_user_ids() -> list[str]:
    return sorted(session.get_decoded().get(SESSION_KEY, "") for session in Session.objects.all())


# --- anonymise_person: what goes ----------------------------------------------------------------------


def test_anonymise_person_erases_name_and_contact_details(dev: User, bus_stops: Project) -> None:
    give_dev_everything(dev, bus_stops)

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    person = Person.objects.get(pk=dev.person.pk)
    assert person.full_name == ANONYMISED_NAME
    assert person.preferred_name == ""
    assert person.pronouns == ""
    assert person.email == ""
    assert person.phone == ""
    assert person.postal_address == ""
    assert person.supporter_name == ""
    assert person.supporter_contact == ""
    assert person.organisation is None
    assert person.payment_preference == ""
    assert person.credit_preference == CreditPreference.ANONYMOUS
    assert person.anonymised_at is not None


def test_anonymise_person_deletes_access_needs_consents_and_equality_answers(dev: User, bus_stops: Project) -> None:
    give_dev_everything(dev, bus_stops)

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    assert not AccessProfile.objects.filter(person=dev.person).exists()
    assert AccessNeed.objects.count() == 0
    assert not Consent.objects.filter(person=dev.person).exists()
    assert not equality_responses().filter(person=dev.person).exists()


def test_anonymise_person_keeps_project_group_memberships(dev: User, bus_stops: Project) -> None:
    give_dev_everything(dev, bus_stops)

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    assert Membership.objects.filter(person=dev.person).count() == 1
    assert bus_stops.memberships.count() == 3


def test_anonymise_person_leaves_other_peoples_records_alone(dev: User, grace: User) -> None:
    AccessProfile.objects.create(person=grace.person, other_needs="Screen reader")
    Consent.objects.create(
        person=grace.person, notice=Notice.objects.current(Purpose.CONTACT), method=ConsentMethod.ONLINE
    )

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    grace.person.refresh_from_db()
    assert grace.person.full_name == "Grace Okafor"
    assert AccessProfile.objects.filter(person=grace.person).count() == 1
    assert Consent.objects.filter(person=grace.person).count() == 1
    assert User.objects.get(pk=grace.pk).is_active


def test_anonymise_person_closes_the_sign_in_for_good(dev: User) -> None:
    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    user = User.objects.get(pk=dev.pk)
    assert user.is_active is False
    assert user.has_usable_password() is False
    assert user.email == f"deleted-{dev.pk}@coproduce.invalid"
    assert Person.objects.get(pk=dev.person.pk).user_id == dev.pk
    for email in ("dev@example.org", user.email):
        request = RequestFactory().post("/accounts/sign-in/password/")
        assert authenticate(request, username=email, password="correct-horse-battery-staple") is None


def test_anonymise_person_ends_their_sessions_only(dev: User, grace: User) -> None:
    Client().force_login(dev)
    Client().force_login(dev)
    Client().force_login(grace)

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    assert session_user_ids() == [str(grace.pk)]


def test_anonymise_person_deletes_their_sign_in_links_and_lockout_records(dev: User, grace: User) -> None:
    now = timezone.now()
    SignInLink.objects.create(
        user=dev, token_hash=hash_token("dev-token"), created_at=now, expires_at=now + timedelta(minutes=15)
    )
    SignInLink.objects.create(
        user=grace,
        token_hash=hash_token("grace-token"),
        created_at=now,
        expires_at=now + timedelta(minutes=15),
    )
    AccessLog.objects.create(username="Dev@Example.org", ip_address="192.0.2.1", user_agent="test")
    AccessAttempt.objects.create(
        username="dev@example.org", ip_address="192.0.2.1", user_agent="test", failures_since_start=1
    )
    AccessLog.objects.create(username="grace@example.org", ip_address="192.0.2.2", user_agent="test")

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    assert list(SignInLink.objects.values_list("user_id", flat=True)) == [grace.pk]
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["grace@example.org"]
    assert AccessAttempt.objects.count() == 0


def test_anonymise_person_without_a_sign_in_erases_the_record(amina: User) -> None:
    person = PersonFactory.create(full_name="Rosa Lindqvist", phone="01632 960000")

    anonymise_person(person, by=amina, reason=DeletionReason.LETTER)

    person.refresh_from_db()
    assert person.full_name == ANONYMISED_NAME
    assert person.phone == ""
    assert person.user is None


# --- anonymise_person: the audit trail --------------------------------------------------------------


def test_anonymise_person_by_themselves_records_an_event_saying_so(dev: User) -> None:
    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    event = AuditEvent.objects.get(action="people.person_anonymised")
    assert event.actor == dev
    assert event.target_type == "people.person"
    assert event.target_id == str(dev.person.pk)
    assert event.payload == {"by_self": True, "reason": "online"}


def test_anonymise_person_by_a_coordinator_records_how_they_asked(amina: User, dev: User) -> None:
    anonymise_person(dev.person, by=amina, reason=DeletionReason.PHONE)

    event = AuditEvent.objects.get(action="people.person_anonymised")
    assert event.actor == amina
    assert event.payload == {"by_self": False, "reason": "phone"}


def test_anonymise_person_audit_payload_holds_no_name_or_contact_details(dev: User, bus_stops: Project) -> None:
    give_dev_everything(dev, bus_stops)

    anonymise_person(dev.person, by=dev, reason=DeletionReason.ONLINE)

    payload_text = json.dumps(AuditEvent.objects.get(action="people.person_anonymised").payload)
    assert "Dev" not in payload_text
    assert "dev@example.org" not in payload_text
    assert "01632" not in payload_text


# --- anonymise_person: refusals -----------------------------------------------------------------------


def test_anonymise_person_twice_is_refused_with_a_message_and_changes_nothing(amina: User, dev: User) -> None:
    anonymise_person(dev.person, by=amina, reason=DeletionReason.PHONE)
    events_before = AuditEvent.objects.count()

    with pytest.raises(AnonymiseRefused) as refusal:
        anonymise_person(dev.person, by=amina, reason=DeletionReason.PHONE)

    assert refusal.value.message == ALREADY_ANONYMISED
    assert refusal.value.message == "This record has already been deleted. There is nothing more to delete."
    assert AuditEvent.objects.count() == events_before


@pytest.mark.parametrize("persona", ["grace", "tom", "priya", "sam"])
def test_anonymise_person_refuses_anyone_but_the_person_or_a_coordinator(
    persona: str, everyone: dict[str, User]
) -> None:
    dev = everyone["dev"]

    with pytest.raises(PermissionDenied):
        anonymise_person(dev.person, by=everyone[persona], reason=DeletionReason.ONLINE)

    dev.person.refresh_from_db()
    assert dev.person.full_name == "Devendra Patel"
    assert User.objects.get(pk=dev.pk).is_active
    assert not AuditEvent.objects.filter(action="people.person_anonymised").exists()


def test_anonymise_person_refuses_a_partner_for_someone_in_their_organisation(priya: User) -> None:
    colleague = PersonFactory.create(organisation=priya.person.organisation)

    with pytest.raises(PermissionDenied):
        anonymise_person(colleague, by=priya, reason=DeletionReason.EMAIL)

    colleague.refresh_from_db()
    assert colleague.anonymised_at is None


def test_anonymise_person_by_an_admin_is_allowed(morgan: User, dev: User) -> None:
    anonymise_person(dev.person, by=morgan, reason=DeletionReason.IN_PERSON)

    assert AuditEvent.objects.get(action="people.person_anonymised").payload == {
        "by_self": False,
        "reason": "in_person",
    }


# --- erased_relations ---------------------------------------------------------------------------------


def test_erased_relations_are_access_needs_consents_and_equality_answers(db: None) -> None:
    # A new app that links its records to Person lands here: decide whether anonymising a person
    # erases its records (their data alone) or keeps them (so others' records still add up), and
    # add the model to KEPT_WHEN_ANONYMISED if kept.
    erased = {relation.related_model._meta.label_lower for relation in erased_relations()}

    assert erased == {
        "people.accessprofile",
        "people.consent",
        "equality.equalityresponse",
        "learning.induction",  # private notes from the induction conversation
        "communications.formatrequest",  # their name and how to reach them, for a request of their own
        "surveys.surveycompletion",  # only that they answered a survey (the answers carry no name)
        "communications.contactpreferences",  # how they want to be contacted
        "communications.message",  # what we sent them, and by which route
        "newsletters.recipient",  # that a newsletter went to them (the newsletter keeps its count)
        "reports.digest",  # that they were sent a digest of their contributions
        "payments.bankdetailsrecord",  # the day finance took their bank details (never the details)
    }


def test_erased_relations_leave_out_kept_records_and_links_that_are_not_cascades(db: None) -> None:
    erased = {relation.related_model._meta.label_lower for relation in erased_relations()}
    cascades = {
        relation.related_model._meta.label_lower
        for relation in Person._meta.related_objects
        if relation.on_delete is models.CASCADE
    }

    assert erased == cascades - KEPT_WHEN_ANONYMISED


def test_erased_relations_put_equality_answers_before_the_consents_they_rest_on(db: None) -> None:
    order = [relation.related_model._meta.label_lower for relation in erased_relations()]

    assert order.index("equality.equalityresponse") < order.index("people.consent")


# --- record_data_download -----------------------------------------------------------------------------


def test_record_data_download_by_the_person_records_an_event_without_values(dev: User) -> None:
    record_data_download(dev.person, by=dev, as_file=True)

    event = AuditEvent.objects.get(action="people.data_downloaded")
    assert event.actor == dev
    assert event.target_id == str(dev.person.pk)
    assert event.payload == {"as_file": True}


def test_record_data_download_by_a_coordinator_records_them_as_actor(amina: User, dev: User) -> None:
    record_data_download(dev.person, by=amina, as_file=False)

    event = AuditEvent.objects.get(action="people.data_downloaded")
    assert event.actor == amina
    assert event.payload == {"as_file": False}


@pytest.mark.parametrize("persona", ["grace", "tom", "priya", "sam"])
def test_record_data_download_refuses_anyone_but_the_person_or_a_coordinator(
    persona: str, everyone: dict[str, User]
) -> None:
    with pytest.raises(PermissionDenied):
        record_data_download(everyone["dev"].person, by=everyone[persona], as_file=True)

    assert not AuditEvent.objects.filter(action="people.data_downloaded").exists()
