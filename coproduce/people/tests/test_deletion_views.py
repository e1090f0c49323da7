"""Deleting an account: the person deleting their own, and a coordinator deleting someone's record when asked."""

from collections.abc import Callable

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessProfile,
    Consent,
    Person,
)
from coproduce.people.services.rights import DeletionReason, anonymise_person
from coproduce.people.tests.factories import PersonFactory
from coproduce.people.tests.rights_records import record_what_dev_entered
from coproduce.projects.models import Membership

ClientFor = Callable[[User], Client]


NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]


# --- you:delete -------------------------------------------------------------------------------------


def test_your_account_delete_explains_what_goes_and_what_stays(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/delete/")

    assertContains(response, '<h1 class="govuk-heading-l">Delete your account</h1>', html=True)
    assertContains(response, "<li>your access needs</li>", html=True)
    assertContains(response, "<li>your equality monitoring answers</li>", html=True)
    assertContains(response, "<li>your sign-in, so nobody can use it again</li>", html=True)
    assertContains(response, "We do not keep your name with it.")
    assertContains(response, "I understand this cannot be undone")
    assertContains(response, 'class="govuk-button govuk-button--warning"')
    assertContains(response, "Delete my account")


def test_your_account_delete_without_the_tick_shows_an_error_and_changes_nothing(
    dev: User, client_for: ClientFor
) -> None:
    response = client_for(dev).post("/you/delete/", {})

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, 'href="#id_confirm">Tick the box to show you understand this cannot be undone</a>')
    assertContains(response, "<title>Error: Delete your account – Coproduce</title>")
    dev.person.refresh_from_db()
    assert dev.person.full_name == "Devendra Patel"
    assert dev.person.anonymised_at is None
    assert User.objects.get(pk=dev.pk).is_active
    assert not AuditEvent.objects.filter(action="people.person_anonymised").exists()


def test_your_account_delete_anonymises_you_and_signs_you_out(dev: User, client_for: ClientFor) -> None:
    record_what_dev_entered(dev)
    client = client_for(dev)

    response = client.post("/you/delete/", {"confirm": "on"}, follow=True)

    assertRedirects(response, "/accounts/signed-out/")
    assertContains(response, "Your account has been deleted. We no longer keep your name or how to contact you.")
    person = Person.objects.get(pk=dev.person.pk)
    assert person.full_name == "Former participant"
    assert person.anonymised_at is not None
    assert not AccessProfile.objects.filter(person=person).exists()
    assert not Consent.objects.filter(person=person).exists()
    assert Membership.objects.filter(person=person).count() == 1
    assert not any(session.get_decoded().get("_auth_user_id") == str(dev.pk) for session in Session.objects.all())
    assert AuditEvent.objects.get(action="people.person_anonymised").payload == {"by_self": True, "reason": "online"}
    assert client.get("/you/data/").status_code == 302


def test_your_account_delete_leaves_you_unable_to_sign_in_with_your_password(
    dev: User, client: Client, client_for: ClientFor
) -> None:
    client_for(dev).post("/you/delete/", {"confirm": "on"})

    response = client.post(
        "/accounts/sign-in/password/", {"username": "dev@example.org", "password": "correct-horse-battery-staple"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# --- people:delete ----------------------------------------------------------------------------------


def test_person_delete_asks_a_coordinator_how_they_asked(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).get(f"/people/{rosa.pk}/delete/")

    assertContains(response, '<h1 class="govuk-heading-l">Delete the record of Rosa Lindqvist</h1>', html=True)
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How did they ask?</legend>'
    )
    assertContains(response, "By letter")
    assertNotContains(response, "Online, by themselves")
    assertContains(response, "<li>their access needs</li>", html=True)
    assertContains(response, "Delete their record")
    assertContains(response, f'href="/people/{rosa.pk}/data/"')


def test_person_delete_with_nothing_chosen_shows_both_errors_and_changes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {})

    assertContains(response, "Select how they asked you to delete their record")
    assertContains(response, "Tick the box to show you understand this cannot be undone")
    rosa.refresh_from_db()
    assert rosa.full_name == "Rosa Lindqvist"
    assert not AuditEvent.objects.filter(action="people.person_anonymised").exists()


def test_person_delete_with_only_the_tick_still_asks_how_they_asked(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {"confirm": "on"})

    assertContains(response, 'href="#id_how_asked_0">Select how they asked you to delete their record</a>')
    rosa.refresh_from_db()
    assert rosa.anonymised_at is None


def test_person_delete_anonymises_them_and_goes_back_to_the_people_list(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    client = client_for(amina)

    response = client.post(f"/people/{dev.person.pk}/delete/", {"how_asked": "letter", "confirm": "on"}, follow=True)

    assertRedirects(response, "/people/")
    assertContains(response, "Their record has been deleted. Their name and contact details are gone.")
    assert Person.objects.get(pk=dev.person.pk).full_name == "Former participant"
    assert not User.objects.get(pk=dev.pk).is_active
    event = AuditEvent.objects.get(action="people.person_anonymised")
    assert event.actor == amina
    assert event.payload == {"by_self": False, "reason": "letter"}
    assert client.get("/people/").status_code == 200


def test_person_delete_of_your_own_record_signs_you_out(amina: User, client_for: ClientFor) -> None:
    client = client_for(amina)

    response = client.post(f"/people/{amina.person.pk}/delete/", {"how_asked": "in_person", "confirm": "on"})

    assertRedirects(response, "/accounts/signed-out/", fetch_redirect_response=False)
    assert AuditEvent.objects.get(action="people.person_anonymised").payload == {"by_self": True, "reason": "in_person"}
    assert client.get("/people/").status_code == 302


def test_person_delete_of_a_deleted_record_says_so_without_a_form(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    anonymise_person(rosa, by=amina, reason=DeletionReason.PHONE)

    response = client_for(amina).get(f"/people/{rosa.pk}/delete/")

    assertContains(response, "There is nothing more to delete.")
    assertNotContains(response, "govuk-button--warning")


def test_person_delete_sent_twice_is_refused_with_a_clear_message(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    anonymise_person(rosa, by=amina, reason=DeletionReason.PHONE)

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {"how_asked": "phone", "confirm": "on"})

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(
        response, 'href="#main-content">This record has already been deleted. There is nothing more to delete.</a>'
    )
    assert AuditEvent.objects.filter(action="people.person_anonymised").count() == 1


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_person_delete_is_refused_to_everyone_but_coordinators(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    someone = PersonFactory.create(full_name="Rosa Lindqvist", organisation=everyone["priya"].person.organisation)
    client = client_for(everyone[persona])

    get_response = client.get(f"/people/{someone.pk}/delete/")
    post_response = client.post(f"/people/{someone.pk}/delete/", {"how_asked": "phone", "confirm": "on"})

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    someone.refresh_from_db()
    assert someone.full_name == "Rosa Lindqvist"
