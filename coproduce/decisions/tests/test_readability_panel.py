"""The "Check readability" button on the proposal and decision forms."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.communications.tests.readability_checks import HARD, PLAIN, assert_panels_beside_fields, pressing_check
from coproduce.decisions.models import Decision
from coproduce.decisions.tests.helpers import make_decision

pytestmark = pytest.mark.django_db


def proposal_data() -> dict[str, str]:
    return {
        "title": "Benches at stops",
        "text": HARD,
        "easy_read_text": PLAIN,
        "method": "consent",
        "closes_at_day": "1",
        "closes_at_month": "1",
        "closes_at_year": str(timezone.localdate().year + 1),
        "closes_at_time": "5pm",
    }


def test_checking_a_proposal_saves_nothing_then_putting_it_works(steering, dev, client_for) -> None:
    client = client_for(dev)
    url = reverse("decisions:proposal_create", kwargs={"pk": steering.pk})

    html = assert_panels_beside_fields(client.post(url, pressing_check(proposal_data())), ["text", "easy_read_text"])
    assert "Readability: Easy Read version" in html
    assert not steering.proposals.exists()

    response = client.post(url, proposal_data())
    assert response.status_code == 302, response.content.decode()
    assert steering.proposals.get().easy_read_text == PLAIN


def decision_data() -> dict[str, str]:
    return {
        "question": "Benches first",
        "options_considered": "Benches\nShelters",
        "method": "consent",
        "rationale": HARD,
        "cannot_change": PLAIN,
    }


def test_checking_a_decision_saves_nothing_then_saving_works(bus_stops, amina, client_for) -> None:
    client = client_for(amina)
    url = reverse("decisions:decision_create", kwargs={"pk": bus_stops.pk})

    assert_panels_beside_fields(client.post(url, pressing_check(decision_data())), ["rationale", "cannot_change"])
    assert not Decision.objects.exists()

    response = client.post(url, decision_data())
    assert response.status_code == 302, response.content.decode()
    assert Decision.objects.get().rationale == HARD


def test_checking_an_edited_decision_keeps_the_saved_text(bus_stops, amina, client_for) -> None:
    decision = make_decision(bus_stops, amina)
    url = reverse("decisions:decision_edit", kwargs={"pk": decision.pk})

    assert_panels_beside_fields(client_for(amina).post(url, pressing_check(decision_data())), ["rationale"])
    decision.refresh_from_db()
    assert decision.rationale == "Most people use them."
