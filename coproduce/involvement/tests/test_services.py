"""The rules of planning activities, registering, arranging access needs and recording attendance."""

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import (
    ActivityFormat,
    ArrangementStatus,
    AttendanceRole,
    OutreachChannel,
    RegistrationStatus,
)
from coproduce.involvement.models import Activity, Attendance, InterestRequest, NeedArrangement, Registration
from coproduce.involvement.services import (
    ActivityRefused,
    ArrangementRefused,
    InterestRefused,
    NotReady,
    RegistrationRefused,
    create_activity,
    mark_ready,
    record_attendance,
    record_roster_view,
    register,
    register_interest,
    set_arrangements,
    set_registration_open,
    update_activity,
    withdraw,
)
from coproduce.involvement.tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    RegistrationFactory,
    give_needs,
    in_days,
)
from coproduce.model import LadderRung
from coproduce.people.models import Need, Person
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def queued(task_name: str) -> list[dict[str, Any]]:
    """The keyword arguments of each queued run of the task named ``task_name``, oldest first."""
    return [
        result.args_kwargs["kwargs"]
        for result in DBTaskResult.objects.filter(task_path__endswith=f".{task_name}").order_by("enqueued_at")
    ]


def run_after(task_name: str) -> list[datetime]:
    return [
        result.run_after
        for result in DBTaskResult.objects.filter(task_path__endswith=f".{task_name}").order_by("enqueued_at")
    ]


def new_activity(project: Project, **fields: Any) -> Activity:
    values: dict[str, Any] = {
        "project": project,
        "stage": "design",
        "kind": "workshop",
        "title": "Bus stop design workshop",
        "description": "We plan the new bus stops together.",
        "format": ActivityFormat.IN_PERSON,
        "starts_at": in_days(14),
        "ends_at": in_days(14, hour=12),
        "planned_rung": LadderRung.CO_DESIGN,
    }
    values.update(fields)
    return Activity(**values)


def full_workshop(workshop: Activity) -> list[Registration]:
    return RegistrationFactory.create_batch(2, activity=workshop)


# --- create_activity ----------------------------------------------------------------------


def test_create_activity_saves_the_activity_with_its_outreach(amina: User, bus_stops: Project) -> None:
    activity = create_activity(
        new_activity(bus_stops),
        channels=[OutreachChannel.EMAIL_LIST, OutreachChannel.PARTNER_ORGANISATIONS],
        by=amina,
    )

    activity.refresh_from_db()
    assert activity.created_by == amina
    assert activity.is_open is False
    assert activity.is_ready is False
    assert sorted(activity.outreach.values_list("channel", flat=True)) == ["email_list", "partner_organisations"]
    event = AuditEvent.objects.get(action="activity.created")
    assert event.actor == amina
    assert event.target_id == str(activity.pk)
    assert event.payload == {"project": bus_stops.pk}


def test_create_activity_refuses_a_start_in_the_past(amina: User, bus_stops: Project) -> None:
    activity = new_activity(bus_stops, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))

    with pytest.raises(ActivityRefused) as refusal:
        create_activity(activity, channels=[], by=amina)

    assert refusal.value.errors == {"starts_at": "The start must be in the future"}
    assert Activity.objects.count() == 0


def test_create_activity_refuses_an_end_before_the_start(amina: User, bus_stops: Project) -> None:
    activity = new_activity(bus_stops, starts_at=in_days(14, hour=12), ends_at=in_days(14, hour=10))

    with pytest.raises(ActivityRefused) as refusal:
        create_activity(activity, channels=[], by=amina)

    assert refusal.value.errors == {"ends_at": "The end must be after the start"}
    assert Activity.objects.count() == 0


def test_create_activity_refuses_an_end_at_the_same_moment_as_the_start(amina: User, bus_stops: Project) -> None:
    activity = new_activity(bus_stops, starts_at=in_days(14), ends_at=in_days(14))

    with pytest.raises(ActivityRefused) as refusal:
        create_activity(activity, channels=[], by=amina)

    assert refusal.value.errors == {"ends_at": "The end must be after the start"}


def test_create_activity_refuses_dates_for_papers_and_support_after_the_activity(
    amina: User, bus_stops: Project
) -> None:
    day = timezone.localdate(in_days(14))
    activity = new_activity(
        bus_stops, papers_issued_on=day + timedelta(days=1), adjustments_deadline=day + timedelta(days=1)
    )

    with pytest.raises(ActivityRefused) as refusal:
        create_activity(activity, channels=[], by=amina)

    assert refusal.value.errors == {
        "adjustments_deadline": "The last day to ask for support must be on or before the day of the activity",
        "papers_issued_on": "Papers must go out on or before the day of the activity",
    }


def test_create_activity_refuses_a_picture_without_a_description(amina: User, bus_stops: Project) -> None:
    activity = new_activity(bus_stops, easy_read_image="involvement/easy-read/bus.png", easy_read_image_alt=" ")

    with pytest.raises(ActivityRefused) as refusal:
        create_activity(activity, channels=[], by=amina)

    assert refusal.value.errors == {"easy_read_image_alt": "Describe the picture for people who cannot see it"}


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_create_activity_is_refused_to_people_who_do_not_run_activities(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        create_activity(new_activity(bus_stops), channels=[], by=user)

    assert Activity.objects.count() == 0


def test_create_activity_plans_the_alert_for_when_the_deadline_passes(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    deadline = timezone.localdate(in_days(7))

    with django_capture_on_commit_callbacks(execute=True):
        activity = create_activity(new_activity(bus_stops, adjustments_deadline=deadline), channels=[], by=amina)

    assert queued("alert_open_needs_at_deadline") == [{"activity_id": activity.pk, "deadline": deadline.isoformat()}]
    assert run_after("alert_open_needs_at_deadline") == [
        timezone.make_aware(datetime.combine(deadline + timedelta(days=1), time.min))
    ]


def test_create_activity_plans_no_alert_without_a_deadline(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        create_activity(new_activity(bus_stops), channels=[], by=amina)

    assert queued("alert_open_needs_at_deadline") == []


# --- update_activity ----------------------------------------------------------------------


def test_update_activity_refuses_fewer_places_than_people_registered(amina: User, workshop: Activity) -> None:
    full_workshop(workshop)
    workshop.capacity = 1

    with pytest.raises(ActivityRefused) as refusal:
        update_activity(workshop, channels=[], by=amina)

    assert refusal.value.errors == {
        "capacity": "2 people are already registered, so the number of places must be 2 or more"
    }
    workshop.refresh_from_db()
    assert workshop.capacity == 2


def test_update_activity_keeps_a_start_that_has_passed_when_it_does_not_move(amina: User) -> None:
    activity = ActivityFactory.create(starts_at=in_days(-1), ends_at=in_days(-1, hour=12))
    activity.title = "Bus stop design workshop (held)"

    update_activity(activity, channels=[], by=amina)

    activity.refresh_from_db()
    assert activity.title == "Bus stop design workshop (held)"
    assert AuditEvent.objects.get(action="activity.updated").payload == {"changed": "title"}


def test_update_activity_refuses_moving_the_start_into_the_past(amina: User, workshop: Activity) -> None:
    workshop.starts_at = in_days(-2)

    with pytest.raises(ActivityRefused) as refusal:
        update_activity(workshop, channels=[], by=amina)

    assert refusal.value.errors["starts_at"] == "The start must be in the future"


def test_update_activity_offers_new_places_to_the_waiting_list_in_order(
    amina: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    full_workshop(workshop)
    first = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    second = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    workshop.capacity = 3

    with django_capture_on_commit_callbacks(execute=True):
        update_activity(workshop, channels=[], by=amina)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == RegistrationStatus.REGISTERED
    assert second.status == RegistrationStatus.WAITING
    assert queued("tell_person_about_registration") == [{"registration_id": first.pk, "event": "moved_up"}]


def test_update_activity_replaces_the_outreach(amina: User, workshop: Activity) -> None:
    workshop.outreach.create(channel=OutreachChannel.SOCIAL_MEDIA)

    update_activity(workshop, channels=[OutreachChannel.POSTERS, OutreachChannel.WEBSITE], by=amina)

    assert sorted(workshop.outreach.values_list("channel", flat=True)) == ["posters", "website"]


def test_update_activity_plans_new_reminders_when_the_activity_moves(
    amina: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    registration = RegistrationFactory.create(activity=workshop, reminder_sent_at=timezone.now())
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WITHDRAWN)
    new_start = in_days(21)
    workshop.starts_at, workshop.ends_at = new_start, new_start + timedelta(hours=2)

    with django_capture_on_commit_callbacks(execute=True):
        update_activity(workshop, channels=[], by=amina)

    registration.refresh_from_db()
    assert registration.reminder_sent_at is None
    assert queued("send_activity_reminder") == [
        {"registration_id": registration.pk, "starts_at": new_start.isoformat()}
    ]
    assert run_after("send_activity_reminder") == [new_start - timedelta(days=2)]


def test_update_activity_plans_a_new_alert_when_the_deadline_changes(
    amina: User, workshop: Activity, django_capture_on_commit_callbacks
) -> None:
    deadline = timezone.localdate(in_days(10))
    workshop.adjustments_deadline = deadline

    with django_capture_on_commit_callbacks(execute=True):
        update_activity(workshop, channels=[], by=amina)

    assert queued("alert_open_needs_at_deadline") == [{"activity_id": workshop.pk, "deadline": deadline.isoformat()}]


def test_update_activity_is_refused_to_members(dev: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        update_activity(workshop, channels=[], by=dev)


# --- set_registration_open ----------------------------------------------------------------


def test_set_registration_open_opens_and_closes(amina: User, workshop: Activity) -> None:
    Activity.objects.filter(pk=workshop.pk).update(is_open=False)

    set_registration_open(workshop, is_open=True, by=amina)
    opened = Activity.objects.get(pk=workshop.pk).is_open
    set_registration_open(workshop, is_open=False, by=amina)

    assert opened is True
    assert Activity.objects.get(pk=workshop.pk).is_open is False
    assert list(AuditEvent.objects.order_by("id").values_list("action", flat=True)) == [
        "activity.opened",
        "activity.closed",
    ]


def test_set_registration_open_refuses_an_activity_that_has_started(amina: User) -> None:
    activity = ActivityFactory.create(is_open=False, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))

    with pytest.raises(ActivityRefused) as refusal:
        set_registration_open(activity, is_open=True, by=amina)

    assert refusal.value.errors == {"__all__": "This activity has already started, so it cannot open for registration"}
    activity.refresh_from_db()
    assert activity.is_open is False


def test_set_registration_open_is_refused_to_members(dev: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        set_registration_open(workshop, is_open=False, by=dev)


# --- register -----------------------------------------------------------------------------


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
    event = AuditEvent.objects.get(action="registration.created")
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
    assert AuditEvent.objects.filter(action="activity.no_longer_ready").count() == 1


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
        "registration.withdrawn",
        "registration.moved_up",
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


# --- register_interest --------------------------------------------------------------------


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
    event = AuditEvent.objects.get(action="registration.interest_registered")
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


# --- set_arrangements ---------------------------------------------------------------------


@pytest.fixture
def devs_place(dev: User, workshop: Activity) -> Registration:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    return RegistrationFactory.create(activity=workshop, person=dev.person)


def test_set_arrangements_records_each_need_and_tells_the_person_what_cannot_be_met(
    amina: User, devs_place: Registration, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        changed = set_arrangements(
            devs_place,
            decisions={
                "easy_read": (ArrangementStatus.MET, ""),
                "step_free": (ArrangementStatus.CANNOT_BE_MET, "  The lift is broken until May.  "),
            },
            by=amina,
        )

    assert len(changed) == 2
    rows = {row.need: (row.status, row.reason) for row in devs_place.arrangements.all()}
    assert rows == {"easy_read": ("met", ""), "step_free": ("cannot_be_met", "The lift is broken until May.")}
    step_free = devs_place.arrangements.get(need="step_free")
    assert queued("tell_person_need_cannot_be_met") == [{"arrangement_id": step_free.pk}]
    event = AuditEvent.objects.get(action="registration.arrangements_updated")
    assert event.payload == {"activity": devs_place.activity_id, "changed": 2}


def test_set_arrangements_refuses_cannot_be_met_without_a_reason(amina: User, devs_place: Registration) -> None:
    with pytest.raises(ArrangementRefused) as refusal:
        set_arrangements(
            devs_place,
            decisions={"easy_read": (ArrangementStatus.MET, ""), "step_free": (ArrangementStatus.CANNOT_BE_MET, " ")},
            by=amina,
        )

    assert refusal.value.errors == {"reason_step_free": "Say why this cannot be met. We will tell the person."}
    assert NeedArrangement.objects.count() == 0


def test_set_arrangements_refuses_a_need_the_person_did_not_tell_us(amina: User, devs_place: Registration) -> None:
    with pytest.raises(ValueError, match="braille"):
        set_arrangements(devs_place, decisions={"braille": (ArrangementStatus.MET, "")}, by=amina)


def test_set_arrangements_leaves_needs_without_a_choice_and_unchanged_needs_alone(
    amina: User, devs_place: Registration
) -> None:
    set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=amina)

    changed = set_arrangements(
        devs_place, decisions={"easy_read": (ArrangementStatus.MET, ""), "step_free": ("", "")}, by=amina
    )

    assert changed == []
    assert list(devs_place.arrangements.values_list("need", flat=True)) == ["easy_read"]
    assert AuditEvent.objects.filter(action="registration.arrangements_updated").count() == 1


def test_set_arrangements_makes_the_activity_not_ready_when_a_need_is_no_longer_met(
    amina: User, devs_place: Registration
) -> None:
    met = {"easy_read": (ArrangementStatus.MET, ""), "step_free": (ArrangementStatus.MET, "")}
    set_arrangements(devs_place, decisions=met, by=amina)
    mark_ready(devs_place.activity, by=amina)

    set_arrangements(devs_place, decisions={"step_free": (ArrangementStatus.BEING_ARRANGED, "")}, by=amina)

    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_set_arrangements_is_refused_to_members(dev: User, devs_place: Registration) -> None:
    with pytest.raises(PermissionDenied):
        set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=dev)


# --- mark_ready ---------------------------------------------------------------------------


def test_mark_ready_refuses_while_a_need_has_no_status(amina: User, devs_place: Registration) -> None:
    set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=amina)

    with pytest.raises(NotReady) as refusal:
        mark_ready(devs_place.activity, by=amina)

    assert refusal.value.message == (
        "This activity cannot be marked ready yet. 1 access need is not met. "
        "Mark each need as met, or say why it cannot be met."
    )
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_mark_ready_refuses_while_a_need_is_being_arranged(amina: User, devs_place: Registration) -> None:
    set_arrangements(
        devs_place,
        decisions={
            "easy_read": (ArrangementStatus.BEING_ARRANGED, ""),
            "step_free": (ArrangementStatus.BEING_ARRANGED, ""),
        },
        by=amina,
    )

    with pytest.raises(NotReady) as refusal:
        mark_ready(devs_place.activity, by=amina)

    assert "2 access needs are not met" in refusal.value.message


def test_mark_ready_accepts_needs_met_or_explained(amina: User, devs_place: Registration) -> None:
    set_arrangements(
        devs_place,
        decisions={
            "easy_read": (ArrangementStatus.MET, ""),
            "step_free": (ArrangementStatus.CANNOT_BE_MET, "The lift is broken until May."),
        },
        by=amina,
    )

    activity = mark_ready(devs_place.activity, by=amina)

    assert activity.is_ready is True
    assert activity.ready_at is not None
    assert AuditEvent.objects.get(action="activity.ready").target_id == str(activity.pk)


def test_mark_ready_counts_other_needs_the_person_wrote_down(amina: User, grace: User, workshop: Activity) -> None:
    give_needs(grace.person, other="I need the room to be cool.")
    RegistrationFactory.create(activity=workshop, person=grace.person)

    with pytest.raises(NotReady) as refusal:
        mark_ready(workshop, by=amina)

    assert "1 access need is not met" in refusal.value.message


def test_mark_ready_ignores_the_needs_of_people_on_the_waiting_list(amina: User, dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WAITING)

    activity = mark_ready(workshop, by=amina)

    assert activity.is_ready is True


def test_mark_ready_with_nobody_registered(amina: User, workshop: Activity) -> None:
    assert mark_ready(workshop, by=amina).is_ready is True


@pytest.mark.parametrize("persona", ["dev", "sam", "priya"])
def test_mark_ready_is_refused_to_people_who_do_not_run_activities(
    request: pytest.FixtureRequest, workshop: Activity, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        mark_ready(workshop, by=request.getfixturevalue(persona))


# --- record_roster_view -------------------------------------------------------------------


def test_record_roster_view_records_who_looked_without_any_needs(
    amina: User, workshop: Activity, devs_place: Registration
) -> None:
    record_roster_view(workshop, by=amina)

    event = AuditEvent.objects.get(action="activity.roster_viewed")
    assert event.actor == amina
    assert event.target_type == "involvement.activity"
    assert event.payload == {}


def test_record_roster_view_is_refused_to_members(dev: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        record_roster_view(workshop, by=dev)


# --- record_attendance --------------------------------------------------------------------


def test_record_attendance_records_people_with_and_without_a_sign_in(
    amina: User, dev: User, workshop: Activity
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")

    recorded = record_attendance(
        workshop,
        people=[dev.person, rosa],
        role=AttendanceRole.PARTICIPANT,
        minutes=120,
        from_paper=True,
        by=amina,
    )

    assert len(recorded) == 2
    rows = list(Attendance.objects.order_by("person__full_name").values_list("person__full_name", "minutes", "role"))
    assert rows == [("Devendra Patel", 120, "participant"), ("Rosa Lindqvist", 120, "participant")]
    assert all(row.recorded_from_paper and row.recorded_by == amina for row in recorded)
    assert AuditEvent.objects.get(action="attendance.recorded").payload == {"people": 2, "from_paper": True}


def test_record_attendance_changes_a_record_rather_than_adding_another(
    amina: User, dev: User, workshop: Activity
) -> None:
    AttendanceFactory.create(activity=workshop, person=dev.person, minutes=120)

    record_attendance(
        workshop,
        people=[dev.person],
        role=AttendanceRole.CO_FACILITATOR,
        minutes=90,
        from_paper=False,
        by=amina,
    )

    attendance = Attendance.objects.get()
    assert (attendance.role, attendance.minutes, attendance.recorded_by) == ("co_facilitator", 90, amina)


def test_record_attendance_needs_someone(amina: User, workshop: Activity) -> None:
    with pytest.raises(ValueError, match="Say who attended"):
        record_attendance(workshop, people=[], role=AttendanceRole.PARTICIPANT, minutes=60, from_paper=False, by=amina)


def test_record_attendance_needs_a_positive_time(amina: User, dev: User, workshop: Activity) -> None:
    with pytest.raises(ValueError, match="Minutes must be 1 or more"):
        record_attendance(
            workshop, people=[dev.person], role=AttendanceRole.PARTICIPANT, minutes=0, from_paper=False, by=amina
        )


def test_record_attendance_is_refused_to_members(dev: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        record_attendance(
            workshop, people=[dev.person], role=AttendanceRole.PARTICIPANT, minutes=60, from_paper=False, by=dev
        )

    assert Attendance.objects.count() == 0
