"""Registering for an activity, withdrawing, and the person's own activities."""

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, in_days
from coproduce.involvement.tests.views.helpers import ERROR_SUMMARY, ClientFor
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def test_register_page_asks_to_confirm(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/register/")

    assertContains(response, '<h1 class="govuk-heading-l">Register for Bus stop design workshop?</h1>')
    assertContains(response, "Yes, register me</button>")
    assert Registration.objects.count() == 0


def test_register_gives_a_member_a_place(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    client = client_for(dev)

    response = client.post(f"/get-involved/{workshop.pk}/register/")

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    assert Registration.objects.get().status == RegistrationStatus.REGISTERED
    assertContains(
        client.get(f"/get-involved/{workshop.pk}/"),
        "You are registered for Bus stop design workshop. We have sent you an email.",
    )


def test_register_puts_a_member_on_the_waiting_list_when_full(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    client = client_for(dev)

    client.post(f"/get-involved/{workshop.pk}/register/")

    assert Registration.objects.get(person=dev.person).status == RegistrationStatus.WAITING
    assertContains(client.get(f"/get-involved/{workshop.pk}/"), "Bus stop design workshop is full. You are on the")


def test_register_refuses_twice_with_an_error_summary(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(dev).post(f"/get-involved/{workshop.pk}/register/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#confirm-register">You are already registered for this activity.</a>')
    assert Registration.objects.count() == 1


def test_register_for_a_closed_activity_the_person_can_see_is_refused_with_a_message(
    grace: User, bus_stops: Project, client_for: ClientFor
) -> None:
    activity = ActivityFactory.create(project=bus_stops, is_open=False)

    response = client_for(grace).post(f"/get-involved/{activity.pk}/register/")

    assertContains(response, "Registration for this activity is closed.")
    assert Registration.objects.count() == 0


def test_register_is_refused_to_a_user_without_a_record(workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(UserFactory.create(role=Role.MEMBER)).post(f"/get-involved/{workshop.pk}/register/")

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_register_sends_people_signed_out_to_sign_in(client: Client, workshop: Activity) -> None:
    response = client.post(f"/get-involved/{workshop.pk}/register/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert Registration.objects.count() == 0


def test_withdraw_page_asks_to_confirm(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(dev).get(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(response, '<h1 class="govuk-heading-l">Withdraw from Bus stop design workshop?</h1>')
    assertContains(response, "Yes, withdraw</button>")


def test_withdraw_takes_a_member_off_and_moves_the_next_person_up(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    mine = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop)
    waiting = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    client = client_for(dev)

    response = client.post(f"/get-involved/registrations/{mine.pk}/withdraw/")

    assertRedirects(response, "/get-involved/yours/", fetch_redirect_response=False)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == (RegistrationStatus.WITHDRAWN, RegistrationStatus.REGISTERED)
    assertContains(client.get("/get-involved/yours/"), "You have withdrawn from Bus stop design workshop.")


def test_withdraw_refuses_someone_elses_registration(
    dev: User, grace: User, workshop: Activity, client_for: ClientFor
) -> None:
    graces = RegistrationFactory.create(activity=workshop, person=grace.person)

    page = client_for(dev).get(f"/get-involved/registrations/{graces.pk}/withdraw/")
    post = client_for(dev).post(f"/get-involved/registrations/{graces.pk}/withdraw/")

    assert (page.status_code, post.status_code) == (403, 403)
    graces.refresh_from_db()
    assert graces.status == RegistrationStatus.REGISTERED


def test_withdraw_of_a_registration_that_does_not_exist_is_not_found(dev: User, client_for: ClientFor) -> None:
    assert client_for(dev).get("/get-involved/registrations/99999/withdraw/").status_code == 404


def test_withdraw_by_a_coordinator_goes_back_to_the_roster(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=PersonFactory.create(full_name="Rosa Lind"))
    client = client_for(amina)

    page = client.get(f"/get-involved/registrations/{registration.pk}/withdraw/")
    response = client.post(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(page, '<h1 class="govuk-heading-l">Withdraw Rosa Lind?</h1>')
    assertRedirects(response, f"/get-involved/manage/{workshop.pk}/roster/", fetch_redirect_response=False)


def test_withdraw_twice_is_refused_with_a_message(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WITHDRAWN)

    response = client_for(dev).post(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "This registration has already been withdrawn.")


def test_your_activities_lists_places_and_waiting_but_not_withdrawals(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=ActivityFactory.create(title="Gone"), person=dev.person, status="withdrawn")
    past = ActivityFactory.create(title="Last year's review", starts_at=in_days(-30), ends_at=in_days(-30, hour=12))
    RegistrationFactory.create(activity=past, person=dev.person)

    response = client_for(dev).get("/get-involved/yours/")

    assertContains(response, "Bus stop design workshop</a>")
    assertContains(response, f'href="/get-involved/registrations/{registration.pk}/withdraw/">Withdraw')
    assertContains(response, '<h2 class="govuk-heading-m">Past activities</h2>')
    assertContains(response, "Last year&#x27;s review</a>")
    assertNotContains(response, "Gone")


def test_your_activities_says_when_there_is_nothing(tom: User, client_for: ClientFor) -> None:
    response = client_for(tom).get("/get-involved/yours/")

    assertContains(response, "You have not registered for anything coming up.")
