"""What the database itself holds true about projects, stage changes and assessments."""

import pytest
from django.db import IntegrityError

from coproduce.accounts.models import User
from coproduce.model import STAGE_ORDER, LadderRung
from coproduce.projects.models import (
    LIFECYCLE_ORDER,
    IntakeStatus,
    Lifecycle,
    Project,
    next_in_lifecycle,
)
from coproduce.projects.tests.factories import IdeaFactory, OpportunityAssessmentFactory, StageChangeFactory


def test_lifecycle_runs_from_idea_to_closed_around_the_four_stages() -> None:
    assert LIFECYCLE_ORDER == (
        Lifecycle.IDEA,
        Lifecycle.DESIGN,
        Lifecycle.DEVELOPMENT,
        Lifecycle.IMPLEMENTATION,
        Lifecycle.EVALUATION,
        Lifecycle.CLOSED,
    )
    assert [stage.value for stage in STAGE_ORDER] == [stage.value for stage in LIFECYCLE_ORDER[1:5]]


def test_next_in_lifecycle_is_one_step_on_and_none_after_closed() -> None:
    assert next_in_lifecycle(Lifecycle.IDEA) is Lifecycle.DESIGN
    assert next_in_lifecycle(Lifecycle.EVALUATION) is Lifecycle.CLOSED
    assert next_in_lifecycle(Lifecycle.CLOSED) is None


def test_project_next_stage_follows_the_lifecycle() -> None:
    assert Project(stage=Lifecycle.IDEA).next_stage is Lifecycle.DESIGN
    assert Project(stage=Lifecycle.CLOSED).next_stage is None


def test_project_stage_must_be_a_lifecycle_step(bus_stops: Project) -> None:
    with pytest.raises(IntegrityError):
        Project.objects.filter(pk=bus_stops.pk).update(stage="finished")


def test_project_declined_without_a_reason_cannot_be_stored(db: None) -> None:
    with pytest.raises(IntegrityError):
        IdeaFactory.create(intake_status=IntakeStatus.DECLINED, decline_reason="")


@pytest.mark.parametrize("status", [IntakeStatus.SUBMITTED, IntakeStatus.DECLINED])
def test_project_idea_not_accepted_cannot_be_past_the_idea_stage(db: None, status: IntakeStatus) -> None:
    with pytest.raises(IntegrityError):
        IdeaFactory.create(intake_status=status, decline_reason="No budget.", stage=Lifecycle.DESIGN)


def test_stage_change_must_move_to_another_stage(amina: User) -> None:
    with pytest.raises(IntegrityError):
        StageChangeFactory.create(from_stage=Lifecycle.DESIGN, to_stage=Lifecycle.DESIGN, changed_by=amina)


def test_assessment_needs_a_valid_planned_rung(db: None) -> None:
    with pytest.raises(IntegrityError):
        OpportunityAssessmentFactory.create(planned_rung_design="top")


def test_assessment_reads_its_stages_and_rungs(db: None) -> None:
    assessment = OpportunityAssessmentFactory.build(
        can_coproduce_implementation=False, planned_rung_evaluation=LadderRung.CO_DESIGN
    )

    assert [stage.value for stage in assessment.coproducible_stages] == ["design", "development", "evaluation"]
    assert assessment.planned_rung(STAGE_ORDER[3]) is LadderRung.CO_DESIGN
