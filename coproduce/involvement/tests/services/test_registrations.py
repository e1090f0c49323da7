"""The rules of registering, the waiting list, and withdrawing."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.services.registrations import RegistrationRefused, register, withdraw
from coproduce.involvement.services.roster import mark_ready
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, give_needs, in_days
from coproduce.involvement.tests.services.helpers import full_workshop, queued, run_after
from coproduce.people.models import Need
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_register_gives_a_place_and_queues_the_confirmation_and_reminder(
    dev: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(workshop, person=dev.person, by=dev)

    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.registered_by == dev
    assert queued("tell_person_about_registration") == [{"registration_id": registration.pk, "event": "registered"}]
    assert queued("send_activity_reminder") == [
        {"registration_id": registration.pk, "starts_at": workshop.starts_at.isoformat()}
    ]
    assert run_after("send_activity_reminder") == [workshop.starts_at - timedelta(days=2)]
    event = AuditEvent.objects.get(action="involvement.registered")
    assert event.payload == {"activity": workshop.pk, "status": "registered"}


def test_register_puts_people_on_the_waiting_list_when_the_activity_is_full(
    dev: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    full_workshop(workshop)

    with django_capture_on_commit_callbacks(execute=True):
        registration = register(workshop, person=dev.person, by=dev)

    assert registration.status == RegistrationStatus.WAITING
    assert workshop.registrations.registered().count() == 2
    assert queued("tell_person_about_registration") == [{"registration_id": registration.pk, "event": "waiting"}]


def test_register_always_gives_a_place_when_there_is_no_limit(dev: User) -> None:
    activity = ActivityFactory.create(capacity=None)
    RegistrationFactory.create_batch(30, activity=activity)

    registration = register(activity, person=dev.person, by=dev)

    assert registration.status == RegistrationStatus.REGISTERED


def test_register_refuses_when_registration_is_closed(dev: User) -> None:
    activity = ActivityFactory.create(is_open=False)

    with pytest.raises(RegistrationRefused) as refusal:
        register(activity, person=dev.person, by=dev)

    assert refusal.value.message == "Registration for this activity is closed."
    assert Registration.objects.count() == 0


def test_register_lets_a_coordinator_add_someone_before_registration_opens(amina: User) -> None:
    activity = ActivityFactory.create(is_open=False)
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")

    registration = register(activity, person=rosa, by=amina)

    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.registered_by == amina


def test_register_refuses_once_the_activity_has_started(dev: User) -> None:
    activity = ActivityFactory.create(starts_at=in_days(-1), ends_at=in_days(1))

    with pytest.raises(RegistrationRefused) as refusal:
        register(activity, person=dev.person, by=dev)

    assert refusal.value.message == "This activity has already started, so nobody can register for it now."


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (RegistrationStatus.REGISTERED, "You are already registered for this activity."),
        (RegistrationStatus.WAITING, "You are already on the waiting list for this activity."),
    ],
)
def test_register_refuses_someone_already_registered_or_waiting(
    dev: User, workshop: Activity, status: str, message: str
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person, status=status)

    with pytest.raises(RegistrationRefused) as refusal:
        register(workshop, person=dev.person, by=dev)

    assert refusal.value.message == message
    assert Registration.objects.count() == 1


def test_register_names_the_person_when_a_coordinator_adds_someone_already_registered(
    amina: User, dev: User, workshop: Activity
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    with pytest.raises(RegistrationRefused) as refusal:
        register(workshop, person=dev.person, by=amina)

    assert refusal.value.message == "Devendra Patel is already registered for this activity."


def test_register_renews_a_withdrawn_registration_at_the_back_of_the_queue(dev: User, workshop: Activity) -> None:
    old = RegistrationFactory.create(
        activity=workshop,
        person=dev.person,
        status=RegistrationStatus.WITHDRAWN,
        joined_at=timezone.now() - timedelta(days=3),
        reminder_sent_at=timezone.now(),
    )

    registration = register(workshop, person=dev.person, by=dev)

    assert registration.pk == old.pk
    assert registration.status == RegistrationStatus.REGISTERED
    assert registration.joined_at > timezone.now() - timedelta(minutes=1)
    assert registration.reminder_sent_at is None


def test_register_confirms_someone_who_said_they_were_interested(amina: User, workshop: Activity) -> None:
    interested = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.INTERESTED)

    registration = register(workshop, person=interested.person, by=amina)

    assert registration.pk == interested.pk
    assert registration.status == RegistrationStatus.REGISTERED


def test_register_refuses_a_member_registering_someone_else(dev: User, grace: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        register(workshop, person=grace.person, by=dev)

    assert Registration.objects.count() == 0


def test_register_refuses_a_user_without_a_record_of_their_own(workshop: Activity) -> None:
    user = UserFactory.create(role=Role.MEMBER)
    stranger = PersonFactory.create()

    with pytest.raises(PermissionDenied):
        register(workshop, person=stranger, by=user)


def test_register_plans_no_reminder_when_the_activity_is_under_two_days_away(
    dev: User, django_capture_on_commit_callbacks
) -> None:
    activity = ActivityFactory.create(starts_at=timezone.now() + timedelta(days=1))

    with django_capture_on_commit_callbacks(execute=True):
        register(activity, person=dev.person, by=dev)

    assert queued("send_activity_reminder") == []
    assert len(queued("tell_person_about_registration")) == 1


def test_register_makes_a_ready_activity_not_ready_when_someone_with_needs_joins(
    amina: User, dev: User, workshop: Activity
) -> None:
    mark_ready(workshop, by=amina)
    give_needs(dev.person, Need.EASY_READ)

    register(workshop, person=dev.person, by=dev)

    workshop.refresh_from_db()
    assert workshop.is_ready is False
    assert workshop.ready_at is None
    assert AuditEvent.objects.filter(action="involvement.activity_no_longer_ready").count() == 1


def test_register_keeps_a_ready_activity_ready_when_someone_without_needs_joins(
    amina: User, tom: User, workshop: Activity
) -> None:
    mark_ready(workshop, by=amina)

    register(workshop, person=tom.person, by=tom)

    workshop.refresh_from_db()
    assert workshop.is_ready is True


# --- withdraw -----------------------------------------------------------------------------


def test_withdraw_moves_the_first_person_waiting_up_and_tells_them(
    dev: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    mine = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop)
    first = RegistrationFactory.create(
        activity=workshop, status=RegistrationStatus.WAITING, joined_at=timezone.now() - timedelta(hours=2)
    )
    second = RegistrationFactory.create(
        activity=workshop, status=RegistrationStatus.WAITING, joined_at=timezone.now() - timedelta(hours=1)
    )

    with django_capture_on_commit_callbacks(execute=True):
        moved_up = withdraw(mine, by=dev)

    mine.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert moved_up == [first]
    assert mine.status == RegistrationStatus.WITHDRAWN
    assert first.status == RegistrationStatus.REGISTERED
    assert second.status == RegistrationStatus.WAITING
    assert queued("tell_person_about_registration") == [{"registration_id": first.pk, "event": "moved_up"}]
    assert [event.action for event in AuditEvent.objects.order_by("id")] == [
        "involvement.registration_withdrawn",
        "involvement.moved_up_from_waiting_list",
    ]


def test_withdraw_from_the_waiting_list_moves_nobody_up(dev: User, workshop: Activity) -> None:
    full_workshop(workshop)
    mine = RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WAITING)
    other = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)

    moved_up = withdraw(mine, by=dev)

    other.refresh_from_db()
    assert moved_up == []
    assert other.status == RegistrationStatus.WAITING


def test_withdraw_refuses_a_registration_already_withdrawn(dev: User, workshop: Activity) -> None:
    mine = RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WITHDRAWN)

    with pytest.raises(RegistrationRefused) as refusal:
        withdraw(mine, by=dev)

    assert refusal.value.message == "This registration has already been withdrawn."


def test_withdraw_refuses_someone_elses_registration(dev: User, grace: User, workshop: Activity) -> None:
    graces = RegistrationFactory.create(activity=workshop, person=grace.person)

    with pytest.raises(PermissionDenied):
        withdraw(graces, by=dev)

    graces.refresh_from_db()
    assert graces.status == RegistrationStatus.REGISTERED


def test_withdraw_lets_a_coordinator_withdraw_someone_who_phoned(amina: User, workshop: Activity) -> None:
    registration = RegistrationFactory.create(activity=workshop)

    withdraw(registration, by=amina)

    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.WITHDRAWN
