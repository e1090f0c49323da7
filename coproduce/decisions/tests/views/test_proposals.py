"""The proposal pages: results shown, a vote without options refused."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.decisions.choices import Stance
from coproduce.decisions.services.responses import respond
from coproduce.decisions.tests.helpers import page

pytestmark = pytest.mark.django_db


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
