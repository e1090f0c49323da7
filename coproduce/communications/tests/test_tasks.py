"""The email to coordinators when a format request arrives, sent through the real background worker."""

import signal
from collections.abc import Iterator

import pytest
from django.core import mail
from django.core.management import call_command

from coproduce.accounts.models import User
from coproduce.communications.services import request_format

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def keep_signal_handlers() -> Iterator[None]:
    """The worker installs its own SIGINT and SIGTERM handlers; give pytest its own back afterwards."""
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_coordinators_are_emailed_when_a_request_arrives(amina: User, morgan: User, grace: User) -> None:
    sent = request_format(page_path="/accessibility/", format="braille", person=grace.person, by=grace)
    assert mail.outbox == []

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(message.to) == ["amina@example.org", "morgan@example.org"]
    assert message.subject == f"New request: Braille, due {sent.due_on:%-d %B %Y}"
    assert "Page: Accessibility statement (/accessibility/)" in message.body
    assert f"http://testserver/other-formats/requests/{sent.pk}/" in message.body
    # Who asked stays inside the site.
    assert "Grace" not in message.body
