"""The rules of telling us you are interested, for people without an account."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, InterestRequest
from coproduce.involvement.services.interest import InterestRefused, register_interest
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.people.models import Person

pytestmark = pytest.mark.django_db


def test_register_interest_creates_a_person_awaiting_confirmation_without_a_sign_in(workshop: Activity) -> None:
    users_before = User.objects.count()

    registration = register_interest(
        workshop, full_name="Olu Ade", email="olu@example.org", phone="", ip_address="203.0.113.5"
    )

    person = registration.person
    assert (person.full_name, person.email, person.contact_route) == ("Olu Ade", "olu@example.org", "email")
    assert person.awaiting_confirmation is True
    assert person.user is None
    assert User.objects.count() == users_before
    assert registration.status == RegistrationStatus.INTERESTED
    assert workshop.registrations.registered().count() == 0
    event = AuditEvent.objects.get(action="involvement.interest_registered")
    assert event.actor is None
    assert event.payload == {"activity": workshop.pk}


def test_register_interest_with_a_phone_number_asks_to_be_phoned(workshop: Activity) -> None:
    registration = register_interest(
        workshop, full_name="Olu Ade", email="", phone="01632 960001", ip_address="203.0.113.5"
    )

    assert (registration.person.phone, registration.person.contact_route) == ("01632 960001", "phone")


def test_register_interest_refuses_more_than_five_an_hour_from_one_address(workshop: Activity) -> None:
    for number in range(5):
        register_interest(workshop, full_name=f"Person {number}", email="", phone="1", ip_address="203.0.113.5")

    with pytest.raises(InterestRefused) as refusal:
        register_interest(workshop, full_name="Person 6", email="", phone="1", ip_address="203.0.113.5")

    assert refusal.value.message == (
        "We have had a lot of forms from your internet connection in the last hour. Please try again later."
    )
    assert Person.objects.filter(awaiting_confirmation=True).count() == 5
    assert register_interest(workshop, full_name="Another", email="", phone="1", ip_address="198.51.100.7")


def test_register_interest_limit_follows_the_setting(settings, workshop: Activity) -> None:
    settings.COPRODUCE_INTEREST_LIMIT_PER_IP = 1
    register_interest(workshop, full_name="Olu Ade", email="", phone="1", ip_address="203.0.113.5")

    with pytest.raises(InterestRefused):
        register_interest(workshop, full_name="Olu Ade", email="", phone="1", ip_address="203.0.113.5")


def test_register_interest_forgets_requests_older_than_an_hour(workshop: Activity) -> None:
    for _ in range(5):
        InterestRequest.objects.create(ip_address="203.0.113.5")
    InterestRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=61))

    register_interest(workshop, full_name="Olu Ade", email="", phone="1", ip_address="203.0.113.5")

    assert InterestRequest.objects.count() == 1


def test_register_interest_refuses_a_closed_activity() -> None:
    activity = ActivityFactory.create(is_open=False)

    with pytest.raises(InterestRefused) as refusal:
        register_interest(activity, full_name="Olu Ade", email="", phone="1", ip_address=None)

    assert refusal.value.message == "Registration for this activity is closed."
    assert Person.objects.count() == 0
