"""Charter reminders through the real background worker, with a frozen clock."""

from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.learning.models import Signature
from coproduce.learning.services.charter import ensure_learning_defaults, publish_charter, sign_charter
from coproduce.learning.tasks import send_charter_reminders
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)

SIGNED = timezone.make_aware(datetime(2025, 11, 20, 10, 0))


@pytest.fixture(autouse=True)
def charter(db) -> None:
    ensure_learning_defaults()


def run_worker_at(moment: datetime) -> None:
    with mock.patch("django.utils.timezone.now", return_value=moment):
        run_worker()


def test_renewal_reminder_is_sent_once_when_the_signature_falls_due(settings, tom: User) -> None:
    settings.COPRODUCE_CHARTER_RENEWAL_MONTHS = 12
    sign_charter(by=tom, now=SIGNED)

    send_charter_reminders.enqueue()
    run_worker_at(SIGNED + timedelta(days=300))
    assert mail.outbox == []

    send_charter_reminders.enqueue()
    run_worker_at(SIGNED + timedelta(days=366))
    send_charter_reminders.enqueue()
    run_worker_at(SIGNED + timedelta(days=367))

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["tom@example.org"]
    assert message.subject == "Please renew your co-production charter signature"
    assert "You signed our co-production charter on 20 November 2025." in message.body
    assert Signature.objects.get().renewal_reminded_at is not None


def test_publishing_a_new_version_asks_signatories_to_sign_it(morgan: User, tom: User, dev: User) -> None:
    sign_charter(by=tom, now=SIGNED)
    sign_charter(by=dev, now=SIGNED)

    publish_charter(text="Version two words.", easy_read_text="Version two easy words.", by=morgan)
    sign_charter(by=dev)  # Dev signs the new version at once: no need to ask
    run_worker_at(timezone.now())
    send_charter_reminders.enqueue()
    run_worker_at(timezone.now())

    assert [message.to for message in mail.outbox] == [["tom@example.org"]]
    assert mail.outbox[0].subject == "We have a new co-production charter: please sign it"
    assert "version 2" in mail.outbox[0].body


def test_the_daily_sweep_plans_its_next_run(tom: User) -> None:
    call_command("schedule_charter_reminders", verbosity=0)
    call_command("schedule_charter_reminders", verbosity=0)
    waiting = DBTaskResult.objects.filter(task_path__endswith=".send_charter_reminders")
    assert waiting.count() == 1
    first_run = waiting.get().run_after

    run_worker_at(first_run + timedelta(minutes=1))

    pending = DBTaskResult.objects.filter(task_path__endswith=".send_charter_reminders", status="READY")
    assert pending.count() == 1
    assert pending.get().run_after == first_run + timedelta(days=1)
