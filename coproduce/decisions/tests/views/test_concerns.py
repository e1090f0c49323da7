"""The concern pages: anonymity kept everywhere, answers by email and on Your concerns."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.decisions.models import Concern
from coproduce.decisions.services.concerns import answer_concern
from coproduce.decisions.tests.helpers import page
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db


def test_anonymous_concern_stores_no_link_to_the_person(bus_stops, grace, client_for, everyone):
    response = client_for(grace).post(
        reverse("decisions:concern_create"),
        {"project": bus_stops.pk, "text": "Meetings start too early for the accessible bus.", "anonymous": "anonymous"},
    )

    assert response.status_code == 302
    concern = Concern.objects.get()
    person_id = grace.person.pk
    assert concern.raised_by_id is None
    assert concern.is_anonymous
    # Nothing in the row refers to Grace: no foreign key, no timestamp finer than the day.
    row = Concern.objects.filter(pk=concern.pk).values().get()
    assert person_id not in [value for key, value in row.items() if key.endswith("_id") and key != "project_id"]
    assert "raised_at" not in row
    # No audit event either: its exact time could be matched with Grace's sign-in.
    assert not AuditEvent.objects.filter(target_type="decisions.concern").exists()
    # No page shows who raised it, to anyone, admins included.
    for persona in ("amina", "morgan"):
        for url in (reverse("decisions:concerns"), reverse("decisions:concern_answer", kwargs={"pk": concern.pk})):
            html = page(client_for(everyone[persona]).get(url))
            assert "Anonymous" in html
            assert "Grace" not in html
            assert grace.email not in html
    assert "Meetings start too early" not in page(client_for(grace).get(reverse("decisions:your_concerns")))


def test_anonymous_concern_answer_emails_nobody(bus_stops, grace, amina):
    from coproduce.decisions.services.concerns import raise_concern

    concern = raise_concern(bus_stops, text="x", anonymous=True, by=grace)
    answer_concern(concern, response="We moved the start time.", by=amina)

    assert not AuditEvent.objects.filter(actor=grace).exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_named_concern_is_answered_by_email_and_on_your_concerns(bus_stops, grace, amina, client_for):
    from coproduce.decisions.services.concerns import raise_concern

    concern = raise_concern(bus_stops, text="The room is too noisy.", anonymous=False, by=grace)
    assert AuditEvent.objects.get(action="decisions.concern_raised").actor == grace
    answer_concern(concern, response="We booked a quiet room.", by=amina)
    run_worker()

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [grace.person.email]
    assert "We booked a quiet room." in mail.outbox[0].body
    assert "We booked a quiet room." in page(client_for(grace).get(reverse("decisions:your_concerns")))


def test_concern_form_needs_a_choice_and_writes_nothing(bus_stops, grace, client_for):
    response = client_for(grace).post(reverse("decisions:concern_create"), {"project": bus_stops.pk, "text": ""})

    assert "Say what your concern is" in page(response)
    assert "Choose whether to give your name" in page(response)
    assert not Concern.objects.exists()
