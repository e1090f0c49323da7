"""The concern pages: anonymity kept everywhere, answers by email and on Your concerns."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.decisions.choices import ConcernAbout
from coproduce.decisions.models import Concern
from coproduce.decisions.services.concerns import answer_concern
from coproduce.decisions.tests.helpers import page
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db


def test_anonymous_concern_stores_no_link_to_the_person(bus_stops, grace, client_for, everyone):
    response = client_for(grace).post(
        reverse("decisions:concern_create"),
        {
            "about": "project",
            "project": bus_stops.pk,
            "text": "Meetings start too early for the accessible bus.",
            "anonymous": "anonymous",
        },
    )

    assert response.status_code == 200
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

    concern, _ = raise_concern(bus_stops, text="x", anonymous=True, by=grace)
    answer_concern(concern, response="We moved the start time.", by=amina)

    assert not AuditEvent.objects.filter(actor=grace).exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_named_concern_is_answered_by_email_and_on_your_concerns(bus_stops, grace, amina, client_for):
    from coproduce.decisions.services.concerns import raise_concern

    concern, _ = raise_concern(bus_stops, text="The room is too noisy.", anonymous=False, by=grace)
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


def test_concern_can_be_about_a_person_or_the_organisation(grace, amina, client_for):
    client = client_for(grace)

    about_person = client.post(
        reverse("decisions:concern_create"),
        {
            "about": "person",
            "about_person": "The receptionist",
            "text": "I was spoken to rudely.",
            "anonymous": "named",
        },
    )
    about_organisation = client.post(
        reverse("decisions:concern_create"),
        {"about": "organisation", "text": "Payments always come late.", "anonymous": "named"},
    )

    assert about_person.status_code == about_organisation.status_code == 302
    assert list(Concern.objects.order_by("id").values_list("about", "about_person", "project")) == [
        ("person", "The receptionist", None),
        ("organisation", "", None),
    ]
    listing = page(client_for(amina).get(reverse("decisions:concerns")))
    assert "A person (The receptionist)" in listing
    assert "The organisation" in listing
    yours = page(client.get(reverse("decisions:your_concerns")))
    assert "A person (The receptionist)" in yours
    assert "The organisation" in yours


def test_concern_form_shows_every_follow_up_and_no_list_of_people(bus_stops, grace, amina, client_for):
    html = page(client_for(grace).get(reverse("decisions:concern_create")))

    # Without JavaScript every follow-up shows; who a person concern is about is typed, never picked.
    assert 'name="project"' in html
    assert '<input type="text" name="about_person"' in html
    assert amina.person.full_name not in html


def test_concern_form_asks_for_what_the_choice_needs(bus_stops, grace, client_for):
    client = client_for(grace)

    no_project = page(
        client.post(reverse("decisions:concern_create"), {"about": "project", "text": "x", "anonymous": "named"})
    )
    no_person = page(
        client.post(reverse("decisions:concern_create"), {"about": "person", "text": "x", "anonymous": "named"})
    )
    no_choice = page(client.post(reverse("decisions:concern_create"), {"text": "x", "anonymous": "named"}))

    assert "Choose the project your concern is about" in no_project
    assert "Say who your concern is about" in no_person
    assert "Choose what your concern is about" in no_choice
    assert not Concern.objects.exists()


def test_concern_about_a_person_is_shown_only_to_those_who_handle_concerns(bus_stops, grace, client_for, everyone):
    from coproduce.decisions.services.concerns import raise_concern

    concern, _ = raise_concern(
        None,
        about=ConcernAbout.PERSON,
        about_person="Dev Patel",
        text="Dev shouts in meetings.",
        anonymous=False,
        by=grace,
    )

    for persona in ("amina", "morgan"):
        assert "Dev shouts" in page(
            client_for(everyone[persona]).get(reverse("decisions:concern_answer", args=[concern.pk]))
        )
    for persona in ("dev", "tom", "priya", "sam"):
        client = client_for(everyone[persona])
        assert client.get(reverse("decisions:concerns")).status_code == 403
        assert client.get(reverse("decisions:concern_answer", args=[concern.pk])).status_code == 403
        assert "Dev shouts" not in page(client.get(reverse("decisions:your_concerns")))
        assert "Dev shouts" not in page(client.get(reverse("home")))


def test_the_same_concern_form_sent_again_sends_nothing_twice(bus_stops, grace, client_for):
    """Reloading the page that shows an anonymous concern's reference sent the form again: a second,
    identical concern, and a second reference (issue 17)."""
    client = client_for(grace)
    form = page(client.get(reverse("decisions:concern_create")))
    token = form.split('name="form_token" value="', 1)[1].split('"', 1)[0]
    assert len(token) >= 32
    sent = {
        "about": "project",
        "project": bus_stops.pk,
        "text": "The lift was broken again.",
        "anonymous": "anonymous",
        "form_token": token,
    }

    first = client.post(reverse("decisions:concern_create"), sent)
    again = client.post(reverse("decisions:concern_create"), sent)

    assert "Your reference is" in page(first)
    assert "Your concern was sent already" in page(again)
    assert "Your reference is" not in page(again)
    assert Concern.objects.count() == 1
    # A fresh copy of the form has a new token, so a different concern can still be sent.
    assert token not in page(client.get(reverse("decisions:concern_create")))
