"""Responses through the services: one per person, blocks need a reason, closing, recording, withdrawing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from coproduce.decisions.choices import Channel, Stance
from coproduce.decisions.models import Response
from coproduce.decisions.queries import result_of
from coproduce.decisions.services.responses import respond, withdraw_response
from coproduce.decisions.tallies import OptionResult, StanceResult
from coproduce.decisions.tests.helpers import close
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


def stance_result(proposal) -> StanceResult:
    result = result_of(proposal)
    assert isinstance(result, StanceResult)
    return result


def test_respond_twice_replaces_the_first_response(consent_proposal, grace):
    respond(consent_proposal, person=grace.person, stance=Stance.CONCERNS, reason="Late buses", by=grace)
    respond(consent_proposal, person=grace.person, stance=Stance.AGREE, by=grace)

    responses = Response.objects.filter(proposal=consent_proposal)
    assert responses.count() == 1
    assert responses.get().stance == Stance.AGREE


def test_one_response_per_person_is_a_database_rule(consent_proposal, grace):
    respond(consent_proposal, person=grace.person, stance=Stance.AGREE, by=grace)

    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(proposal=consent_proposal, person=grace.person, stance="agree", recorded_by=grace)


def test_block_without_reason_is_refused_and_nothing_written(consent_proposal, grace):
    with pytest.raises(Refused) as refusal:
        respond(consent_proposal, person=grace.person, stance=Stance.BLOCK, reason="  ", by=grace)

    assert "reason" in refusal.value.errors
    assert not Response.objects.exists()


def test_block_without_reason_is_refused_by_the_database(consent_proposal, grace):
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(proposal=consent_proposal, person=grace.person, stance="block", recorded_by=grace)


def test_late_response_is_refused_with_a_clear_message(consent_proposal, grace):
    close(consent_proposal)

    with pytest.raises(Refused, match="no longer taken"):
        respond(consent_proposal, person=grace.person, stance=Stance.AGREE, by=grace)
    assert not Response.objects.exists()


def test_only_group_members_respond(consent_proposal, tom):
    with pytest.raises(PermissionDenied):
        respond(consent_proposal, person=tom.person, stance=Stance.AGREE, by=tom)


def test_a_member_cannot_respond_for_someone_else_online(consent_proposal, grace, dev):
    with pytest.raises(PermissionDenied):
        respond(consent_proposal, person=dev.person, stance=Stance.AGREE, by=grace)


def test_coordinator_records_a_phone_response_marked_as_such(consent_proposal, amina, dev):
    response = respond(consent_proposal, person=dev.person, stance=Stance.AGREE, channel=Channel.PHONE, by=amina)

    assert response.channel == Channel.PHONE
    assert response.recorded_by == amina
    assert response.person == dev.person


def test_withdrawn_response_no_longer_counts(consent_proposal, grace, dev):
    respond(consent_proposal, person=grace.person, stance=Stance.BLOCK, reason="Not yet", by=grace)
    respond(consent_proposal, person=dev.person, stance=Stance.AGREE, by=dev)
    assert stance_result(consent_proposal).outcome == "blocked"

    withdraw_response(Response.objects.get(person=grace.person), by=grace)

    assert stance_result(consent_proposal).outcome == "agreed"


def test_ranked_response_stores_ranks_and_tallies_by_instant_runoff(ranked_proposal, grace, dev, priya):
    hospital, market, station = ranked_proposal.options.all()
    respond(ranked_proposal, person=grace.person, ranking=[hospital, market], by=grace)
    respond(ranked_proposal, person=dev.person, ranking=[market], by=dev)
    respond(ranked_proposal, person=priya.person, ranking=[station, hospital], by=priya)

    result = result_of(ranked_proposal)
    assert isinstance(result, OptionResult)

    # Round 1: 1 each; all tied with no earlier round: a tie between all three.
    assert set(result.winners) == {hospital.pk, market.pk, station.pk}
