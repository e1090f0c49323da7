"""The opportunity assessment."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.model import LadderRung
from coproduce.projects.models import OpportunityAssessment, Project
from coproduce.projects.services import record_assessment
from coproduce.projects.tests.factories import OpportunityAssessmentFactory, ProjectFactory
from coproduce.projects.tests.services.helpers import LONG_AGO

# --- record_assessment ---------------------------------------------------------------------


def assessment_for(project: Project) -> OpportunityAssessment:
    return OpportunityAssessmentFactory.build(project=project, recorded_by=None, updated_at=None)


def test_record_assessment_saves_it_with_who_and_when(amina: User, bus_stops: Project) -> None:
    before = timezone.now()

    record_assessment(assessment_for(bus_stops), project=bus_stops, by=amina)

    saved = OpportunityAssessment.objects.get(project=bus_stops)
    assert saved.recorded_by == amina
    assert before <= saved.updated_at <= timezone.now()
    assert saved.planned_rung_design == LadderRung.CO_PRODUCTION
    event = AuditEvent.objects.get(action="projects.assessment_recorded")
    assert (event.actor, event.target_type, event.target_id) == (amina, "projects.project", str(bus_stops.pk))
    assert event.payload == {"is_new": True}


def test_record_assessment_changes_an_existing_one(amina: User, dev: User, bus_stops: Project) -> None:
    existing = OpportunityAssessmentFactory.create(project=bus_stops, recorded_by=amina, updated_at=LONG_AGO)
    existing.what_is_fixed = "Nothing is fixed."

    record_assessment(existing, project=bus_stops, by=dev)

    saved = OpportunityAssessment.objects.get(project=bus_stops)
    assert saved.pk == existing.pk
    assert saved.what_is_fixed == "Nothing is fixed."
    assert saved.recorded_by == dev
    assert saved.updated_at > LONG_AGO
    assert AuditEvent.objects.get(action="projects.assessment_recorded").payload == {"is_new": False}


@pytest.mark.parametrize("persona", ["amina", "morgan", "dev"])
def test_record_assessment_is_allowed_to_coordinators_and_the_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    record_assessment(assessment_for(bus_stops), project=bus_stops, by=by)

    assert OpportunityAssessment.objects.get(project=bus_stops).recorded_by == by


@pytest.mark.parametrize("persona", ["grace", "sam", "tom", "priya"])
def test_record_assessment_is_refused_to_anyone_else(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        record_assessment(assessment_for(bus_stops), project=bus_stops, by=by)

    assert OpportunityAssessment.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_record_assessment_lets_a_co_lead_assess_only_their_own_project(dev: User, bus_stops: Project) -> None:
    other = ProjectFactory.create()

    with pytest.raises(PermissionDenied):
        record_assessment(assessment_for(other), project=other, by=dev)

    assert OpportunityAssessment.objects.exists() is False
