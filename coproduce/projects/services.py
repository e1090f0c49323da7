"""Starting projects, taking ideas in, recording where co-production fits, and moving projects through their life."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.http import require
from coproduce.learning import conf as learning_conf
from coproduce.learning.queries import has_completed_course, has_signed_current_charter
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import (
    IntakeStatus,
    Lifecycle,
    Membership,
    OpportunityAssessment,
    Project,
    ProjectRole,
    StageChange,
)
from coproduce.projects.permissions import (
    can_advance_project,
    can_approve_design,
    can_assess_project,
    can_create_project,
    can_decide_intake,
    can_manage_project_group,
    can_propose_project,
)
from coproduce.projects.queries import (
    LIVED_EXPERIENCE_KINDS,
    has_early_involvement,
    is_co_lead_required,
)
from coproduce.projects.readiness import readiness_to_move
from coproduce.projects.tasks import tell_members_about_stage
from coproduce.refusals import Refused

# A new project starts as an idea or, if the coordinator is ready to plan it with people, at design.
START_STAGES: tuple[Lifecycle, ...] = (Lifecycle.IDEA, Lifecycle.DESIGN)

CO_LEAD_NEEDED_TO_START = (
    "Choose a co-lead with lived experience to start the project at design, or start it at the idea stage."
)
DECLINE_REASON_NEEDED = "Say why the idea is not being taken forward. The person who suggested it will see this."
EARLY_INVOLVEMENT_NEEDED = (
    "Record at least one activity where people took part at the idea or design stage before you approve the design."
)


CHAMPION_NOT_SIGNED = (
    "{name} has not signed the current co-production charter yet. A champion must sign it first. "
    "They can sign it on the charter page."
)
LEAD_TRAINING_NEEDED = (
    "{name} cannot lead a project yet: staff and partner representatives must complete the course "
    "“{course}” first. Record their training, then try again."
)
# Staff and partner representatives complete the co-production course before they lead a project.
TRAINED_LEAD_KINDS = frozenset({PersonKind.STAFF, PersonKind.PARTNER_REPRESENTATIVE})


class ProjectChangeRefused(Refused):
    """A change that the model of co-production does not allow, explained for the person."""


class StageChangeRefused(ProjectChangeRefused):
    """A project may not start at, or move to, the stage asked for."""


class IntakeDecisionRefused(ProjectChangeRefused):
    """An idea cannot be accepted or declined as asked."""


class DesignApprovalRefused(ProjectChangeRefused):
    """A project's design cannot be approved yet."""


class GroupChangeRefused(ProjectChangeRefused):
    """A person cannot be given that role in the project group."""


class LeadRefused(StageChangeRefused):
    """A lead named when starting a project has not completed the required course."""


class ChampionRefused(StageChangeRefused):
    """A champion named when starting a project has not signed the current charter."""


def _is_lived_experience(person: Person | None) -> bool:
    return person is not None and person.kind in LIVED_EXPERIENCE_KINDS and person.anonymised_at is None


def champion_problem(person: Person) -> str | None:
    """Why ``person`` cannot be named a champion yet, or None (``COPRODUCE_REQUIRE_SIGNED_CHAMPION``)."""
    if learning_conf.require_signed_champion() and not has_signed_current_charter(person):
        return CHAMPION_NOT_SIGNED.format(name=person.name)
    return None


def lead_training_problem(person: Person) -> str | None:
    """Why ``person`` cannot be a co-lead or staff lead yet, or None (``COPRODUCE_CO_LEAD_TRAINING_COURSE``)."""
    course = learning_conf.co_lead_training_course()
    if course and person.kind in TRAINED_LEAD_KINDS and not has_completed_course(person, course):
        return LEAD_TRAINING_NEEDED.format(name=person.name, course=course)
    return None


def _record_stage_change(
    project: Project, *, from_stage: Lifecycle | None, at: datetime, by: User, reason: str = ""
) -> StageChange:
    return StageChange.objects.create(
        project=project,
        from_stage=from_stage.value if from_stage is not None else "",
        to_stage=project.stage,
        changed_at=at,
        changed_by=by,
        reason_without_involvement=reason,
    )


@transaction.atomic
def create_project(
    project: Project,
    *,
    by: User,
    co_lead: Person | None,
    staff_lead: Person | None,
    champion: Person | None,
    start_at: Lifecycle = Lifecycle.IDEA,
) -> Project:
    """Save a new project at the idea or design stage with its named leads.

    Effects: creates the Project, a Membership for each named person and the first StageChange,
    records an audit event. Raises PermissionDenied if ``by`` may not create projects, and
    StageChangeRefused if ``start_at`` is not idea or design, or is design without a co-lead with
    lived experience (unless ``COPRODUCE_REQUIRE_CO_LEAD`` is off); LeadRefused if a staff or
    partner lead has not completed the co-production course, and ChampionRefused if the champion has
    not signed the current charter (both StageChangeRefused, so a caller that shows those shows these).
    """
    require(can_create_project(by))
    start_at = Lifecycle(start_at)
    if start_at not in START_STAGES:
        raise StageChangeRefused("A new project starts at the idea stage or the design stage.", field="co_lead")
    if start_at == Lifecycle.DESIGN and is_co_lead_required() and not _is_lived_experience(co_lead):
        raise StageChangeRefused(CO_LEAD_NEEDED_TO_START, field="co_lead")
    for lead in (co_lead, staff_lead):
        problem = lead_training_problem(lead) if lead is not None else None
        if problem:
            raise LeadRefused(problem, field="co_lead")
    problem = champion_problem(champion) if champion is not None else None
    if problem:
        raise ChampionRefused(problem, field="co_lead")
    now = timezone.now()
    project.created_by = by
    project.stage = start_at
    project.stage_changed_at = now
    project.save()
    for person, role in (
        (co_lead, ProjectRole.CO_LEAD),
        (staff_lead, ProjectRole.STAFF_LEAD),
        (champion, ProjectRole.CHAMPION),
    ):
        if person is not None:
            Membership.objects.create(project=project, person=person, role=role)
    _record_stage_change(project, from_stage=None, at=now, by=by)
    record_event(actor=by, action="projects.created", target=project, payload={"stage": project.stage})
    return project


@transaction.atomic
def advance_stage(project: Project, *, to: Lifecycle, by: User, reason: str = "") -> Project:
    """Move ``project`` on to the stage ``to``, which must be the one straight after its current stage.

    Effects: updates the stage and its date, records a StageChange and an audit event, and queues an
    email to each project member who has an email address. Raises PermissionDenied if ``by`` may not
    move this project, and StageChangeRefused if ``to`` is not the next stage (including when someone
    else has moved the project on since the person looked), if the project is an idea that has not
    been accepted, or if it would enter design without a co-lead with lived experience (unless
    ``COPRODUCE_REQUIRE_CO_LEAD`` is off) or without a champion who has signed the current charter
    (unless ``COPRODUCE_REQUIRE_SIGNED_CHAMPION`` is off), or leave design before it is approved; and,
    when nobody with lived experience took part at the stage it is leaving, unless ``reason`` says
    why (kept on the StageChange, where everyone in the project can read it). The conditions are
    those of ``readiness_to_move``, which the project page shows before its button.
    """
    require(can_advance_project(by, project))
    # Lock the row so that two people moving the project at once cannot skip a stage between them.
    locked = Project.objects.select_for_update().get(pk=project.pk)
    to = Lifecycle(to)
    current = Lifecycle(locked.stage)
    expected = locked.next_stage
    if locked.is_waiting_for_intake:
        raise StageChangeRefused(
            "This idea is waiting for a decision. A coordinator must accept it before it moves on."
        )
    if locked.is_declined:
        raise StageChangeRefused("This idea was not taken forward. It cannot move on.")
    if expected is None:
        raise StageChangeRefused("This project is closed. It cannot move on.")
    if to == current:
        raise StageChangeRefused(
            f"This project is already at the {current.label.lower()} stage. Someone else may have moved it on."
        )
    if to != expected:
        raise StageChangeRefused(
            f"A project moves one stage at a time. This project is at {current.label.lower()}, "
            f"so it can only move to {expected.label.lower()} next."
        )
    readiness = readiness_to_move(locked, user=by)
    reason = reason.strip()
    if readiness is not None:
        for condition in readiness.conditions:
            if not condition.is_met and not condition.may_explain:
                raise StageChangeRefused(condition.refusal)
        if readiness.needs_reason and not reason:
            raise StageChangeRefused(
                f"Nobody with lived experience has taken part at the {current.label.lower()} stage yet. "
                "Involve people first, or say why the project is moving on without them.",
                field="reason",
            )
    now = timezone.now()
    locked.stage = to
    locked.stage_changed_at = now
    locked.save(update_fields=["stage", "stage_changed_at"])
    explained = readiness is not None and readiness.needs_reason
    _record_stage_change(locked, from_stage=current, at=now, by=by, reason=reason if explained else "")
    record_event(
        actor=by,
        action="projects.stage_advanced",
        target=locked,
        payload={"from": current.value, "to": to.value, "without_involvement": explained},
    )
    transaction.on_commit(lambda: tell_members_about_stage.enqueue(project_id=locked.pk, stage=to.value))
    return locked


@transaction.atomic
def propose_project(project: Project, *, by: User) -> Project:
    """Put a person's idea for a project into the intake queue, at the idea stage.

    Effects: creates the Project (waiting for a decision, proposed by ``by``'s person record) and
    its first StageChange, records an audit event. Raises PermissionDenied if ``by`` may not propose
    projects (they must be signed in and have a record of their own).
    """
    require(can_propose_project(by))
    now = timezone.now()
    project.created_by = by
    project.proposed_by = Person.objects.get(user=by)
    project.stage = Lifecycle.IDEA
    project.stage_changed_at = now
    project.intake_status = IntakeStatus.SUBMITTED
    project.save()
    _record_stage_change(project, from_stage=None, at=now, by=by)
    record_event(actor=by, action="projects.proposed", target=project, payload={"stage": project.stage})
    return project


def _lock_undecided_idea(project: Project) -> Project:
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if not locked.is_waiting_for_intake:
        status = IntakeStatus(locked.intake_status) if locked.intake_status else None
        if status is None:
            raise IntakeDecisionRefused(
                "This project did not come through the intake queue. There is nothing to decide."
            )
        raise IntakeDecisionRefused(f"Someone has already decided about this idea. It was {status.label.lower()}.")
    return locked


@transaction.atomic
def accept_idea(project: Project, *, by: User) -> Project:
    """Take a proposed idea on as a project, still at the idea stage.

    Effects: marks the idea accepted with the date and who decided, adds the person who proposed it
    to the project group as a member, records an audit event. Raises PermissionDenied if ``by`` may
    not decide about ideas, and IntakeDecisionRefused if the idea is not waiting for a decision.
    """
    require(can_decide_intake(by))
    locked = _lock_undecided_idea(project)
    locked.intake_status = IntakeStatus.ACCEPTED
    locked.intake_decided_at = timezone.now()
    locked.intake_decided_by = by
    locked.save(update_fields=["intake_status", "intake_decided_at", "intake_decided_by"])
    proposer = locked.proposed_by
    if proposer is not None and proposer.anonymised_at is None:
        Membership.objects.get_or_create(project=locked, person=proposer, role=ProjectRole.MEMBER)
    record_event(actor=by, action="projects.intake_accepted", target=locked)
    return locked


@transaction.atomic
def decline_idea(project: Project, *, reason: str, by: User) -> Project:
    """Decide not to take a proposed idea forward, saying why.

    Effects: marks the idea declined with the reason (shown to the person who proposed it), the
    date and who decided, records an audit event (without the reason's words). Raises
    PermissionDenied if ``by`` may not decide about ideas, and IntakeDecisionRefused if there is no
    reason or the idea is not waiting for a decision.
    """
    require(can_decide_intake(by))
    reason = reason.strip()
    if not reason:
        raise IntakeDecisionRefused(DECLINE_REASON_NEEDED)
    locked = _lock_undecided_idea(project)
    locked.intake_status = IntakeStatus.DECLINED
    locked.decline_reason = reason
    locked.intake_decided_at = timezone.now()
    locked.intake_decided_by = by
    locked.save(update_fields=["intake_status", "decline_reason", "intake_decided_at", "intake_decided_by"])
    record_event(actor=by, action="projects.intake_declined", target=locked)
    return locked


@transaction.atomic
def record_assessment(assessment: OpportunityAssessment, *, project: Project, by: User) -> OpportunityAssessment:
    """Save the project's co-production opportunity assessment, new or changed.

    Effects: saves the assessment with who recorded it and when, records an audit event. Raises
    PermissionDenied if ``by`` may not assess this project.
    """
    require(can_assess_project(by, project))
    is_new = assessment.pk is None
    assessment.project = project
    assessment.recorded_by = by
    assessment.updated_at = timezone.now()
    assessment.save()
    record_event(actor=by, action="projects.assessment_recorded", target=project, payload={"is_new": is_new})
    return assessment


@transaction.atomic
def approve_design(project: Project, *, by: User) -> Project:
    """Mark the project's design as approved.

    Effects: sets the approval date and who approved, records an audit event. Raises
    PermissionDenied if ``by`` may not approve designs, and DesignApprovalRefused if the project is
    not at the design stage, is already approved, or has no involvement record from its idea or
    design stage (people must be involved before the design is settled).
    """
    require(can_approve_design(by))
    locked = Project.objects.select_for_update().get(pk=project.pk)
    if locked.design_approved_at is not None:
        raise DesignApprovalRefused("The design of this project is already approved.")
    if locked.stage != Lifecycle.DESIGN:
        raise DesignApprovalRefused("A design can only be approved while the project is at the design stage.")
    if not has_early_involvement(locked):
        raise DesignApprovalRefused(EARLY_INVOLVEMENT_NEEDED)
    locked.design_approved_at = timezone.now()
    locked.design_approved_by = by
    locked.save(update_fields=["design_approved_at", "design_approved_by"])
    record_event(actor=by, action="projects.design_approved", target=locked)
    return locked


@transaction.atomic
def add_to_project_group(project: Project, *, person: Person, role: ProjectRole, by: User) -> Membership:
    """Give ``person`` a role in the project group.

    Effects: creates the Membership, records an audit event. Raises PermissionDenied if ``by`` may
    not change project groups, and GroupChangeRefused if a co-lead would not have lived experience,
    the person already has that role, a champion has not signed the current charter, or a staff or
    partner co-lead or staff lead has not completed the co-production course.
    """
    require(can_manage_project_group(by))
    role = ProjectRole(role)
    if role == ProjectRole.CO_LEAD and not _is_lived_experience(person):
        raise GroupChangeRefused("A co-lead must be a member or a carer, with lived experience.", field="person")
    if Membership.objects.filter(project=project, person=person, role=role).exists():
        raise GroupChangeRefused(f"{person.name} already has this role in the project group.", field="person")
    problem = None
    if role in (ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD):
        problem = lead_training_problem(person)
    elif role == ProjectRole.CHAMPION:
        problem = champion_problem(person)
    if problem:
        raise GroupChangeRefused(problem, field="person")
    membership = Membership.objects.create(project=project, person=person, role=role)
    record_event(actor=by, action="projects.group_member_added", target=project, payload={"role": role.value})
    return membership
