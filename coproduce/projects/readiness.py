"""What the model of co-production asks of a project before it moves on, and the next thing to do.

The project page shows these conditions as a checklist before its stage button, each unmet one
linking to where it is put right; ``advance_stage`` checks the same conditions, so the rule seen
before pressing is the rule applied after. Step 4 of the model (involve people at the very earliest
stages) is the heart of it: a project leaves a stage once people with lived experience have taken
part in it, or with a written reason why not, which everyone in the project can read.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.learning import conf as learning_conf
from coproduce.learning.models import Course
from coproduce.learning.queries import courses, has_signed_champion
from coproduce.projects.models import Lifecycle, Project
from coproduce.projects.permissions import (
    can_advance_project,
    can_approve_design,
    can_assess_project,
    can_decide_intake,
    can_manage_project_group,
)
from coproduce.projects.queries import (
    activities_at,
    assessment_of,
    has_early_involvement,
    has_lived_experience_co_lead,
    has_lived_experience_involvement_at,
    is_co_lead_required,
)

CO_LEAD_NEEDED = "Add a co-lead with lived experience before the project moves to design."
SIGNED_CHAMPION_NEEDED = (
    "Name a champion who has signed the current co-production charter before the project moves to design."
)
DESIGN_APPROVAL_NEEDED = "Approve the design before the project moves to development."


@dataclass(frozen=True)
class Condition:
    """One thing the model asks before a move, said as it is when met."""

    text: str
    is_met: bool
    refusal: str = ""  # what the move is refused with while the condition is unmet
    fix_text: str = ""  # the link that puts it right, for someone who may do that
    fix_url: str = ""
    may_explain: bool = False  # the move may go ahead without it, with a written reason


@dataclass(frozen=True)
class Readiness:
    """The conditions for moving a project from its stage to the next."""

    to_stage: Lifecycle
    conditions: tuple[Condition, ...]

    @property
    def is_blocked(self) -> bool:
        """A condition that no reason can stand in for is unmet."""
        return any(not condition.is_met and not condition.may_explain for condition in self.conditions)

    @property
    def needs_reason(self) -> bool:
        """The move may go ahead, but only with a written reason for what the model asked and did not get."""
        return not self.is_blocked and any(not condition.is_met for condition in self.conditions)


@dataclass(frozen=True)
class NextStep:
    """The next thing the model asks for on a project; ``url`` is blank when someone else must do it."""

    text: str
    url: str = ""
    is_move: bool = False  # the step is the stage move itself


def _involvement(project: Project, stage: Lifecycle, user: User) -> Condition:
    stage_name = stage.label.lower()
    text = f"People with lived experience took part at the {stage_name} stage"
    if has_lived_experience_involvement_at(project, stage):
        return Condition(text, is_met=True, may_explain=True)
    fix_text, fix_url = "", ""
    if can_manage_project_group(user):
        now = timezone.now()
        activities = activities_at(project, stage)
        held = [activity for activity in activities if activity.starts_at <= now]
        unrecorded = next((activity for activity in held if activity.attendance_count == 0), None)
        coming = next((activity for activity in activities if activity.starts_at > now), None)
        if unrecorded is not None:
            fix_text = f"Record who took part in {unrecorded.title}"
            fix_url = reverse("involvement:attendance", args=[unrecorded.pk])
        elif coming is not None:
            # Planning another would not involve anyone sooner: the next thing is to get this one ready.
            fix_text = f"Get {coming.title} ready: it is on {timezone.localtime(coming.starts_at):%-d %B %Y}"
            fix_url = reverse("involvement:manage_activity", args=[coming.pk])
        else:
            fix_text = f"Plan an activity for the {stage_name} stage"
            fix_url = f"{reverse('involvement:activity_create')}?project={project.pk}"
    return Condition(text, is_met=False, fix_text=fix_text, fix_url=fix_url, may_explain=True)


def readiness_to_move(project: Project, *, user: User) -> Readiness | None:
    """What moving ``project`` on to its next stage needs, or None if it cannot move (closed, or an idea
    waiting for a decision or not taken forward). Links are offered only to people who may follow them."""
    to_stage = project.next_stage
    if to_stage is None or project.is_waiting_for_intake or project.is_declined:
        return None
    current = Lifecycle(project.stage)
    may_manage = can_manage_project_group(user)
    group_url = reverse("projects:add_to_group", args=[project.pk]) if may_manage else ""
    conditions: list[Condition] = []
    if to_stage == Lifecycle.DESIGN and is_co_lead_required():
        conditions.append(
            Condition(
                "A member or carer with lived experience is the project's co-lead",
                is_met=has_lived_experience_co_lead(project),
                refusal=CO_LEAD_NEEDED,
                fix_text="Add a co-lead to the project group" if may_manage else "",
                fix_url=group_url,
            )
        )
    if to_stage == Lifecycle.DESIGN and learning_conf.require_signed_champion():
        conditions.append(
            Condition(
                "A champion who has signed the current co-production charter is in the project group",
                is_met=has_signed_champion(project),
                refusal=SIGNED_CHAMPION_NEEDED,
                fix_text="Add a champion to the project group" if may_manage else "",
                fix_url=group_url,
            )
        )
    conditions.append(_involvement(project, current, user))
    if current == Lifecycle.DESIGN:
        # approve_design needs people involved at idea or design first; until then there is nothing to press.
        may_approve = can_approve_design(user) and has_early_involvement(project)
        conditions.append(
            Condition(
                "The design is approved",
                is_met=project.design_approved_at is not None,
                refusal=DESIGN_APPROVAL_NEEDED,
                fix_text="Approve the design" if may_approve else "",
                fix_url=reverse("projects:approve_design", args=[project.pk]) if may_approve else "",
            )
        )
    return Readiness(to_stage=to_stage, conditions=tuple(conditions))


def next_step(project: Project, readiness: Readiness | None, *, user: User) -> NextStep | None:
    """The next thing the model asks for on ``project``, for the main button of its page.

    In the model's order: decide about an idea, record where co-production fits (the opportunity
    assessment), then whatever the move to the next stage still needs, and only then the move itself.
    """
    if project.is_waiting_for_intake:
        url = reverse("projects:decide_intake", args=[project.pk]) if can_decide_intake(user) else ""
        return NextStep("Decide whether to take this idea on", url)
    if readiness is None:
        return None
    if assessment_of(project) is None:
        url = reverse("projects:assessment", args=[project.pk]) if can_assess_project(user, project) else ""
        return NextStep("Record the opportunity assessment", url)
    for condition in readiness.conditions:
        if not condition.is_met:
            if condition.fix_url:
                return NextStep(condition.fix_text, condition.fix_url)
            if not condition.may_explain:
                return NextStep(f"Waiting for this: {condition.text[0].lower()}{condition.text[1:]}")
    if not can_advance_project(user, project):
        return None
    stage = readiness.to_stage
    text = "Close the project" if stage == Lifecycle.CLOSED else f"Move to the {stage.label.lower()} stage"
    return NextStep(text, reverse("projects:advance", args=[project.pk]), is_move=True)


def course_for_leads() -> Course | None:
    """The course staff and partner representatives complete before they lead a project
    (``COPRODUCE_CO_LEAD_TRAINING_COURSE``), so a refusal can link to it; None if none is set or found."""
    title = learning_conf.co_lead_training_course()
    return courses().filter(title=title).first() if title else None
