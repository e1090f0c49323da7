"""The response pages: answering online, recording a phone response, refusals shown with nothing written."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.decisions.models import Response
from coproduce.decisions.tests.helpers import page
from coproduce.tests.inventory import PERSONAS

pytestmark = pytest.mark.django_db


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
