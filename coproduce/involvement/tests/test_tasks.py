"""The emails about activities, sent through the real background worker.

These tests commit their transactions, so that the services' on-commit hooks queue the tasks in the
database and `manage.py db_worker` picks them up, exactly as in production.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import Role, User
from coproduce.communications import sms
from coproduce.communications.choices import MessageStatus
from coproduce.communications.models import Message
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity
from coproduce.involvement.services.activities import update_activity
from coproduce.involvement.services.registrations import register, withdraw
from coproduce.involvement.services.roster import set_arrangements
from coproduce.involvement.tasks import alert_open_needs_at_deadline, send_activity_reminder
from coproduce.involvement.tests.factories import RegistrationFactory, give_needs, in_days
from coproduce.people.models import Need, Person
from coproduce.people.models.person import ContactRoute
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, ProjectRole
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def make_due(task_name: str) -> None:
    """Bring a task planned for later forward to now, as if the time had come."""
    DBTaskResult.objects.filter(task_path__endswith=f".{task_name}").update(run_after=timezone.now())


def test_confirmation_is_sent_in_easy_read_to_someone_who_uses_easy_read(dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ)

    register(workshop, person=dev.person, by=dev)
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dev@example.org"]
    assert message.subject == "You have a place at Bus stop design workshop"
    assert "Hello Dev.\n\nYou have a place at Bus stop design workshop.\nWe are glad you are coming." in message.body
    assert f"Put it in your calendar:\nhttp://testserver/get-involved/{workshop.pk}/calendar.ics" in message.body
    assert f"Read more about it:\nhttp://testserver/get-involved/{workshop.pk}/" in message.body


def test_confirmation_is_sent_in_standard_english_with_the_calendar_link(grace: User, workshop: Activity) -> None:
    register(workshop, person=grace.person, by=grace)
    run_worker()

    message = mail.outbox[0]
    assert message.subject == "You are registered: Bus stop design workshop"
    assert "Hello Grace,\n\nYou are registered for Bus stop design workshop." in message.body
    assert "Where: Riverside Community Centre, 1 Mill Lane" in message.body
    assert "Access at the venue: Step-free entrance. Hearing loop in the main hall." in message.body
    assert f"Add it to your calendar: http://testserver/get-involved/{workshop.pk}/calendar.ics" in message.body
    assert DBTaskResult.objects.get(task_path__endswith=".tell_person_about_registration").return_value == 1


def test_waiting_list_email_says_where_the_person_is_on_the_list(grace: User, workshop: Activity) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)

    register(workshop, person=grace.person, by=grace)
    run_worker()

    message = mail.outbox[0]
    assert message.subject == "You are on the waiting list: Bus stop design workshop"
    assert "so you are on the waiting list. You are number 2." in message.body


def test_first_person_waiting_is_told_when_a_place_is_free(dev: User, grace: User, workshop: Activity) -> None:
    devs = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop)
    RegistrationFactory.create(activity=workshop, person=grace.person, status=RegistrationStatus.WAITING)

    withdraw(devs, by=dev)
    run_worker()

    assert [message.to for message in mail.outbox] == [["grace@example.org"]]
    assert mail.outbox[0].subject == "A place is free for you: Bus stop design workshop"
    assert "A place is free at Bus stop design workshop, and it is yours." in mail.outbox[0].body


def test_someone_without_an_email_address_gets_a_text_instead(settings, amina: User, workshop: Activity) -> None:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.sms.MemorySmsBackend"
    sms.outbox.clear()
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="", phone="01632 960000")

    register(workshop, person=rosa, by=amina)
    run_worker()

    assert mail.outbox == []
    assert sms.outbox == [
        ("01632 960000", f"You are registered: Bus stop design workshop http://testserver/get-involved/{workshop.pk}/")
    ]
    assert DBTaskResult.objects.get(task_path__endswith=".tell_person_about_registration").return_value == 1


def test_no_message_for_someone_we_have_no_way_to_reach(amina: User, workshop: Activity) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")

    register(workshop, person=rosa, by=amina)
    run_worker()

    assert mail.outbox == []
    assert DBTaskResult.objects.get(task_path__endswith=".tell_person_about_registration").return_value == 0
    assert Message.objects.get(person=rosa).status == MessageStatus.NOT_SENT


def test_reminder_is_sent_once_when_its_time_comes(grace: User, workshop: Activity) -> None:
    registration = register(workshop, person=grace.person, by=grace)
    run_worker()
    mail.outbox.clear()

    make_due("send_activity_reminder")
    run_worker()
    send_activity_reminder.enqueue(registration_id=registration.pk, starts_at=workshop.starts_at.isoformat())
    run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Reminder: Bus stop design workshop"
    assert "This is a reminder that Bus stop design workshop is coming up." in mail.outbox[0].body
    registration.refresh_from_db()
    assert registration.reminder_sent_at is not None


def test_reminder_is_not_sent_to_someone_who_withdrew(grace: User, workshop: Activity) -> None:
    registration = register(workshop, person=grace.person, by=grace)
    withdraw(registration, by=grace)
    run_worker()
    mail.outbox.clear()

    make_due("send_activity_reminder")
    run_worker()

    assert mail.outbox == []


def test_reminder_planned_for_the_old_time_is_not_sent_after_the_activity_moves(
    amina: User, grace: User, workshop: Activity
) -> None:
    register(workshop, person=grace.person, by=grace)
    workshop.starts_at, workshop.ends_at = in_days(21), in_days(21, hour=12)
    update_activity(workshop, channels=[], by=amina)
    run_worker()
    mail.outbox.clear()

    make_due("send_activity_reminder")
    run_worker()

    assert len(mail.outbox) == 1
    returns = sorted(
        result.return_value or 0
        for result in DBTaskResult.objects.filter(task_path__endswith=".send_activity_reminder")
    )
    assert returns == [0, 1]


def test_person_is_told_in_easy_read_why_a_need_cannot_be_met(amina: User, dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)

    set_arrangements(
        registration,
        decisions={"step_free": (ArrangementStatus.CANNOT_BE_MET, "The lift is broken until May.")},
        by=amina,
    )
    run_worker()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dev@example.org"]
    assert message.subject == "About your support at Bus stop design workshop"
    assert "We cannot give you this help at Bus stop design workshop:\nStep-free access." in message.body
    assert "This is why:\nThe lift is broken until May." in message.body


def test_person_is_told_in_standard_english_why_a_need_cannot_be_met(
    amina: User, grace: User, workshop: Activity
) -> None:
    give_needs(grace.person, Need.AUDIO)
    registration = RegistrationFactory.create(activity=workshop, person=grace.person)

    set_arrangements(
        registration, decisions={"audio": (ArrangementStatus.CANNOT_BE_MET, "We cannot record it in time.")}, by=amina
    )
    run_worker()

    message = mail.outbox[0]
    assert message.subject == "About your access needs for Bus stop design workshop"
    assert "We cannot arrange this support for Bus stop design workshop:\n\nAudio\n\n" in message.body
    assert "This is why: We cannot record it in time." in message.body


def test_deadline_alert_goes_to_the_staff_lead_when_needs_are_still_open(
    amina: User, dev: User, workshop: Activity
) -> None:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    deadline = timezone.localdate(in_days(7))
    Activity.objects.filter(pk=workshop.pk).update(adjustments_deadline=deadline)

    alert_open_needs_at_deadline.enqueue(activity_id=workshop.pk, deadline=deadline.isoformat())
    run_worker()

    assert [message.to for message in mail.outbox] == [["amina@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Access needs still open: Bus stop design workshop"
    assert "2 access needs of 1 person are not met yet." in message.body
    assert f"See who is coming: http://testserver/get-involved/manage/{workshop.pk}/roster/" in message.body
    assert "Easy Read" not in message.body


def test_deadline_alert_goes_to_each_staff_lead_by_their_route_and_to_a_planner_without_a_person_record(
    settings, amina: User, dev: User, tom: User, workshop: Activity
) -> None:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.sms.MemorySmsBackend"
    sms.outbox.clear()
    Membership.objects.create(project=workshop.project, person=tom.person, role=ProjectRole.STAFF_LEAD)
    Person.objects.filter(pk=tom.person.pk).update(contact_route=ContactRoute.TEXT, phone="07700 900222")
    # An admin made with createsuperuser has a sign-in but no Person record.
    planner = User.objects.create_user("ops@example.org", role=Role.ADMIN)
    give_needs(dev.person, Need.STEP_FREE)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    deadline = timezone.localdate(in_days(7))
    Activity.objects.filter(pk=workshop.pk).update(adjustments_deadline=deadline, created_by=planner)

    alert_open_needs_at_deadline.enqueue(activity_id=workshop.pk, deadline=deadline.isoformat())
    run_worker()

    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "ops@example.org"]
    plain = next(message for message in mail.outbox if message.to == ["ops@example.org"])
    assert plain.subject == "Access needs still open: Bus stop design workshop"
    assert "1 access need of 1 person is not met yet." in plain.body
    assert sms.outbox == [
        ("07700 900222", f"Access needs still open: Bus stop design workshop {roster_url(workshop)}"),
    ]
    assert sorted(Message.objects.filter(topic="needs_open").values_list("person__email", flat=True)) == [
        "amina@example.org",
        "tom@example.org",
    ]
    assert DBTaskResult.objects.get(task_path__endswith=".alert_open_needs_at_deadline").return_value == 3


def roster_url(activity: Activity) -> str:
    return f"http://testserver/get-involved/manage/{activity.pk}/roster/"


def test_deadline_alert_does_nothing_when_every_need_is_met(amina: User, dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ)
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)
    set_arrangements(registration, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=amina)
    deadline = timezone.localdate(in_days(7))
    Activity.objects.filter(pk=workshop.pk).update(adjustments_deadline=deadline)

    alert_open_needs_at_deadline.enqueue(activity_id=workshop.pk, deadline=deadline.isoformat())
    run_worker()

    assert mail.outbox == []
    assert DBTaskResult.objects.get(task_path__endswith=".alert_open_needs_at_deadline").return_value == 0


def test_deadline_alert_does_nothing_when_the_deadline_has_moved(dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    Activity.objects.filter(pk=workshop.pk).update(adjustments_deadline=timezone.localdate(in_days(8)))

    alert_open_needs_at_deadline.enqueue(
        activity_id=workshop.pk, deadline=(timezone.localdate(in_days(8)) - timedelta(days=1)).isoformat()
    )
    run_worker()

    assert mail.outbox == []
