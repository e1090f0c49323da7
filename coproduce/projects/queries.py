"""Reads about projects across models: their life so far, their assessment, and who was involved when.

Some answers here come from involvement records (who took part in which activity), which the
``involvement`` app keeps. The model is looked up by name because that app builds on this one; where
no records exist the answer is "not yet known" (``None``) or ``False``.
"""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count

from coproduce.model import STAGE_ORDER, LadderRung, Stage
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import (
    LIFECYCLE_ORDER,
    LIFECYCLE_PLAIN,
    Lifecycle,
    Membership,
    OpportunityAssessment,
    Project,
    ProjectQuerySet,
    ProjectRole,
)

# People with lived experience: the kinds of person who can be a project's co-lead.
LIVED_EXPERIENCE_KINDS: tuple[PersonKind, ...] = (PersonKind.MEMBER, PersonKind.CARER)


def is_co_lead_required() -> bool:
    """Whether a project needs a co-lead with lived experience to be at design (on unless switched off)."""
    return bool(settings.COPRODUCE_REQUIRE_CO_LEAD)


def has_lived_experience_co_lead(project: Project) -> bool:
    """Whether the project has a co-lead who is a member or carer (and whose record is not erased)."""
    return Membership.objects.filter(
        project=project,
        role=ProjectRole.CO_LEAD,
        person__kind__in=LIVED_EXPERIENCE_KINDS,
        person__anonymised_at__isnull=True,
    ).exists()


@dataclass(frozen=True)
class LifecycleStep:
    """One of the six steps of a project's life, as the project page shows it."""

    stage: Lifecycle
    plain: str
    reached_at: datetime | None  # None: not reached yet, skipped, or reached before dates were kept
    is_reached: bool
    is_current: bool
    is_skipped: bool  # before the stage the project started at (a project may start at design)


def lifecycle_steps(project: Project) -> list[LifecycleStep]:
    """The six steps from idea to closed, each with the date the project reached it. One query.

    Dates come from the project's stage changes. The current stage always uses
    ``Project.stage_changed_at``, so projects from before stage changes were recorded still show it.
    Those projects all started at design, as every project did then.
    """
    reached: dict[str, datetime] = {}
    started_at = Lifecycle.DESIGN if project.stage != Lifecycle.IDEA else Lifecycle.IDEA
    for from_stage, to_stage, changed_at in project.stage_changes.values_list("from_stage", "to_stage", "changed_at"):
        reached[to_stage] = changed_at
        if not from_stage:
            started_at = Lifecycle(to_stage)
    reached[project.stage] = project.stage_changed_at
    start_index = LIFECYCLE_ORDER.index(started_at)
    current_index = LIFECYCLE_ORDER.index(Lifecycle(project.stage))
    return [
        LifecycleStep(
            stage=stage,
            plain=LIFECYCLE_PLAIN[stage],
            reached_at=reached.get(stage) if start_index <= index <= current_index else None,
            is_reached=start_index <= index <= current_index,
            is_current=index == current_index,
            is_skipped=index < start_index,
        )
        for index, stage in enumerate(LIFECYCLE_ORDER)
    ]


def assessment_of(project: Project) -> OpportunityAssessment | None:
    """The project's opportunity assessment, or None if nobody has recorded it yet.

    Uses the project's cached assessment, so fetch the project with ``select_related("assessment")``
    to read it without a query.
    """
    try:
        return project.assessment
    except ObjectDoesNotExist:
        return None


def planned_rungs(project: Project) -> dict[Stage, LadderRung | None]:
    """The ladder rung planned for each of the four stages in the opportunity assessment.

    Every stage maps to None until the assessment is recorded.
    """
    assessment = assessment_of(project)
    return {stage: assessment.planned_rung(stage) if assessment is not None else None for stage in STAGE_ORDER}


def _attendance_records() -> Any:
    try:
        return apps.get_model("involvement", "Attendance")._default_manager
    except LookupError:
        return None


def actual_rungs(project: Project) -> dict[Stage, LadderRung | None]:
    """The ladder rung people actually reached in each of the four stages; None where nobody took part yet.

    For each stage: the highest rung among that stage's activities that someone attended.
    """
    rungs: dict[Stage, LadderRung | None] = dict.fromkeys(STAGE_ORDER)
    records = _attendance_records()
    if records is None:
        return rungs
    ladder = list(LadderRung)
    held = records.filter(activity__project=project).values_list("activity__stage", "activity__planned_rung").distinct()
    for stage_value, rung_value in held:
        if stage_value not in Stage.values or not rung_value:
            continue
        stage, rung = Stage(stage_value), LadderRung(rung_value)
        current = rungs[stage]
        if current is None or ladder.index(rung) > ladder.index(current):
            rungs[stage] = rung
    return rungs


def first_involvement_stage(project: Project) -> Lifecycle | None:
    """The first stage at which people with lived experience (members and carers) took part; None if none yet."""
    records = _attendance_records()
    if records is None:
        return None
    stages = set(
        records.filter(activity__project=project, person__kind__in=LIVED_EXPERIENCE_KINDS).values_list(
            "activity__stage", flat=True
        )
    )
    return next((stage for stage in LIFECYCLE_ORDER if stage.value in stages), None)


def has_early_involvement(project: Project) -> bool:
    """Whether at least one involvement record exists for the project during its idea or design stage.

    Approving a project's design needs this (step 4 of the model: involve people at the very
    earliest stages). The records belong to the involvement app: an ``Attendance`` whose activity
    belongs to this project (``activity__project``) at the idea or design stage (``activity__stage``).
    Until that app is installed, there can be no such record, so the answer is False.
    """
    records = _attendance_records()
    if records is None:
        return False
    return bool(
        records.filter(activity__project=project, activity__stage__in=[Lifecycle.IDEA, Lifecycle.DESIGN]).exists()
    )


def has_lived_experience_involvement_at(project: Project, stage: Lifecycle) -> bool:
    """Whether a member or carer took part in one of the project's activities at ``stage`` (attendance recorded)."""
    records = _attendance_records()
    if records is None:
        return False
    return bool(
        records.filter(
            activity__project=project, activity__stage=stage.value, person__kind__in=LIVED_EXPERIENCE_KINDS
        ).exists()
    )


def activities_at(project: Project, stage: Lifecycle) -> list[Any]:
    """The project's activities at ``stage``, soonest first, each with ``attendance_count`` (one query)."""
    try:
        activity_model = apps.get_model("involvement", "Activity")
    except LookupError:
        return []
    return list(
        activity_model._default_manager.filter(project=project, stage=stage.value)
        .annotate(attendance_count=Count("attendances"))
        .order_by("starts_at", "id")
    )


@dataclass(frozen=True)
class StageRungs:
    """For one of the four stages: whether it can be co-produced, and the planned and actual rungs."""

    stage: Stage
    can_coproduce: bool | None  # None: no assessment yet
    planned: LadderRung | None
    actual: LadderRung | None


def rungs_by_stage(project: Project) -> list[StageRungs]:
    """Planned against actual ladder rung for each of the four stages, for the project page."""
    assessment = assessment_of(project)
    planned = planned_rungs(project)
    actual = actual_rungs(project)
    return [
        StageRungs(
            stage=stage,
            can_coproduce=assessment.can_coproduce(stage) if assessment is not None else None,
            planned=planned[stage],
            actual=actual[stage],
        )
        for stage in STAGE_ORDER
    ]


def intake_queue() -> ProjectQuerySet:
    """Ideas waiting for a coordinator's decision, oldest first, with who proposed each."""
    return Project.objects.waiting_for_intake().select_related("proposed_by").order_by("created_at", "id")


def ideas_proposed_by(person: Person) -> ProjectQuerySet:
    """The ideas a person has proposed, newest first, whatever has happened to them."""
    return Project.objects.filter(proposed_by=person).order_by("-created_at", "-id")
