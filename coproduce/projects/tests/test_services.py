"""Creating projects and moving them through the four stages, one stage at a time."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.model import Stage
from coproduce.projects.models import Membership, Project, ProjectRole
from coproduce.projects.services import StageChangeRefused, advance_stage, create_project
from coproduce.projects.tests.factories import ProjectFactory

LONG_AGO = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def new_project(**fields: str) -> Project:
    values = {"title": "Easy Read letters", "summary": "Letters that everyone can read."}
    values.update(fields)
    return Project(**values)


def at_stage(project: Project, stage: Stage) -> Project:
    Project.objects.filter(pk=project.pk).update(stage=stage, stage_changed_at=LONG_AGO)
    project.refresh_from_db()
    return project


# --- create_project ----------------------------------------------------------


def test_create_project_saves_it_at_the_design_stage(amina: User) -> None:
    project = create_project(
        new_project(stage=Stage.EVALUATION), by=amina, co_lead=None, staff_lead=None, champion=None
    )

    project.refresh_from_db()
    assert project.title == "Easy Read letters"
    assert project.stage == Stage.DESIGN
    assert project.created_by == amina
    assert project.memberships.count() == 0


def test_create_project_gives_each_named_lead_a_membership(amina: User, dev: User, grace: User) -> None:
    project = create_project(
        new_project(), by=amina, co_lead=dev.person, staff_lead=amina.person, champion=grace.person
    )

    memberships = {(m.person_id, m.role) for m in Membership.objects.filter(project=project)}
    assert memberships == {
        (dev.person.pk, ProjectRole.CO_LEAD),
        (amina.person.pk, ProjectRole.STAFF_LEAD),
        (grace.person.pk, ProjectRole.CHAMPION),
    }


def test_create_project_records_an_audit_event(amina: User) -> None:
    project = create_project(new_project(), by=amina, co_lead=None, staff_lead=None, champion=None)

    event = AuditEvent.objects.get(action="project.created")
    assert event.actor == amina
    assert event.target_type == "projects.project"
    assert event.target_id == str(project.pk)
    assert event.payload == {"stage": "design"}


def test_create_project_by_an_admin_is_allowed(morgan: User) -> None:
    project = create_project(new_project(), by=morgan, co_lead=None, staff_lead=None, champion=None)

    assert project.created_by == morgan


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_create_project_by_someone_who_is_not_a_coordinator_is_refused_and_writes_nothing(
    request: pytest.FixtureRequest, amina: User, persona: str
) -> None:
    by = request.getfixturevalue(persona)
    counts_before = (Project.objects.count(), Membership.objects.count(), AuditEvent.objects.count())

    with pytest.raises(PermissionDenied):
        create_project(new_project(), by=by, co_lead=by.person, staff_lead=amina.person, champion=None)

    assert (Project.objects.count(), Membership.objects.count(), AuditEvent.objects.count()) == counts_before


# --- advance_stage: moving on ------------------------------------------------------


def test_advance_stage_moves_design_to_development_and_dates_it(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Stage.DESIGN)
    before = timezone.now()

    advanced = advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    after = timezone.now()
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DEVELOPMENT
    assert before <= bus_stops.stage_changed_at <= after
    assert advanced.stage == Stage.DEVELOPMENT


@pytest.mark.parametrize(
    ("current", "to"),
    [
        (Stage.DESIGN, Stage.DEVELOPMENT),
        (Stage.DEVELOPMENT, Stage.IMPLEMENTATION),
        (Stage.IMPLEMENTATION, Stage.EVALUATION),
    ],
)
def test_advance_stage_moves_each_stage_to_the_next(amina: User, bus_stops: Project, current: Stage, to: Stage) -> None:
    at_stage(bus_stops, current)

    advance_stage(bus_stops, to=to, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == to


def test_advance_stage_records_an_audit_event_with_from_and_to(amina: User, bus_stops: Project) -> None:
    advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    event = AuditEvent.objects.get(action="project.stage_advanced")
    assert event.actor == amina
    assert event.target_type == "projects.project"
    assert event.target_id == str(bus_stops.pk)
    assert event.payload == {"from": "design", "to": "development"}


def test_advance_stage_queues_the_member_emails_when_the_change_is_committed(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    assert len(callbacks) == 1
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "coproduce.projects.tasks.tell_members_about_stage"
    assert queued.args_kwargs == {"args": [], "kwargs": {"project_id": bus_stops.pk, "stage": "development"}}
    assert queued.status == "READY"


def test_advance_stage_queues_nothing_before_the_change_is_committed(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    assert len(callbacks) == 1
    assert DBTaskResult.objects.count() == 0


# --- advance_stage: refusals --------------------------------------------------------


def test_advance_stage_refuses_to_skip_a_stage(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Stage.DESIGN)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Stage.IMPLEMENTATION, by=amina)

    assert refusal.value.message == (
        "A project moves one stage at a time. This project is at design, so it can only move to development next."
    )
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DESIGN
    assert bus_stops.stage_changed_at == LONG_AGO
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False


def test_advance_stage_refuses_to_go_backwards(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Stage.IMPLEMENTATION)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    assert refusal.value.message == (
        "A project moves one stage at a time. This project is at implementation, "
        "so it can only move to evaluation next."
    )
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.IMPLEMENTATION
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False


def test_advance_stage_refuses_to_stay_at_the_same_stage(amina: User, bus_stops: Project) -> None:
    with pytest.raises(StageChangeRefused):
        advance_stage(bus_stops, to=Stage.DESIGN, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DESIGN


def test_advance_stage_at_evaluation_says_it_is_the_last_stage(amina: User, bus_stops: Project) -> None:
    at_stage(bus_stops, Stage.EVALUATION)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Stage.EVALUATION, by=amina)

    assert refusal.value.message == "This project is at its last stage, evaluation. It cannot move on."
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.EVALUATION
    assert bus_stops.stage_changed_at == LONG_AGO


def test_advance_stage_refused_queues_no_email(
    amina: User, bus_stops: Project, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(StageChangeRefused):
        advance_stage(bus_stops, to=Stage.IMPLEMENTATION, by=amina)

    assert callbacks == []
    assert DBTaskResult.objects.count() == 0


def test_advance_stage_checks_the_stage_in_the_database_not_a_stale_copy(amina: User, bus_stops: Project) -> None:
    stale_copy = Project.objects.get(pk=bus_stops.pk)
    advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=amina)

    with pytest.raises(StageChangeRefused):
        advance_stage(stale_copy, to=Stage.DEVELOPMENT, by=amina)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DEVELOPMENT
    assert AuditEvent.objects.filter(action="project.stage_advanced").count() == 1


# --- advance_stage: who may move a project on ----------------------------------------------


@pytest.mark.parametrize("persona", ["amina", "dev", "morgan"])
def test_advance_stage_is_allowed_to_coordinators_admins_and_the_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DEVELOPMENT
    assert AuditEvent.objects.get(action="project.stage_advanced").actor == by


@pytest.mark.parametrize("persona", ["grace", "sam", "tom", "priya"])
def test_advance_stage_is_refused_to_anyone_else(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        advance_stage(bus_stops, to=Stage.DEVELOPMENT, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DESIGN
    assert AuditEvent.objects.filter(action="project.stage_advanced").exists() is False


def test_advance_stage_lets_a_co_lead_move_only_their_own_project(dev: User, bus_stops: Project) -> None:
    other = ProjectFactory.create(title="Accessible leaflets")

    with pytest.raises(PermissionDenied):
        advance_stage(other, to=Stage.DEVELOPMENT, by=dev)

    other.refresh_from_db()
    assert other.stage == Stage.DESIGN
