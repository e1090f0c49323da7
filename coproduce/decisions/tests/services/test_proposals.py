"""Proposals through the services: who may propose, options, moving the closing date."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.decisions.choices import Method, Stance
from coproduce.decisions.models import Response
from coproduce.decisions.services.proposals import extend_closing, put_proposal
from coproduce.decisions.services.responses import respond
from coproduce.decisions.tests.helpers import close
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


def test_members_cannot_propose_when_the_setting_is_off(steering, grace, dev, settings):
    settings.COPRODUCE_MEMBERS_CAN_PROPOSE = False
    soon = timezone.now() + timedelta(days=1)

    with pytest.raises(PermissionDenied):
        put_proposal(steering, title="T", text="x", method=Method.CONSENT, closes_at=soon, by=grace)
    put_proposal(steering, title="T", text="x", method=Method.CONSENT, closes_at=soon, by=dev)  # Dev co-leads


def test_vote_needs_two_options(steering, dev):
    with pytest.raises(Refused) as refusal:
        put_proposal(
            steering,
            title="T",
            text="x",
            method=Method.VOTE,
            options=["Only one"],
            closes_at=timezone.now() + timedelta(days=1),
            by=dev,
        )
    assert "options" in refusal.value.errors


def test_extending_reopens_a_closed_proposal(consent_proposal, grace, dev):
    close(consent_proposal)

    extend_closing(consent_proposal, closes_at=timezone.now() + timedelta(days=2), by=dev)
    respond(consent_proposal, person=grace.person, stance=Stance.AGREE, by=grace)

    assert Response.objects.filter(proposal=consent_proposal).count() == 1


def test_extending_only_later_and_only_by_leads(consent_proposal, dev, grace):
    with pytest.raises(Refused):
        extend_closing(consent_proposal, closes_at=consent_proposal.closes_at - timedelta(hours=1), by=dev)
    with pytest.raises(PermissionDenied):
        extend_closing(consent_proposal, closes_at=consent_proposal.closes_at + timedelta(days=1), by=grace)
