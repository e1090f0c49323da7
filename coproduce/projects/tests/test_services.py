"""Starting projects, taking ideas in, the opportunity assessment, and moving projects through their life."""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.model import LadderRung
from coproduce.people.models import Person, PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import (
    IntakeStatus,
    Lifecycle,
    Membership,
    OpportunityAssessment,
    Project,
    ProjectRole,
    StageChange,
)
from coproduce.projects.services import (
    CO_LEAD_NEEDED,
    CO_LEAD_NEEDED_TO_START,
    DECLINE_REASON_NEEDED,
    EARLY_INVOLVEMENT_NEEDED,
    DesignApprovalRefused,
    GroupChangeRefused,
    IntakeDecisionRefused,
    StageChangeRefused,
    accept_idea,
    add_to_project_group,
    advance_stage,
    approve_design,
    create_project,
    decline_idea,
    propose_project,
    record_assessment,
)
from coproduce.projects.tests.factories import IdeaFactory, OpportunityAssessmentFactory, ProjectFactory

LONG_AGO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]


def new_project(**fields: str) -> Project:
    values = {"title": "Easy Read letters", "summary": "Letters that everyone can read."}
    values.update(fields)
    return Project(**values)


def at_stage(project: Project, stage: Lifecycle) -> Project:
    Project.objects.filter(pk=project.pk).update(stage=stage, stage_changed_at=LONG_AGO)
    project.refresh_from_db()
    return project


def counts() -> tuple[int, int, int, int]:
    return (
        Project.objects.count(),
        Membership.objects.count(),
        StageChange.objects.count(),
        AuditEvent.objects.count(),
    )


# --- create_project ----------------------------------------------------------


def test_create_project_saves_it_at_the_idea_stage_unless_told_otherwise(amina: User) -> None:
    project = create_project(
        new_project(stage=Lifecycle.EVALUATION), by=amina, co_lead=None, staff_lead=None, champion=None
    )

    project.refresh_from_db()
    assert project.title == "Easy Read letters"
    assert project.stage == Lifecycle.IDEA
    assert project.intake_status == ""
    assert project.created_by == amina
    assert project.memberships.count() == 0


def test_create_project_at_design_with_a_member_co_lead(amina: User, dev: User) -> None:
    project = create_project(
        new_project(), by=amina, co_lead=dev.person, staff_lead=None, champion=None, start_at=Lifecycle.DESIGN
    )

    project.refresh_from_db()
    assert project.stage == Lifecycle.DESIGN


def test_create_project_at_design_with_a_carer_co_lead(amina: User, grace: User) -> None:
    project = create_project(
        new_project(), by=amina, co_lead=grace.person, staff_lead=None, champion=None, start_at=Lifecycle.DESIGN
    )

    project.refresh_from_db()
    assert project.stage == Lifecycle.DESIGN


def test_create_project_gives_each_named_lead_a_membership(amina: User, dev: User, grace: User) -> None:
    project = create_project(
        new_project(),
        by=amina,
        co_lead=dev.person,
        staff_lead=amina.person,
        champion=grace.person,
        start_at=Lifecycle.DESIGN,
    )

    memberships = {(m.person_id, m.role) for m in Membership.objects.filter(project=project)}
    assert memberships == {
        (dev.person.pk, ProjectRole.CO_LEAD),
        (amina.person.pk, ProjectRole.STAFF_LEAD),
        (grace.person.pk, ProjectRole.CHAMPION),
    }


def test_create_project_records_the_stage_it_started_at_with_its_date(amina: User) -> None:
    before = timezone.now()

    project = create_project(new_project(), by=amina, co_lead=None, staff_lead=None, champion=None)

    after = timezone.now()
    change = StageChange.objects.get(project=project)
    assert (change.from_stage, change.to_stage, change.changed_by) == ("", Lifecycle.IDEA, amina)
    assert before <= change.changed_at <= after
    project.refresh_from_db()
    assert project.stage_changed_at == change.changed_at


def test_create_project_records_an_audit_event(amina: User) -> None:
    project = create_project(new_project(), by=amina, co_lead=None, staff_lead=None, champion=None)

    event = AuditEvent.objects.get(action="project.created")
    assert event.actor == amina
    assert event.target_type == "projects.project"
    assert event.target_id == str(project.pk)
    assert event.payload == {"stage": "idea"}


def test_create_project_by_an_admin_is_allowed(morgan: User) -> None:
    project = create_project(new_project(), by=morgan, co_lead=None, staff_lead=None, champion=None)

    assert project.created_by == morgan


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_create_project_by_someone_who_is_not_a_coordinator_is_refused_and_writes_nothing(
    request: pytest.FixtureRequest, amina: User, persona: str
) -> None:
    by = request.getfixturevalue(persona)
    counts_before = counts()

    with pytest.raises(PermissionDenied):
        create_project(new_project(), by=by, co_lead=by.person, staff_lead=amina.person, champion=None)

    assert counts() == counts_before


def test_create_project_at_design_without_a_co_lead_is_refused_and_writes_nothing(amina: User) -> None:
    counts_before = counts()

    with pytest.raises(StageChangeRefused) as refusal:
        create_project(
            new_project(), by=amina, co_lead=None, staff_lead=amina.person, champion=None, start_at=Lifecycle.DESIGN
        )

    assert refusal.value.message == CO_LEAD_NEEDED_TO_START
    assert refusal.value.message == (
        "Choose a co-lead with lived experience to start the project at design, or start it at the idea stage."
    )
    assert counts() == counts_before


@pytest.mark.parametrize("kind", [PersonKind.STAFF, PersonKind.ALLY, PersonKind.PARTNER_REPRESENTATIVE])
def test_create_project_at_design_with_a_co_lead_without_lived_experience_is_refused(
    amina: User, kind: PersonKind
) -> None:
    co_lead = PersonFactory.create(kind=kind)

    with pytest.raises(StageChangeRefused):
        create_project(
            new_project(), by=amina, co_lead=co_lead, staff_lead=None, champion=None, start_at=Lifecycle.DESIGN
        )

    assert Project.objects.count() == 0


def test_create_project_at_design_without_a_co_lead_is_allowed_when_the_rule_is_off(amina: User, settings: Any) -> None:
    settings.COPRODUCE_REQUIRE_CO_LEAD = False

    project = create_project(
        new_project(), by=amina, co_lead=None, staff_lead=None, champion=None, start_at=Lifecycle.DESIGN
    )

    project.refresh_from_db()
    assert project.stage == Lifecycle.DESIGN


@pytest.mark.parametrize("stage", [Lifecycle.DEVELOPMENT, Lifecycle.EVALUATION, Lifecycle.CLOSED])
def test_create_project_at_a_later_stage_is_refused(amina: User, dev: User, stage: Lifecycle) -> None:
    with pytest.raises(StageChangeRefused) as refusal:
        create_project(new_project(), by=amina, co_lead=dev.person, staff_lead=None, champion=None, start_at=stage)

    assert refusal.value.message == "A new project starts at the idea stage or the design stage."
    assert Project.objects.count() == 0


# --- advance_stage: moving on ------------------------------------------------------


def test_advance_stage_moves_design_to_development_and_dates_it(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.DESIGN)
    before = timezone.now()

    advanced = advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    after = timezone.now()
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DEVELOPMENT
    assert before <= bus_stops.stage_changed_at <= after
    assert advanced.stage == Lifecycle.DEVELOPMENT


def test_advance_stage_records_the_stage_change_with_its_date_and_who_made_it(dev: User, bus_stops: Project) -> None:
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=dev)

    bus_stops.refresh_from_db()
    change = StageChange.objects.get(project=bus_stops)
    assert (change.from_stage, change.to_stage, change.changed_by) == (
        Lifecycle.DESIGN,
        Lifecycle.DEVELOPMENT,
        dev,
    )
    assert change.changed_at == bus_stops.stage_changed_at


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (Lifecycle.IDEA, Lifecycle.DESIGN),
        (Lifecycle.DESIGN, Lifecycle.DEVELOPMENT),
        (Lifecycle.DEVELOPMENT, Lifecycle.IMPLEMENTATION),
        (Lifecycle.IMPLEMENTATION, Lifecycle.EVALUATION),
        (Lifecycle.EVALUATION, Lifecycle.CLOSED),
    ],
)
def test_advance_stage_moves_each_stage_to_the_next(
    amina: User, bus_stops: Project, current: Lifecycle, to: Lifecycle
) -> None:
    at_stage(bus_stops, current)

    advance_stage(bus_stops, to=to, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == to
    assert list(StageChange.objects.values_list("from_stage", "to_stage")) == [(current.value, to.value)]


def test_advance_stage_records_an_audit_event_with_from_and_to(amina: User, bus_stops: Project) -> None:
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    event = AuditEvent.objects.get(action="project.stage_advanced")
    assert event.actor == amina
    assert event.target_type == "projects.project"
    assert event.target_id == str(bus_stops.pk)
    assert event.payload == {"from": "design", "to": "development"}


def test_advance_stage_queues_the_member_emails_when_the_change_is_committed(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    assert len(callbacks) == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "coproduce.projects.tasks.tell_members_about_stage"
    assert queued.args_kwargs == {"args": [], "kwargs": {"project_id": bus_stops.pk, "stage": "development"}}
    assert queued.status == "READY"


def test_advance_stage_queues_nothing_before_the_change_is_committed(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    assert len(callbacks) == 1
    assert DBTaskResult.objects.count() == 0


# --- advance_stage: refusals --------------------------------------------------------


def test_advance_stage_refuses_to_skip_a_stage(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.DESIGN)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.IMPLEMENTATION, by=amina)

    assert refusal.value.message == (
        "A project moves one stage at a time. This project is at design, so it can only move to development next."
    )
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN
    assert bus_stops.stage_changed_at == LONG_AGO
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False
    assert StageChange.objects.exists() is False


def test_advance_stage_refuses_to_skip_design_from_an_idea(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.IDEA)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    assert refusal.value.message == (
        "A project moves one stage at a time. This project is at idea, so it can only move to design next."
    )
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.IDEA


def test_advance_stage_refuses_to_go_backwards(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.IMPLEMENTATION)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    assert refusal.value.message == (
        "A project moves one stage at a time. This project is at implementation, "
        "so it can only move to evaluation next."
    )
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.IMPLEMENTATION
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False


def test_advance_stage_refuses_to_stay_at_the_same_stage(amina: User, bus_stops: Project) -> None:
    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.DESIGN, by=amina)

    assert refusal.value.message == ("This project is already at the design stage. Someone else may have moved it on.")
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN


def test_advance_stage_at_evaluation_moves_on_to_closed(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.EVALUATION)

    advance_stage(bus_stops, to=Lifecycle.CLOSED, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.CLOSED


def test_advance_stage_when_closed_says_it_cannot_move_on(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Lifecycle.CLOSED)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.CLOSED, by=amina)

    assert refusal.value.message == "This project is closed. It cannot move on."
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.CLOSED
    assert bus_stops.stage_changed_at == LONG_AGO


def test_advance_stage_refused_queues_no_email(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(StageChangeRefused):
        advance_stage(bus_stops, to=Lifecycle.IMPLEMENTATION, by=amina)

    assert callbacks == []
    assert DBTaskResult.objects.count() == 0


def test_advance_stage_checks_the_stage_in_the_database_not_a_stale_copy(amina: User, bus_stops: Project) -> None:
    stale_copy = Project.objects.get(pk=bus_stops.pk)
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina)

    with pytest.raises(StageChangeRefused):
        advance_stage(stale_copy, to=Lifecycle.DEVELOPMENT, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DEVELOPMENT
    assert AuditEvent.objects.filter(action="project.stage_advanced").count() == 1


# --- advance_stage: no design without a co-lead with lived experience ----------------------


def test_advance_stage_into_design_without_a_co_lead_is_refused_and_writes_nothing(
    amina: User, django_capture_on_commit_callbacks
) -> None:
    idea = at_stage(ProjectFactory.create(created_by=amina), Lifecycle.IDEA)
    Membership.objects.create(project=idea, person=amina.person, role=ProjectRole.STAFF_LEAD)
    events_before = AuditEvent.objects.count()

    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(StageChangeRefused) as refusal:
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    assert refusal.value.message == CO_LEAD_NEEDED
    assert refusal.value.message == "Add a co-lead with lived experience before the project moves to design."
    idea.refresh_from_db()
    assert idea.stage == Lifecycle.IDEA
    assert idea.stage_changed_at == LONG_AGO
    assert StageChange.objects.exists() is False
    assert AuditEvent.objects.count() == events_before
    assert callbacks == []


def test_advance_stage_into_design_with_a_staff_member_as_co_lead_is_refused(amina: User) -> None:
    # The co-lead brings lived experience; a staff member named as co-lead does not count.
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)
    Membership.objects.create(project=idea, person=amina.person, role=ProjectRole.CO_LEAD)

    with pytest.raises(StageChangeRefused):
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.IDEA


def test_advance_stage_into_design_with_a_member_who_is_not_co_lead_is_refused(amina: User, dev: User) -> None:
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)
    Membership.objects.create(project=idea, person=dev.person, role=ProjectRole.MEMBER)

    with pytest.raises(StageChangeRefused):
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)


def test_advance_stage_into_design_with_an_erased_co_lead_is_refused(amina: User) -> None:
    erased = PersonFactory.create(kind=PersonKind.MEMBER, anonymised_at=LONG_AGO)
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)
    Membership.objects.create(project=idea, person=erased, role=ProjectRole.CO_LEAD)

    with pytest.raises(StageChangeRefused):
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)


def test_advance_stage_into_design_with_a_carer_co_lead_is_allowed(amina: User, grace: User) -> None:
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)
    Membership.objects.create(project=idea, person=grace.person, role=ProjectRole.CO_LEAD)

    advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_advance_stage_into_design_without_a_co_lead_is_allowed_when_the_rule_is_off(
    amina: User, settings: Any
) -> None:
    settings.COPRODUCE_REQUIRE_CO_LEAD = False
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)

    advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_advance_stage_needs_no_co_lead_for_stages_after_design(amina: User) -> None:
    project = ProjectFactory.create(stage=Lifecycle.DESIGN)

    advance_stage(project, to=Lifecycle.DEVELOPMENT, by=amina)

    project.refresh_from_db()
    assert project.stage == Lifecycle.DEVELOPMENT


def test_advance_stage_refuses_an_idea_waiting_for_a_decision(amina: User) -> None:
    idea = IdeaFactory.create()

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    assert refusal.value.message == (
        "This idea is waiting for a decision. A coordinator must accept it before it moves on."
    )
    idea.refresh_from_db()
    assert idea.stage == Lifecycle.IDEA


def test_advance_stage_refuses_an_idea_not_taken_forward(amina: User) -> None:
    idea = IdeaFactory.create(intake_status=IntakeStatus.DECLINED, decline_reason="Another group already does it.")

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)

    assert refusal.value.message == "This idea was not taken forward. It cannot move on."


# --- advance_stage: who may move a project on ----------------------------------------------


@pytest.mark.parametrize("persona", ["amina", "dev", "morgan"])
def test_advance_stage_is_allowed_to_coordinators_admins_and_the_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DEVELOPMENT
    assert AuditEvent.objects.get(action="project.stage_advanced").actor == by


@pytest.mark.parametrize("persona", ["grace", "sam", "tom", "priya"])
def test_advance_stage_is_refused_to_anyone_else(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False


def test_advance_stage_lets_a_co_lead_move_only_their_own_project(dev: User, bus_stops: Project) -> None:
    other = ProjectFactory.create(title="Accessible leaflets")

    with pytest.raises(PermissionDenied):
        advance_stage(other, to=Lifecycle.DEVELOPMENT, by=dev)

    other.refresh_from_db()
    assert other.stage == Lifecycle.DESIGN


# --- propose_project ---------------------------------------------------------------------


def test_propose_project_puts_the_idea_in_the_intake_queue(dev: User) -> None:
    before = timezone.now()

    idea = propose_project(
        Project(title="Quiet hours at the library", summary="Autistic people need quiet times."), by=dev
    )

    after = timezone.now()
    idea.refresh_from_db()
    assert idea.title == "Quiet hours at the library"
    assert idea.stage == Lifecycle.IDEA
    assert idea.intake_status == IntakeStatus.SUBMITTED
    assert idea.proposed_by == dev.person
    assert idea.created_by == dev
    assert before <= idea.stage_changed_at <= after
    assert idea.memberships.count() == 0


def test_propose_project_ignores_any_stage_or_status_it_is_given(dev: User) -> None:
    idea = propose_project(new_project(stage=Lifecycle.DESIGN, intake_status=IntakeStatus.ACCEPTED), by=dev)

    idea.refresh_from_db()
    assert (idea.stage, idea.intake_status) == (Lifecycle.IDEA, IntakeStatus.SUBMITTED)


def test_propose_project_records_the_idea_stage_and_an_audit_event(dev: User) -> None:
    idea = propose_project(new_project(), by=dev)

    change = StageChange.objects.get(project=idea)
    assert (change.from_stage, change.to_stage, change.changed_by) == ("", Lifecycle.IDEA, dev)
    event = AuditEvent.objects.get(action="project.proposed")
    assert (event.actor, event.target_id, event.payload) == (dev, str(idea.pk), {"stage": "idea"})


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "amina", "sam", "morgan"])
def test_propose_project_is_open_to_everyone_with_a_record_of_their_own(
    request: pytest.FixtureRequest, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    idea = propose_project(new_project(), by=by)

    assert idea.proposed_by == by.person


def test_propose_project_by_someone_without_a_record_is_refused_and_writes_nothing(db: None) -> None:
    no_record = UserFactory.create(role=Role.MEMBER)
    counts_before = counts()

    with pytest.raises(PermissionDenied):
        propose_project(new_project(), by=no_record)

    assert counts() == counts_before


# --- accept_idea and decline_idea ----------------------------------------------------------


def test_accept_idea_marks_it_accepted_and_adds_the_proposer_as_a_member(amina: User, dev: User) -> None:
    idea = IdeaFactory.create(proposed_by=dev.person)
    before = timezone.now()

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.stage == Lifecycle.IDEA
    assert idea.intake_decided_by == amina
    assert idea.intake_decided_at is not None
    assert before <= idea.intake_decided_at <= timezone.now()
    assert list(idea.memberships.values_list("person_id", "role")) == [(dev.person.pk, ProjectRole.MEMBER)]


def test_accept_idea_records_an_audit_event(amina: User) -> None:
    idea = IdeaFactory.create()

    accept_idea(idea, by=amina)

    event = AuditEvent.objects.get(action="project.intake_accepted")
    assert (event.actor, event.target_id, event.payload) == (amina, str(idea.pk), {})


def test_accept_idea_from_someone_whose_record_was_erased_adds_nobody(amina: User) -> None:
    idea = IdeaFactory.create(proposed_by=PersonFactory.create(anonymised_at=LONG_AGO))

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.memberships.count() == 0


def test_accept_idea_whose_proposer_record_is_gone_adds_nobody(amina: User) -> None:
    idea = IdeaFactory.create()
    Person.objects.filter(pk=idea.proposed_by_id).delete()
    idea.refresh_from_db()

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.memberships.count() == 0


def test_decline_idea_keeps_the_reason_for_the_proposer(amina: User) -> None:
    idea = IdeaFactory.create()

    decline_idea(idea, reason="  The council already runs this.  ", by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.DECLINED
    assert idea.decline_reason == "The council already runs this."
    assert idea.intake_decided_by == amina
    assert idea.intake_decided_at is not None
    assert idea.memberships.count() == 0


def test_decline_idea_records_an_audit_event_without_the_reason(amina: User) -> None:
    idea = IdeaFactory.create()

    decline_idea(idea, reason="The council already runs this.", by=amina)

    event = AuditEvent.objects.get(action="project.intake_declined")
    assert (event.actor, event.target_id, event.payload) == (amina, str(idea.pk), {})


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_decline_idea_without_a_reason_is_refused_and_writes_nothing(amina: User, reason: str) -> None:
    idea = IdeaFactory.create()
    counts_before = counts()

    with pytest.raises(IntakeDecisionRefused) as refusal:
        decline_idea(idea, reason=reason, by=amina)

    assert refusal.value.message == DECLINE_REASON_NEEDED
    assert refusal.value.message == (
        "Say why the idea is not being taken forward. The person who suggested it will see this."
    )
    idea.refresh_from_db()
    assert (idea.intake_status, idea.decline_reason, idea.intake_decided_at) == (IntakeStatus.SUBMITTED, "", None)
    assert counts() == counts_before


@pytest.mark.parametrize(
    ("status", "reason", "message"),
    [
        (IntakeStatus.ACCEPTED, "", "Someone has already decided about this idea. It was accepted."),
        (IntakeStatus.DECLINED, "No budget.", "Someone has already decided about this idea. It was not taken forward."),
    ],
)
def test_deciding_an_idea_already_decided_is_refused(
    amina: User, status: IntakeStatus, reason: str, message: str
) -> None:
    idea = IdeaFactory.create(intake_status=status, decline_reason=reason)

    with pytest.raises(IntakeDecisionRefused) as accept_refusal:
        accept_idea(idea, by=amina)
    with pytest.raises(IntakeDecisionRefused) as decline_refusal:
        decline_idea(idea, reason="Changed my mind.", by=amina)

    assert accept_refusal.value.message == message
    assert decline_refusal.value.message == message
    idea.refresh_from_db()
    assert (idea.intake_status, idea.decline_reason) == (status, reason)
    assert idea.memberships.count() == 0


def test_deciding_a_project_that_did_not_come_through_intake_is_refused(amina: User, bus_stops: Project) -> None:
    with pytest.raises(IntakeDecisionRefused) as refusal:
        accept_idea(bus_stops, by=amina)

    assert refusal.value.message == ("This project did not come through the intake queue. There is nothing to decide.")
    bus_stops.refresh_from_db()
    assert bus_stops.intake_status == ""


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_deciding_an_idea_is_refused_to_anyone_but_coordinators(request: pytest.FixtureRequest, persona: str) -> None:
    by = request.getfixturevalue(persona)
    idea = IdeaFactory.create(proposed_by=by.person)

    with pytest.raises(PermissionDenied):
        accept_idea(idea, by=by)
    with pytest.raises(PermissionDenied):
        decline_idea(idea, reason="Not now.", by=by)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.SUBMITTED
    assert AuditEvent.objects.exists() is False


def test_accept_idea_by_an_admin_is_allowed(morgan: User) -> None:
    idea = IdeaFactory.create()

    accept_idea(idea, by=morgan)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED


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
    event = AuditEvent.objects.get(action="project.assessment_recorded")
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
    assert AuditEvent.objects.get(action="project.assessment_recorded").payload == {"is_new": False}


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


# --- approve_design ------------------------------------------------------------------------


def test_approve_design_without_early_involvement_is_refused_and_writes_nothing(
    amina: User, bus_stops: Project
) -> None:
    counts_before = counts()

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == EARLY_INVOLVEMENT_NEEDED
    assert refusal.value.message == (
        "Record at least one activity where people took part at the idea or design stage before you approve the design."
    )
    bus_stops.refresh_from_db()
    assert (bus_stops.design_approved_at, bus_stops.design_approved_by) == (None, None)
    assert counts() == counts_before


@pytest.mark.parametrize("stage", [Lifecycle.IDEA, Lifecycle.DEVELOPMENT, Lifecycle.CLOSED])
def test_approve_design_away_from_the_design_stage_is_refused(
    amina: User, bus_stops: Project, stage: Lifecycle
) -> None:
    at_stage(bus_stops, stage)

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == "A design can only be approved while the project is at the design stage."
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None


def test_approve_design_twice_is_refused(amina: User, bus_stops: Project) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(design_approved_at=LONG_AGO, design_approved_by=amina)

    with pytest.raises(DesignApprovalRefused) as refusal:
        approve_design(bus_stops, by=amina)

    assert refusal.value.message == "The design of this project is already approved."
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at == LONG_AGO


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_approve_design_is_refused_to_anyone_but_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        approve_design(bus_stops, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None


# --- add_to_project_group ------------------------------------------------------------------


def test_add_to_project_group_gives_the_person_the_role(amina: User, tom: User, bus_stops: Project) -> None:
    membership = add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)

    assert (membership.project, membership.person, membership.role) == (bus_stops, tom.person, ProjectRole.CHAMPION)
    event = AuditEvent.objects.get(action="project.group_member_added")
    assert (event.actor, event.target_id, event.payload) == (amina, str(bus_stops.pk), {"role": "champion"})


def test_add_to_project_group_makes_a_proposer_co_lead_so_the_idea_can_move_to_design(amina: User, dev: User) -> None:
    idea = IdeaFactory.create(proposed_by=dev.person)
    accept_idea(idea, by=amina)

    add_to_project_group(idea, person=dev.person, role=ProjectRole.CO_LEAD, by=amina)
    advance_stage(idea, to=Lifecycle.DESIGN, by=dev)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_add_to_project_group_refuses_a_co_lead_without_lived_experience(
    amina: User, tom: User, bus_stops: Project
) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CO_LEAD, by=amina)

    assert refusal.value.message == "A co-lead must be a member or a carer, with lived experience."
    assert Membership.objects.filter(person=tom.person).exists() is False


def test_add_to_project_group_refuses_a_role_the_person_already_has(
    amina: User, grace: User, bus_stops: Project
) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=grace.person, role=ProjectRole.MEMBER, by=amina)

    assert refusal.value.message == "Grace already has this role in the project group."
    assert Membership.objects.filter(person=grace.person).count() == 1


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_add_to_project_group_is_refused_to_anyone_but_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)
    newcomer = PersonFactory.create()

    with pytest.raises(PermissionDenied):
        add_to_project_group(bus_stops, person=newcomer, role=ProjectRole.MEMBER, by=by)

    assert Membership.objects.filter(person=newcomer).exists() is False
