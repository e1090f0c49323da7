"""Digests sent by the real worker: once per person per period, in the person's format."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.communications.models import Message
from coproduce.contributions.models import Outcome
from coproduce.involvement.tests.factories import give_needs
from coproduce.people.models import ContactRoute, Need
from coproduce.people.tests.factories import PersonFactory
from coproduce.reports.models import Digest
from coproduce.reports.services import request_digests
from coproduce.reports.tests.conftest import answer, say
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_each_contributor_gets_one_digest_and_others_none(said, period, client_for, amina, tom, dev, grace):
    give_needs(dev.person, Need.EASY_READ)
    client = client_for(amina)

    response = client.post(reverse("reports:digests"), {"period": period.key})
    run_worker()
    client.post(reverse("reports:digests"), {"period": period.key})  # again: nobody gets a second
    run_worker()

    assert response.status_code == 302
    by_person = {email.to[0]: email for email in mail.outbox}
    assert sorted(by_person) == ["dev@example.org", "grace@example.org"]  # Tom said nothing
    graces = by_person["grace@example.org"].body
    assert "You said: Put a bench at every stop." in graces
    assert "Our answer: Adopted" in graces
    assert "You said: =Gold taps at every stop" in graces
    assert "Why: The budget cannot pay for taps." in graces
    devs = by_person["dev@example.org"]
    assert devs.subject == "What we did with your ideas"
    assert "You said: Shelters from the rain.\nWe have not decided yet." in devs.body
    assert Digest.objects.count() == 2
    assert Message.objects.filter(topic="digest").count() == 2
    assert sorted(Digest.objects.values_list("contributions", flat=True)) == [1, 2]


def test_a_person_who_asked_for_post_gets_a_letter_in_the_batch(period, workshop, amina):
    rosa = PersonFactory.create(
        full_name="Rosa Ortiz", email="", contact_route=ContactRoute.POST, postal_address="12 Mill Lane\nRV1 2AB"
    )
    kerbs = say(rosa, workshop.project, "More dropped kerbs.", by=amina)
    answer(kerbs, Outcome.PARTLY_ADOPTED, "Two so far.", by=amina)

    request_digests(period, by=amina)
    run_worker()

    message = Message.objects.get(person=rosa, topic="digest")
    assert message.route == "post"
    assert "More dropped kerbs." in message.body
    assert mail.outbox == []
