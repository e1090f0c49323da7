"""Messages that fail: retried by the worker, then failed and shown to coordinators; never sent twice."""

from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from coproduce.accounts.models import User
from coproduce.communications import sms
from coproduce.communications.choices import MessageStatus
from coproduce.communications.messaging import Content, send_message
from coproduce.communications.models import Message
from coproduce.communications.tasks import retry_message
from coproduce.people.models.person import ContactRoute
from coproduce.people.tests.factories import PersonFactory
from coproduce.tests.worker import run_worker

CONTENT = Content(
    subject="Reminder: bus stop workshop tomorrow",
    text="Hello.\n\nThe workshop is tomorrow at 10am.\n\nRead more: http://testserver/get-involved/1/",
    easy_read_subject="The workshop is tomorrow",
    easy_read_text="Hello.\n\nThe workshop is tomorrow.\n\nIt starts at 10 in the morning.",
)

FAILURES: list[str] = []


class FailingEmailBackend(BaseEmailBackend):
    """An email backend whose server is always down."""

    def send_messages(self, email_messages: Any) -> int:
        FAILURES.append("email")
        raise ConnectionRefusedError("The mail server refused the connection.")


class FailingSmsBackend(sms.SmsBackend):
    def send(self, number: str, text: str) -> None:
        raise TimeoutError("The text provider did not answer.")


@pytest.fixture(autouse=True)
def texts_in_a_folder(settings, tmp_path: Path) -> Path:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.sms.FolderSmsBackend"
    settings.COPRODUCE_SMS_FOLDER = tmp_path / "texts"
    return tmp_path / "texts"


# --- Failures and retries --------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_failing_email_is_retried_by_the_worker_then_failed_and_shown_to_coordinators(
    settings, tom: User, amina: User, client_for: Any
) -> None:
    settings.EMAIL_BACKEND = "coproduce.communications.tests.test_message_failures.FailingEmailBackend"
    settings.COPRODUCE_MESSAGE_RETRIES = 2
    settings.COPRODUCE_MESSAGE_RETRY_SECONDS = 0
    FAILURES.clear()

    message = send_message(tom.person, CONTENT, topic="reminder")
    assert (message.status, message.attempts) == (MessageStatus.RETRYING, 1)
    assert "refused the connection" in message.last_error

    run_worker()

    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.FAILED, 3)
    assert FAILURES == ["email"] * 3
    assert message.sent_at is None
    page = client_for(amina).get("/messages/").content.decode()
    assert "Reminder: bus stop workshop tomorrow" in page
    assert "Failed" in page
    assert "refused the connection" in page


@pytest.mark.django_db(transaction=True)
def test_retry_succeeds_once_the_backend_is_back(settings, tom: User) -> None:
    settings.EMAIL_BACKEND = "coproduce.communications.tests.test_message_failures.FailingEmailBackend"
    settings.COPRODUCE_MESSAGE_RETRY_SECONDS = 0
    message = send_message(tom.person, CONTENT, topic="reminder")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    run_worker()

    message.refresh_from_db()
    assert (message.status, message.attempts) == (MessageStatus.SENT, 2)
    assert message.sent_at is not None
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_a_message_is_never_sent_twice_by_two_retry_tasks(settings, tom: User) -> None:
    settings.EMAIL_BACKEND = "coproduce.communications.tests.test_message_failures.FailingEmailBackend"
    settings.COPRODUCE_MESSAGE_RETRY_SECONDS = 3600
    message = send_message(tom.person, CONTENT, topic="reminder")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_message.enqueue(message_id=message.pk)
    retry_message.enqueue(message_id=message.pk)

    run_worker()

    assert len(mail.outbox) == 1
    message.refresh_from_db()
    assert message.status == MessageStatus.SENT


@pytest.mark.django_db
def test_failing_text_provider_marks_the_message_for_retry(settings) -> None:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.tests.test_message_failures.FailingSmsBackend"
    person = PersonFactory.create(contact_route=ContactRoute.TEXT, phone="07700 900123")

    message = send_message(person, CONTENT, topic="reminder")

    assert message.status == MessageStatus.RETRYING
    assert message.last_error == "TimeoutError: The text provider did not answer."
    assert Message.objects.get().attempts == 1
