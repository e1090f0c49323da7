"""Reads about projects: their life so far, the assessment, involvement, and the intake queue."""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.apps import apps

from coproduce.accounts.models import User
from coproduce.model import STAGE_ORDER, LadderRung, Stage
from coproduce.people.models import PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import LIFECYCLE_ORDER, IntakeStatus, Lifecycle, Membership, Project, ProjectRole
from coproduce.projects.queries import (
    StageRungs,
    actual_rungs,
    assessment_of,
    first_involvement_stage,
    has_early_involvement,
    has_lived_experience_co_lead,
    ideas_proposed_by,
    intake_queue,
    is_co_lead_required,
    lifecycle_steps,
    planned_rungs,
    rungs_by_stage,
)
from coproduce.projects.tests.factories import (
    IdeaFactory,
    OpportunityAssessmentFactory,
    ProjectFactory,
    StageChangeFactory,
)

IDEA_DAY = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
DESIGN_DAY = datetime(2026, 4, 14, 10, 0, tzinfo=UTC)


# --- lifecycle_steps -------------------------------------------------------------------


def test_lifecycle_steps_dates_each_stage_reached_from_the_stage_changes(
    amina: User, django_assert_num_queries: Any
) -> None:
    project = ProjectFactory.create(stage=Lifecycle.DESIGN, stage_changed_at=DESIGN_DAY)
    StageChangeFactory.create(project=project, from_stage="", to_stage=Lifecycle.IDEA, changed_at=IDEA_DAY)
    StageChangeFactory.create(
        project=project, from_stage=Lifecycle.IDEA, to_stage=Lifecycle.DESIGN, changed_at=DESIGN_DAY
    )

    with django_assert_num_queries(1):
        steps = lifecycle_steps(project)

    assert [(s.stage, s.reached_at, s.is_reached, s.is_current, s.is_skipped) for s in steps] == [
        (Lifecycle.IDEA, IDEA_DAY, True, False, False),
        (Lifecycle.DESIGN, DESIGN_DAY, True, True, False),
        (Lifecycle.DEVELOPMENT, None, False, False, False),
        (Lifecycle.IMPLEMENTATION, None, False, False, False),
        (Lifecycle.EVALUATION, None, False, False, False),
        (Lifecycle.CLOSED, None, False, False, False),
    ]
    assert steps[0].plain == "Someone has an idea. We decide together whether to take it on."
    assert steps[1].plain == "We decide together what the project is for and plan it."
    assert steps[5].plain == "The project has finished. We keep what we learned."


def test_lifecycle_steps_of_a_project_that_started_at_design_skip_the_idea(amina: User) -> None:
    project = ProjectFactory.create(stage=Lifecycle.DEVELOPMENT, stage_changed_at=DESIGN_DAY)
    StageChangeFactory.create(project=project, from_stage="", to_stage=Lifecycle.DESIGN, changed_at=IDEA_DAY)

    steps = lifecycle_steps(project)

    assert [(s.stage, s.reached_at, s.is_reached, s.is_skipped) for s in steps[:4]] == [
        (Lifecycle.IDEA, None, False, True),
        (Lifecycle.DESIGN, IDEA_DAY, True, False),
        (Lifecycle.DEVELOPMENT, DESIGN_DAY, True, False),
        (Lifecycle.IMPLEMENTATION, None, False, False),
    ]


def test_lifecycle_steps_of_a_project_from_before_stage_changes_were_kept(db: None) -> None:
    # Every project then started at design, so the idea step was skipped and design has no date.
    project = ProjectFactory.create(stage=Lifecycle.DEVELOPMENT, stage_changed_at=DESIGN_DAY)

    steps = lifecycle_steps(project)

    assert [(s.stage, s.reached_at, s.is_reached, s.is_skipped) for s in steps[:4]] == [
        (Lifecycle.IDEA, None, False, True),
        (Lifecycle.DESIGN, None, True, False),
        (Lifecycle.DEVELOPMENT, DESIGN_DAY, True, False),
        (Lifecycle.IMPLEMENTATION, None, False, False),
    ]


def test_lifecycle_steps_marks_closed_as_current_at_the_end(db: None) -> None:
    project = ProjectFactory.create(stage=Lifecycle.CLOSED, stage_changed_at=DESIGN_DAY)

    steps = lifecycle_steps(project)

    assert [s.stage for s in steps if s.is_current] == [Lifecycle.CLOSED]
    assert [s.stage for s in steps if s.is_reached] == list(LIFECYCLE_ORDER[1:])


# --- the assessment and the ladder -----------------------------------------------------------


def test_planned_rungs_are_not_known_before_the_assessment(bus_stops: Project) -> None:
    assert assessment_of(bus_stops) is None
    assert planned_rungs(bus_stops) == dict.fromkeys(STAGE_ORDER)


def test_planned_rungs_come_from_the_assessment(bus_stops: Project) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops)
    project = Project.objects.select_related("assessment").get(pk=bus_stops.pk)

    assert planned_rungs(project) == {
        Stage.DESIGN: LadderRung.CO_PRODUCTION,
        Stage.DEVELOPMENT: LadderRung.CO_DESIGN,
        Stage.IMPLEMENTATION: LadderRung.INFORMING,
        Stage.EVALUATION: LadderRung.ENGAGEMENT,
    }


def test_actual_rungs_and_first_involvement_are_not_yet_known(bus_stops: Project) -> None:
    # The involvement app will feed these; until then each answer is "not yet known".
    assert actual_rungs(bus_stops) == dict.fromkeys(STAGE_ORDER)
    assert first_involvement_stage(bus_stops) is None


def test_rungs_by_stage_sets_planned_against_actual(bus_stops: Project, django_assert_num_queries: Any) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops)
    project = Project.objects.select_related("assessment").get(pk=bus_stops.pk)

    # One query: the rungs of the activities people attended, for the actual rungs.
    with django_assert_num_queries(1):
        rows = rungs_by_stage(project)

    assert rows == [
        StageRungs(stage=Stage.DESIGN, can_coproduce=True, planned=LadderRung.CO_PRODUCTION, actual=None),
        StageRungs(stage=Stage.DEVELOPMENT, can_coproduce=True, planned=LadderRung.CO_DESIGN, actual=None),
        StageRungs(stage=Stage.IMPLEMENTATION, can_coproduce=False, planned=LadderRung.INFORMING, actual=None),
        StageRungs(stage=Stage.EVALUATION, can_coproduce=True, planned=LadderRung.ENGAGEMENT, actual=None),
    ]


def test_rungs_by_stage_without_an_assessment_knows_nothing(bus_stops: Project) -> None:
    rows = rungs_by_stage(bus_stops)

    assert [(r.can_coproduce, r.planned, r.actual) for r in rows] == [(None, None, None)] * 4


# --- has_early_involvement -------------------------------------------------------------------


def test_has_early_involvement_is_false_when_the_involvement_app_is_not_installed(
    bus_stops: Project, settings: Any
) -> None:
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "coproduce.involvement"]

    assert apps.is_installed("coproduce.involvement") is False
    assert has_early_involvement(bus_stops) is False


def test_has_early_involvement_is_false_without_any_involvement_record(bus_stops: Project) -> None:
    assert has_early_involvement(bus_stops) is False


# --- co-leads ------------------------------------------------------------------------------


def test_has_lived_experience_co_lead_with_a_member_co_lead(bus_stops: Project) -> None:
    assert has_lived_experience_co_lead(bus_stops) is True


@pytest.mark.parametrize("kind", [PersonKind.MEMBER, PersonKind.CARER])
def test_has_lived_experience_co_lead_counts_members_and_carers(db: None, kind: PersonKind) -> None:
    project = ProjectFactory.create()
    Membership.objects.create(project=project, person=PersonFactory.create(kind=kind), role=ProjectRole.CO_LEAD)

    assert has_lived_experience_co_lead(project) is True


@pytest.mark.parametrize(
    ("kind", "role", "anonymised_at"),
    [
        (PersonKind.STAFF, ProjectRole.CO_LEAD, None),
        (PersonKind.ALLY, ProjectRole.CO_LEAD, None),
        (PersonKind.MEMBER, ProjectRole.STAFF_LEAD, None),
        (PersonKind.MEMBER, ProjectRole.MEMBER, None),
        (PersonKind.MEMBER, ProjectRole.CO_LEAD, IDEA_DAY),
    ],
)
def test_has_lived_experience_co_lead_is_false_otherwise(
    db: None, kind: PersonKind, role: ProjectRole, anonymised_at: datetime | None
) -> None:
    project = ProjectFactory.create()
    person = PersonFactory.create(kind=kind, anonymised_at=anonymised_at)
    Membership.objects.create(project=project, person=person, role=role)

    assert has_lived_experience_co_lead(project) is False


def test_is_co_lead_required_unless_switched_off(settings: Any) -> None:
    assert is_co_lead_required() is True

    settings.COPRODUCE_REQUIRE_CO_LEAD = False

    assert is_co_lead_required() is False


# --- intake ----------------------------------------------------------------------------------


def test_intake_queue_lists_only_ideas_waiting_oldest_first(db: None, django_assert_num_queries: Any) -> None:
    newer = IdeaFactory.create(title="Newer")
    older = IdeaFactory.create(title="Older")
    Project.objects.filter(pk=older.pk).update(created_at=IDEA_DAY)
    IdeaFactory.create(intake_status=IntakeStatus.ACCEPTED)
    IdeaFactory.create(intake_status=IntakeStatus.DECLINED, decline_reason="No budget.")
    ProjectFactory.create(stage=Lifecycle.IDEA)

    with django_assert_num_queries(1):
        queue = [(idea.pk, idea.proposed_by.name if idea.proposed_by else "") for idea in intake_queue()]

    assert [pk for pk, _ in queue] == [older.pk, newer.pk]


def test_ideas_proposed_by_lists_a_persons_ideas_newest_first_whatever_happened(dev: User, grace: User) -> None:
    first = IdeaFactory.create(proposed_by=dev.person, intake_status=IntakeStatus.ACCEPTED)
    Project.objects.filter(pk=first.pk).update(created_at=IDEA_DAY)
    second = IdeaFactory.create(proposed_by=dev.person, intake_status=IntakeStatus.DECLINED, decline_reason="No.")
    IdeaFactory.create(proposed_by=grace.person)

    assert list(ideas_proposed_by(dev.person)) == [second, first]


def test_taken_on_leaves_out_ideas_waiting_or_not_taken_forward(db: None) -> None:
    started = ProjectFactory.create(stage=Lifecycle.IDEA)
    accepted = IdeaFactory.create(intake_status=IntakeStatus.ACCEPTED)
    IdeaFactory.create()
    IdeaFactory.create(intake_status=IntakeStatus.DECLINED, decline_reason="No budget.")

    assert set(Project.objects.taken_on()) == {started, accepted}
