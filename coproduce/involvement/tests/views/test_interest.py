"""Telling us you are interested: asking for a place without an account."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, InterestRequest, Registration
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.involvement.tests.views.helpers import ERROR_SUMMARY, ClientFor
from coproduce.people.models import Person

pytestmark = pytest.mark.django_db


def test_interest_form_has_a_labelled_honeypot_hidden_from_everyone(client: Client, workshop: Activity) -> None:
    response = client.get(f"/get-involved/{workshop.pk}/interested/")

    assertContains(response, '<h1 class="govuk-heading-l">Tell us you are interested</h1>')
    assertContains(response, '<div class="govuk-visually-hidden" aria-hidden="true">')
    assertContains(response, '<label for="id_website">Leave this empty</label>')
    assertContains(response, 'tabindex="-1"')


def test_interest_creates_a_person_for_a_coordinator_to_confirm(client: Client, workshop: Activity) -> None:
    response = client.post(
        f"/get-involved/{workshop.pk}/interested/",
        {"full_name": "Olu Ade", "email": "olu@example.org", "phone": "", "website": ""},
        REMOTE_ADDR="203.0.113.9",
    )

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    person = Person.objects.get(full_name="Olu Ade")
    assert (person.awaiting_confirmation, person.user) == (True, None)
    assert Registration.objects.get(person=person).status == RegistrationStatus.INTERESTED
    assert InterestRequest.objects.get().ip_address == "203.0.113.9"
    assertContains(client.get(f"/get-involved/{workshop.pk}/"), "Thank you. We will contact you to confirm your place.")


def test_interest_filled_in_by_a_robot_writes_nothing_but_looks_the_same(client: Client, workshop: Activity) -> None:
    people_before = Person.objects.count()

    response = client.post(
        f"/get-involved/{workshop.pk}/interested/",
        {"full_name": "Spam Bot", "email": "bot@example.org", "phone": "", "website": "http://spam.example"},
    )

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    assert Person.objects.count() == people_before
    assert (Registration.objects.count(), InterestRequest.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


def test_interest_beyond_the_hourly_limit_is_refused_with_a_plain_message(client: Client, workshop: Activity) -> None:
    for _ in range(5):
        InterestRequest.objects.create(ip_address="127.0.0.1")
    people_before = Person.objects.count()

    response = client.post(
        f"/get-involved/{workshop.pk}/interested/", {"full_name": "Olu Ade", "email": "olu@example.org"}
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "We have had a lot of forms from your internet connection in the last hour.")
    assert Person.objects.count() == people_before


def test_interest_with_nothing_filled_in_explains_what_is_needed(client: Client, workshop: Activity) -> None:
    people_before = Person.objects.count()

    response = client.post(f"/get-involved/{workshop.pk}/interested/", {})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_full_name">Enter your name</a>')
    assertContains(response, '<a href="#id_email">Enter an email address or a phone number, so we can contact you</a>')
    assert Person.objects.count() == people_before


def test_interest_page_tells_people_signed_in_to_register(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/interested/")

    assertContains(response, '<h1 class="govuk-heading-l">You are signed in</h1>')
    assertNotContains(response, "Leave this empty")


def test_interest_in_a_private_activity_is_not_found(client: Client) -> None:
    activity = ActivityFactory.create(is_open=False)

    assert client.get(f"/get-involved/{activity.pk}/interested/").status_code == 404
