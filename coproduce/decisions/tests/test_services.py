"""Groups, proposals, responses, the register, concerns and agenda items, through the services."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import AgendaStatus, Channel, DecisionMethod, GroupRole, Method, Stance
from coproduce.decisions.models import Decision, DecisionRevision, GroupMember, Response
from coproduce.decisions.queries import power_sharing, result_of
from coproduce.decisions.services import (
    Refused,
    add_group_member,
    extend_closing,
    propose_agenda_item,
    publish_decision,
    put_proposal,
    respond,
    save_decision,
    set_agenda_status,
    update_ground_rules,
    withdraw_response,
)
from coproduce.decisions.tallies import OptionResult, StanceResult
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.people.models import Person

pytestmark = pytest.mark.django_db


def stance_result(proposal) -> StanceResult:
    result = result_of(proposal)
    assert isinstance(result, StanceResult)
    return result


def close(proposal) -> None:
    type(proposal).objects.filter(pk=proposal.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    proposal.refresh_from_db()


# --- Groups ---------------------------------------------------------------------------------------


def test_add_group_member_refuses_a_staff_seat_below_the_minimum_share(steering, amina, sam):
    steering.min_member_share = Decimal("0.60")
    steering.save()
    # 2 of 4 seats (Grace, Dev) have lived experience: 50%. Another staff seat makes it 2 of 5.

    with pytest.raises(Refused, match="At least 60%"):
        add_group_member(steering, person=sam.person, role=GroupRole.STAFF_ADVISER, by=amina)

    assert not GroupMember.objects.filter(group=steering, person=sam.person).exists()


def test_add_group_member_allows_a_member_seat_whatever_the_share(steering, amina):
    steering.min_member_share = Decimal("0.90")
    steering.save()
    rosa = Person.objects.create(full_name="Rosa Lindqvist", kind="member")

    add_group_member(steering, person=rosa, role=GroupRole.MEMBER, by=amina)

    assert GroupMember.objects.filter(group=steering, person=rosa).exists()


def test_add_group_member_only_by_leads(steering, grace, tom):
    with pytest.raises(PermissionDenied):
        add_group_member(steering, person=tom.person, role=GroupRole.MEMBER, by=grace)


def test_ground_rules_keep_who_changed_them_and_when(steering, priya):
    update_ground_rules(steering, text="One person speaks at a time.", by=priya)

    steering.refresh_from_db()
    assert steering.ground_rules == "One person speaks at a time."
    assert steering.ground_rules_changed_by == priya
    assert steering.ground_rules_changed_at is not None


def test_ground_rules_not_editable_by_people_outside_the_group(steering, tom):
    with pytest.raises(PermissionDenied):
        update_ground_rules(steering, text="x", by=tom)


# --- Proposals and responses ----------------------------------------------------------------------------


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


# --- The register --------------------------------------------------------------------------------------


def draft(bus_stops, *, rationale="Most people use them.", options="Hospital\nMarket", method=DecisionMethod.CONSENT):
    return Decision(
        project=bus_stops,
        question="Hospital stops first",
        options_considered=options,
        rationale=rationale,
        method=method,
    )


def test_decision_takes_the_project_stage_and_counts_lived_experience(
    bus_stops, consent_proposal, amina, grace, dev, priya
):
    respond(consent_proposal, person=grace.person, stance=Stance.AGREE, by=grace)  # carer
    respond(consent_proposal, person=dev.person, stance=Stance.AGREE, by=dev)  # member
    respond(consent_proposal, person=priya.person, stance=Stance.AGREE, by=priya)  # partner representative
    decision = draft(bus_stops)
    decision.proposal = consent_proposal

    saved = save_decision(decision, contributions=[], by=amina)

    assert saved.stage == "design"
    assert saved.lived_experience_count == 2


def test_publish_without_rationale_is_refused_and_nothing_written(bus_stops, amina):
    decision = save_decision(draft(bus_stops, rationale=""), contributions=[], by=amina)

    with pytest.raises(Refused) as refusal:
        publish_decision(decision, by=amina)

    assert "rationale" in refusal.value.errors
    decision.refresh_from_db()
    assert decision.status == "draft"
    assert not AuditEvent.objects.filter(action="decisions.decision_published").exists()


def test_publish_without_options_is_refused(bus_stops, amina):
    decision = save_decision(draft(bus_stops, options=""), contributions=[], by=amina)

    with pytest.raises(Refused):
        publish_decision(decision, by=amina)


def test_database_refuses_a_published_decision_without_rationale(bus_stops, amina):
    with pytest.raises(IntegrityError), transaction.atomic():
        Decision.objects.create(
            project=bus_stops,
            stage="design",
            question="Q",
            options_considered="A\nB",
            method="consent",
            status="published",
            published_at=timezone.now(),
            created_by=amina,
        )


def test_only_leads_publish(bus_stops, amina, grace, dev):
    decision = save_decision(draft(bus_stops), contributions=[], by=amina)

    with pytest.raises(PermissionDenied):
        publish_decision(decision, by=grace)
    publish_decision(decision, by=dev)  # the co-lead


def test_changes_after_publication_keep_history(bus_stops, amina, dev):
    contribution = Contribution.objects.create(
        person=dev.person, project=bus_stops, kind="idea", summary="Start with the hospital", recorded_by=amina
    )
    decision = publish_decision(save_decision(draft(bus_stops), contributions=[], by=amina), by=amina)
    decision.rationale = "Most people, and the hospital asked."

    save_decision(decision, contributions=[contribution], by=dev)

    revision = DecisionRevision.objects.get(decision=decision)
    assert revision.changed_by == dev
    assert revision.changes["rationale"] == {
        "old": "Most people use them.",
        "new": "Most people, and the hospital asked.",
    }
    assert revision.changes["contributions"] == {"old": "", "new": str(contribution.pk)}


def test_drafts_keep_no_history(bus_stops, amina):
    decision = save_decision(draft(bus_stops), contributions=[], by=amina)
    decision.rationale = "Changed"

    save_decision(decision, contributions=[], by=amina)

    assert not DecisionRevision.objects.exists()


def test_contributions_must_come_from_the_same_project(bus_stops, amina, dev):
    from coproduce.projects.models import Project

    other = Project.objects.create(title="Other", summary="x", created_by=amina)
    elsewhere = Contribution.objects.create(
        person=dev.person, project=other, kind="idea", summary="Elsewhere", recorded_by=amina
    )

    with pytest.raises(Refused):
        save_decision(draft(bus_stops), contributions=[elsewhere], by=amina)


def test_power_sharing_flags_mostly_staff_only_design_decisions(bus_stops, amina, settings):
    for method in (DecisionMethod.STAFF_ONLY, DecisionMethod.STAFF_ONLY, DecisionMethod.CONSENT):
        publish_decision(save_decision(draft(bus_stops, method=method), contributions=[], by=amina), by=amina)

    measures = power_sharing(bus_stops)

    design = measures.stages[0]
    assert (design.joint, design.staff_only) == (1, 2)
    assert measures.is_flagged
    settings.COPRODUCE_STAFF_ONLY_DESIGN_LIMIT = "0.7"
    assert not power_sharing(bus_stops).is_flagged


def test_power_sharing_half_is_not_flagged(bus_stops, amina):
    for method in (DecisionMethod.STAFF_ONLY, DecisionMethod.DELEGATED):
        publish_decision(save_decision(draft(bus_stops, method=method), contributions=[], by=amina), by=amina)

    assert not power_sharing(bus_stops).is_flagged


# --- Agenda items ---------------------------------------------------------------------------------------


def test_agenda_item_goes_to_the_next_meeting(steering, priya, bus_stops):
    meeting = ActivityFactory.create(project=bus_stops, kind="steering_group")

    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    assert item.meeting == meeting
    assert item.status == AgendaStatus.PROPOSED


def test_agenda_item_waits_in_the_queue_without_a_meeting(steering, priya):
    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    assert item.meeting is None


def test_agenda_item_not_taken_needs_a_reason(steering, priya, amina):
    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    with pytest.raises(Refused):
        set_agenda_status(item, status=AgendaStatus.NOT_TAKEN, by=amina)
    set_agenda_status(item, status=AgendaStatus.NOT_TAKEN, reason="The council decides this", by=amina)
    item.refresh_from_db()
    assert item.reason == "The council decides this"
