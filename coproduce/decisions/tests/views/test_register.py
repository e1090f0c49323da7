"""The register pages: publishing, who may see drafts, review reminders, and the register's fixed number of queries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import DecisionStatus
from coproduce.decisions.tests.helpers import make_decision, page
from coproduce.tests.inventory import PERSONAS
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db


def test_publish_without_rationale_shows_a_message_and_writes_nothing(bus_stops, amina, client_for):
    decision = make_decision(bus_stops, amina, rationale="")

    response = client_for(amina).post(reverse("decisions:publish", kwargs={"pk": decision.pk}))

    assert response.status_code == 200
    assert "Add the reasons for the decision before you publish" in page(response)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_leads_publish(persona, everyone, bus_stops, client_for):
    allowed = persona in ("amina", "morgan", "dev")
    decision = make_decision(bus_stops, everyone["amina"])

    response = client_for(everyone[persona]).post(reverse("decisions:publish", kwargs={"pk": decision.pk}))

    decision.refresh_from_db()
    assert response.status_code == (302 if allowed else 403)
    assert decision.is_published == allowed


def test_draft_decisions_are_hidden_from_members(bus_stops, amina, grace, client_for):
    decision = make_decision(bus_stops, amina)

    assert client_for(grace).get(reverse("decisions:decision", kwargs={"pk": decision.pk})).status_code == 403


def test_editing_a_published_decision_cannot_remove_the_rationale(bus_stops, amina, client_for):
    decision = make_decision(bus_stops, amina, status="published", published_at=timezone.now())

    response = client_for(amina).post(
        reverse("decisions:decision_edit", kwargs={"pk": decision.pk}),
        {"question": "Hospital stops first", "options_considered": "Hospital", "method": "consent", "rationale": ""},
    )

    assert "A published decision must keep its reasons" in page(response)
    decision.refresh_from_db()
    assert decision.rationale == "Most people use them."


def test_decision_page_lists_linked_contributions(bus_stops, amina, dev, client_for):
    decision = make_decision(bus_stops, amina, status="published", published_at=timezone.now())
    decision.contributions.add(
        Contribution.objects.create(
            person=dev.person, project=bus_stops, kind="idea", summary="Benches at every stop", recorded_by=amina
        )
    )

    response = client_for(dev).get(reverse("decisions:decision", kwargs={"pk": decision.pk}))

    assert "Benches at every stop" in page(response)


@pytest.mark.parametrize("url_name", ["decisions:register", "decisions:project"])
def test_register_query_count_does_not_grow_with_decisions(
    url_name, bus_stops, amina, grace, client_for, django_assert_max_num_queries
):
    kwargs = {"pk": bus_stops.pk} if url_name == "decisions:project" else {}
    url = reverse(url_name, kwargs=kwargs)
    client = client_for(grace)

    def add(count: int) -> None:
        for n in range(count):
            decision = make_decision(
                bus_stops, amina, question=f"Decision {n}", status="published", published_at=timezone.now()
            )
            decision.contributions.add(
                Contribution.objects.create(
                    person=grace.person, project=bus_stops, kind="idea", summary="x", recorded_by=amina
                )
            )

    add(3)
    with django_assert_max_num_queries(12) as few:
        assert client.get(url).status_code == 200
    add(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert "Decision 26" in page(response)


@pytest.mark.django_db(transaction=True)
def test_publishing_with_a_near_review_date_emails_the_leads(bus_stops, amina, dev):
    from coproduce.decisions.services.register import publish_decision

    decision = make_decision(bus_stops, amina, review_on=timezone.localdate() + timedelta(days=3))

    publish_decision(decision, by=amina)
    run_worker()

    # One message to each lead, through the messaging path (each in their own format).
    assert sorted(email.to[0] for email in mail.outbox) == sorted([amina.person.email, dev.person.email])
    assert all("Hospital stops first" in email.body for email in mail.outbox)
