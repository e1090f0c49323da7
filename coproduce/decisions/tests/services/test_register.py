"""The decision register through the services: drafting, publishing, history and power-sharing measures."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.contributions.models import Contribution
from coproduce.decisions.choices import DecisionMethod, Stance
from coproduce.decisions.models import Decision, DecisionRevision
from coproduce.decisions.queries import power_sharing
from coproduce.decisions.services.register import publish_decision, save_decision
from coproduce.decisions.services.responses import respond
from coproduce.model import Stage
from coproduce.projects.models import Lifecycle, Project
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


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


def test_staff_only_decisions_are_flagged_at_every_stage_not_only_design(bus_stops, amina, client_for):
    # The defect: a staff-only decision at development showed "50 %" made jointly with no warning.
    Project.objects.filter(pk=bus_stops.pk).update(stage=Lifecycle.DEVELOPMENT)
    bus_stops.refresh_from_db()
    for method in (DecisionMethod.STAFF_ONLY, DecisionMethod.STAFF_ONLY, DecisionMethod.CONSENT):
        publish_decision(save_decision(draft(bus_stops, method=method), contributions=[], by=amina), by=amina)

    measures = power_sharing(bus_stops)

    assert [share.stage for share in measures.flagged] == [Stage.DEVELOPMENT]
    page = client_for(amina).get(reverse("decisions:project", args=[bus_stops.pk])).content.decode()
    assert "of the decisions at the development stage. Share more decisions with members." in page
    assert "Staff alone made 2 of 3 decisions at the development stage." in page


def test_one_staff_only_decision_is_said_on_the_page_even_below_the_limit(bus_stops, amina, client_for):
    Project.objects.filter(pk=bus_stops.pk).update(stage=Lifecycle.IMPLEMENTATION)
    bus_stops.refresh_from_db()
    for method in (DecisionMethod.STAFF_ONLY, DecisionMethod.CONSENT):
        publish_decision(save_decision(draft(bus_stops, method=method), contributions=[], by=amina), by=amina)

    page = client_for(amina).get(reverse("decisions:project", args=[bus_stops.pk])).content.decode()

    assert not power_sharing(bus_stops).is_flagged
    assert "Staff alone made 1 of 2 decisions at the implementation stage." in page
