"""The messages sent when a project moves on, run through the real background worker and the messaging path.

These tests commit their transactions, so that advance_stage's on-commit hook queues the task in
the database and `manage.py db_worker` can pick it up, exactly as in production.
"""

import pytest
from django.core import mail
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import Message
from coproduce.involvement.tests.factories import give_needs
from coproduce.people.models import Need
from coproduce.people.models.person import ContactRoute
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole
from coproduce.projects.services import advance_stage
from coproduce.tests.worker import run_worker

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("people_took_part")]


def test_tell_members_about_stage_emails_each_member_with_an_email(amina: User, bus_stops: Project) -> None:
    Membership.objects.create(project=bus_stops, person=PersonFactory.create(full_name="Olu Ade", email=""))
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    run_worker()

    assert sorted(message.to[0] for message in mail.outbox) == [
        "amina@example.org",
        "dev@example.org",
        "grace@example.org",
    ]
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert {message.subject for message in mail.outbox} == {"Step-free bus stops has moved to the development stage"}
    for message in mail.outbox:
        assert f"See the project: http://testserver/projects/{bus_stops.pk}/" in message.body
        assert 'The project "Step-free bus stops" has moved to the development stage.' in message.body
    task_result = DBTaskResult.objects.get()
    assert task_result.status == "SUCCESSFUL"
    assert task_result.return_value == 3


def test_tell_members_about_stage_sends_one_email_to_someone_with_two_roles(
    amina: User, dev: User, bus_stops: Project
) -> None:
    Membership.objects.create(project=bus_stops, person=dev.person, role=ProjectRole.CHAMPION)
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    run_worker()

    recipients = [message.to[0] for message in mail.outbox]
    assert recipients.count("dev@example.org") == 1
    assert len(recipients) == 3


def test_tell_members_about_stage_names_the_stage_the_project_reached(amina: User, bus_stops: Project) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(stage=Lifecycle.IMPLEMENTATION)
    advance_stage(bus_stops, to=Lifecycle.EVALUATION, by=amina)

    run_worker()

    assert {message.subject for message in mail.outbox} == {"Step-free bus stops has moved to the evaluation stage"}


def test_tell_members_about_stage_says_when_a_project_has_closed(amina: User, bus_stops: Project) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(stage=Lifecycle.EVALUATION)
    advance_stage(bus_stops, to=Lifecycle.CLOSED, by=amina)

    run_worker()

    assert {message.subject for message in mail.outbox} == {"Step-free bus stops has closed"}
    assert 'The project "Step-free bus stops" has closed. Thank you for taking part.' in mail.outbox[0].body


def test_tell_members_about_stage_writes_the_title_as_typed_in_the_plain_text_email(
    amina: User, bus_stops: Project
) -> None:
    # The email is plain text: "&" must stay "&", not become "&amp;".
    Project.objects.filter(pk=bus_stops.pk).update(title="Tea & chat")
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    run_worker()

    assert 'The project "Tea & chat" has moved to the development stage.' in mail.outbox[0].body


def test_tell_members_about_stage_sends_easy_read_to_a_member_who_uses_it(
    amina: User, dev: User, bus_stops: Project
) -> None:
    give_needs(dev.person, Need.EASY_READ)
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    run_worker()

    [email] = [message for message in mail.outbox if message.to == ["dev@example.org"]]
    assert email.subject == "Step-free bus stops is at a new stage"
    assert "Hello Dev.\n\nThe project Step-free bus stops has moved on.\nIt is now at the development stage." in (
        email.body
    )
    assert "We make and try out the project together." in email.body
    assert f"You can read about the project here:\nhttp://testserver/projects/{bus_stops.pk}/" in email.body
    message = Message.objects.get(person=dev.person)
    assert (message.topic, message.format) == ("stage_changed", MessageFormat.EASY_READ)


def test_tell_members_about_stage_reaches_members_without_email_by_their_own_route(
    amina: User, bus_stops: Project
) -> None:
    by_post = PersonFactory.create(
        full_name="Rosa Ortiz", email="", contact_route=ContactRoute.POST, postal_address="12 Mill Lane"
    )
    unreachable = PersonFactory.create(full_name="Olu Ade", email="")
    Membership.objects.create(project=bus_stops, person=by_post)
    Membership.objects.create(project=bus_stops, person=unreachable)
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    run_worker()

    assert len(mail.outbox) == 3
    letter = Message.objects.get(person=by_post)
    assert (letter.topic, letter.route, letter.status) == (
        "stage_changed",
        MessageRoute.POST,
        MessageStatus.WAITING_FOR_POST,
    )
    assert 'The project "Step-free bus stops" has moved to the development stage.' in letter.body
    assert Message.objects.get(person=unreachable).status == MessageStatus.NOT_SENT
    assert DBTaskResult.objects.get().return_value == 4
