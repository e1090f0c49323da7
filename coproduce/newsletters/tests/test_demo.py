"""The newsletters demo data: a sent newsletter and a draft, and running it again changes nothing."""

import pytest
from django.core.management import call_command

from coproduce.newsletters.choices import Status
from coproduce.newsletters.demo import DRAFT_TITLE, SENT_TITLE
from coproduce.newsletters.models import Newsletter, Recipient
from coproduce.people.models import Consent

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_sent_newsletter_and_a_draft_and_runs_twice_unchanged() -> None:
    call_command("seed_demo")
    sent = Newsletter.objects.get(title=SENT_TITLE)
    draft = Newsletter.objects.get(title=DRAFT_TITLE)
    assert sent.status == Status.SENT
    assert draft.status == Status.DRAFT
    # Dev (member) and Grace (carer) said we may keep in touch; Priya is a partner, not in this audience.
    assert set(Recipient.objects.filter(newsletter=sent).values_list("person__email", flat=True)) == {
        "dev@example.org",
        "grace@example.org",
    }
    counts = (Newsletter.objects.count(), Recipient.objects.count(), Consent.objects.count())

    call_command("seed_demo")

    assert (Newsletter.objects.count(), Recipient.objects.count(), Consent.objects.count()) == counts
