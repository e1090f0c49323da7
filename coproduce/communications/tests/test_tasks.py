"""The message to coordinators when a format request arrives, sent through the real background worker."""

import pytest
from django.core import mail

from coproduce.accounts.models import Role, User
from coproduce.communications import sms
from coproduce.communications.choices import MessageStatus
from coproduce.communications.models import Message
from coproduce.communications.services import request_format
from coproduce.people.models import Person
from coproduce.people.models.person import ContactRoute
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinators_are_emailed_when_a_request_arrives(amina: User, morgan: User, grace: User) -> None:
    sent = request_format(page_path="/accessibility/", format="braille", person=grace.person, by=grace)
    assert mail.outbox == []

    run_worker()

    # One message to each coordinator, each through the messaging path (a Message row for each).
    assert sorted(message.to[0] for message in mail.outbox) == ["amina@example.org", "morgan@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)
    assert sorted(Message.objects.filter(topic="format_request").values_list("person__email", "status")) == [
        ("amina@example.org", MessageStatus.SENT),
        ("morgan@example.org", MessageStatus.SENT),
    ]
    message = mail.outbox[0]
    assert message.subject == f"New request: Braille, due {sent.due_on:%-d %B %Y}"
    assert "Page: Accessibility statement (/accessibility/)" in message.body
    assert f"http://testserver/other-formats/requests/{sent.pk}/" in message.body
    # Who asked stays inside the site.
    assert "Grace" not in message.body


def test_a_coordinator_who_asked_for_text_messages_gets_a_text(settings, amina: User, grace: User) -> None:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.sms.MemorySmsBackend"
    sms.outbox.clear()
    Person.objects.filter(pk=amina.person.pk).update(contact_route=ContactRoute.TEXT, phone="07700 900111")

    request_format(page_path="/accessibility/", format="braille", person=grace.person, by=grace)
    run_worker()

    assert mail.outbox == []
    [(number, text)] = sms.outbox
    assert number == "07700 900111"
    assert text.startswith("New request: Braille")


def test_a_coordinator_sign_in_without_a_person_record_gets_a_plain_email(grace: User) -> None:
    # createsuperuser and seed_bench make sign-ins with no Person record.
    User.objects.create_user("ops@example.org", role=Role.ADMIN)
    User.objects.create_user("gone@example.org", role=Role.COORDINATOR, is_active=False)

    request_format(page_path="/accessibility/", format="braille", person=grace.person, by=grace)
    run_worker()

    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert message.subject.startswith("New request: Braille")
    assert "Page: Accessibility statement (/accessibility/)" in message.body
    assert not Message.objects.exists()
