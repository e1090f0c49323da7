"""The decisions pages: bad input answered clearly with nothing written, who may do what, anonymity,
and the register's fixed number of queries."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import DecisionMethod, DecisionStatus, Stance
from coproduce.decisions.models import Concern, Decision, Response
from coproduce.decisions.services import answer_concern, respond
from coproduce.tests.inventory import PERSONAS

pytestmark = pytest.mark.django_db


def page(response) -> str:
    return response.content.decode()


# --- Responding --------------------------------------------------------------------------------------


def test_member_responds_online(consent_proposal, grace, client_for):
    url = reverse("decisions:respond", kwargs={"pk": consent_proposal.pk})

    response = client_for(grace).post(url, {"stance": "agree"})

    assert response.status_code == 302
    assert Response.objects.get(proposal=consent_proposal).person == grace.person


def test_block_without_reason_shows_an_error_and_writes_nothing(consent_proposal, grace, client_for):
    url = reverse("decisions:respond", kwargs={"pk": consent_proposal.pk})

    response = client_for(grace).post(url, {"stance": "block", "reason": ""})

    assert response.status_code == 200
    assert "<title>Error: " in page(response)
    assert "govuk-error-summary" in page(response)
    assert "Say why you block the proposal" in page(response)
    assert not Response.objects.exists()


def test_late_response_shows_a_clear_message_and_writes_nothing(consent_proposal, grace, client_for):
    type(consent_proposal).objects.filter(pk=consent_proposal.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    url = reverse("decisions:respond", kwargs={"pk": consent_proposal.pk})

    response = client_for(grace).post(url, {"stance": "agree"})

    assert response.status_code == 200
    assert "Responses are no longer taken" in page(response)
    assert not Response.objects.exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_group_members_respond(persona, everyone, consent_proposal, client_for):
    allowed = persona in ("amina", "dev", "grace", "priya")
    url = reverse("decisions:respond", kwargs={"pk": consent_proposal.pk})

    response = client_for(everyone[persona]).post(url, {"stance": "agree"})

    assert response.status_code == (302 if allowed else 403)
    assert Response.objects.filter(person=everyone[persona].person).exists() == allowed


def test_coordinator_records_a_phone_response(consent_proposal, amina, dev, client_for):
    url = reverse("decisions:record_response", kwargs={"pk": consent_proposal.pk})

    response = client_for(amina).post(url, {"person": dev.person.pk, "channel": "phone", "stance": "agree"})

    assert response.status_code == 302
    recorded = Response.objects.get(person=dev.person)
    assert (recorded.channel, recorded.recorded_by) == ("phone", amina)
    detail = client_for(dev).get(reverse("decisions:proposal", kwargs={"pk": consent_proposal.pk}))
    assert "given by phone, recorded by Amina" in page(detail)


def test_ranked_response_with_duplicate_numbers_is_refused(ranked_proposal, grace, client_for):
    hospital, market, _ = ranked_proposal.options.all()
    url = reverse("decisions:respond", kwargs={"pk": ranked_proposal.pk})

    response = client_for(grace).post(url, {f"rank_{hospital.pk}": "1", f"rank_{market.pk}": "1"})

    assert "Give each option a different number" in page(response)
    assert not Response.objects.exists()


def test_ranked_response_uses_native_selects(ranked_proposal, grace, client_for):
    response = client_for(grace).get(reverse("decisions:respond", kwargs={"pk": ranked_proposal.pk}))

    assert page(response).count('<select name="rank_') == 3
    assert "draggable" not in page(response)


# --- Publishing --------------------------------------------------------------------------------------------


def make_decision(project, user, **fields) -> Decision:
    values = {
        "stage": "design",
        "question": "Hospital stops first",
        "options_considered": "Hospital\nMarket",
        "method": DecisionMethod.CONSENT,
        "rationale": "Most people use them.",
        "created_by": user,
    }
    values.update(fields)
    return Decision.objects.create(project=project, **values)


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


# --- The register's queries ---------------------------------------------------------------------------------


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


# --- Concerns ---------------------------------------------------------------------------------------------------


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
    from coproduce.decisions.services import raise_concern

    concern = raise_concern(bus_stops, text="x", anonymous=True, by=grace)
    answer_concern(concern, response="We moved the start time.", by=amina)

    assert not AuditEvent.objects.filter(actor=grace).exists()
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True)
def test_named_concern_is_answered_by_email_and_on_your_concerns(bus_stops, grace, amina, client_for):
    from coproduce.decisions.services import raise_concern

    concern = raise_concern(bus_stops, text="The room is too noisy.", anonymous=False, by=grace)
    assert AuditEvent.objects.get(action="decisions.concern_raised").actor == grace
    answer_concern(concern, response="We booked a quiet room.", by=amina)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [grace.person.email]
    assert "We booked a quiet room." in mail.outbox[0].body
    assert "We booked a quiet room." in page(client_for(grace).get(reverse("decisions:your_concerns")))


def test_concern_form_needs_a_choice_and_writes_nothing(bus_stops, grace, client_for):
    response = client_for(grace).post(reverse("decisions:concern_create"), {"project": bus_stops.pk, "text": ""})

    assert "Say what your concern is" in page(response)
    assert "Choose whether to give your name" in page(response)
    assert not Concern.objects.exists()


# --- Proposals, groups and agenda -------------------------------------------------------------------------------


def test_proposal_page_shows_consent_results(consent_proposal, grace, dev, client_for):
    respond(consent_proposal, person=grace.person, stance=Stance.BLOCK, reason="Ask bus users first", by=grace)

    html = page(client_for(dev).get(reverse("decisions:proposal", kwargs={"pk": consent_proposal.pk})))

    assert "Blocked: the group needs to talk again" in html
    assert "Ask bus users first" in html


def test_proposal_form_without_options_for_a_vote_is_refused(steering, dev, client_for):
    response = client_for(dev).post(
        reverse("decisions:proposal_create", kwargs={"pk": steering.pk}),
        {
            "title": "Which colour?",
            "text": "Pick one.",
            "method": "vote",
            "options": "Blue",
            "closes_at_0": "1",
            "closes_at_1": "1",
            "closes_at_2": str(timezone.localdate().year + 1),
            "closes_at_3": "5pm",
        },
    )

    assert "Give at least 2 options" in page(response)
    assert not steering.proposals.exists()


def test_group_page_shows_the_agenda_queue(steering, priya, client_for):
    client_for(priya).post(reverse("decisions:agenda_propose", kwargs={"pk": steering.pk}), {"title": "Lighting"})

    html = page(client_for(priya).get(reverse("decisions:group", kwargs={"pk": steering.pk})))

    assert "Lighting" in html
    assert "Waiting in the queue" in html


@pytest.mark.django_db(transaction=True)
def test_publishing_with_a_near_review_date_emails_the_leads(bus_stops, amina, dev):
    from coproduce.decisions.services import publish_decision

    decision = make_decision(bus_stops, amina, review_on=timezone.localdate() + timedelta(days=3))

    publish_decision(decision, by=amina)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    # One message to each lead, through the messaging path (each in their own format).
    assert sorted(email.to[0] for email in mail.outbox) == sorted([amina.person.email, dev.person.email])
    assert all("Hospital stops first" in email.body for email in mail.outbox)
