"""The rules of planning activities and opening them for registration."""

from datetime import datetime, time, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import OutreachChannel, RegistrationStatus
from coproduce.involvement.models import Activity
from coproduce.involvement.services.activities import (
    ActivityRefused,
    create_activity,
    set_registration_open,
    update_activity,
)
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, in_days
from coproduce.involvement.tests.services.helpers import full_workshop, new_activity, queued, run_after
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


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
    event = AuditEvent.objects.get(action="involvement.activity_created")
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
    assert AuditEvent.objects.get(action="involvement.activity_updated").payload == {"changed": "title"}


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
        "involvement.activity_opened",
        "involvement.activity_closed",
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
