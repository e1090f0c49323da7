"""Sending a newsletter through the real background worker and the messaging path."""

import pytest
from django.core import mail

from coproduce.accounts.models import User
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import ContactPreferences, Message
from coproduce.involvement.tests.factories import give_needs
from coproduce.newsletters.choices import Audience
from coproduce.newsletters.models import Recipient
from coproduce.newsletters.services import save_draft, send_newsletter
from coproduce.newsletters.tasks import send_newsletter_copies
from coproduce.newsletters.tests.conftest import keep_in_touch
from coproduce.people.models import Need
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_dev_gets_easy_read_and_grace_plain_text_each_once(amina: User, dev: User, grace: User, tom: User) -> None:
    keep_in_touch(dev.person, grace.person)  # Tom is an ally and has not said we may keep in touch
    give_needs(dev.person, Need.EASY_READ)
    ContactPreferences.objects.create(person=grace.person, message_format=MessageFormat.PLAIN_TEXT)
    draft = save_draft(
        None,
        title="Autumn news",
        body="Hello {first_name},\n\nWe walked round the bus stops with the council.",
        easy_read_body="Hello {first_name}.\nWe looked at bus stops.",
        audience=Audience.MEMBERS,
        group=None,
        project=None,
        by=amina,
    )
    newsletter = send_newsletter(draft, by=amina)

    run_worker()

    by_address = {email.to[0]: email for email in mail.outbox}
    assert sorted(by_address) == ["dev@example.org", "grace@example.org"]
    assert "Hello Dev.\nWe looked at bus stops." in by_address["dev@example.org"].body
    assert "You said we can keep in touch with you." in by_address["dev@example.org"].body
    assert "Hello Grace,\n\nWe walked round the bus stops with the council." in by_address["grace@example.org"].body
    assert getattr(by_address["grace@example.org"], "alternatives", []) == []  # plain text: no HTML version
    assert all(email.subject == "Autumn news" for email in mail.outbox)

    messages = {message.person_id: message for message in Message.objects.filter(topic="newsletter")}
    assert set(messages) == {dev.person.pk, grace.person.pk}
    assert messages[dev.person.pk].format == MessageFormat.EASY_READ
    assert messages[grace.person.pk].format == MessageFormat.PLAIN_TEXT
    assert {message.route for message in messages.values()} == {MessageRoute.EMAIL}
    assert {message.status for message in messages.values()} == {MessageStatus.SENT}
    assert all(message.sent_by_id == amina.pk for message in messages.values())
    assert not Recipient.objects.filter(newsletter=newsletter, handed_over_at__isnull=True).exists()

    # Running the task again (a retry) sends nobody a second copy.
    send_newsletter_copies.enqueue(newsletter_id=newsletter.pk)
    run_worker()
    assert len(mail.outbox) == 2
    assert Message.objects.filter(topic="newsletter").count() == 2
