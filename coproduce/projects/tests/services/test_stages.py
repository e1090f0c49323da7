"""Moving projects through their life: the next stage only, and design only with a co-lead with lived experience."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import IntakeStatus, Lifecycle, Membership, Project, ProjectRole, StageChange
from coproduce.projects.readiness import CO_LEAD_NEEDED
from coproduce.projects.services import StageChangeRefused, advance_stage
from coproduce.projects.tests.factories import IdeaFactory, ProjectFactory
from coproduce.projects.tests.services.helpers import LONG_AGO, REASON, at_stage

# These tests are about moving on; the rules for when a project may move are in test_readiness.py.
pytestmark = pytest.mark.usefixtures("people_took_part")

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

    event = AuditEvent.objects.get(action="projects.stage_advanced")
    assert event.actor == amina
    assert event.target_type == "projects.project"
    assert event.target_id == str(bus_stops.pk)
    assert event.payload == {"from": "design", "to": "development", "without_involvement": False}


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
    assert AuditEvent.objects.filter(action="projects.stage_advanced").exists() is False
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
    assert AuditEvent.objects.filter(action="projects.stage_advanced").exists() is False


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
    assert AuditEvent.objects.filter(action="projects.stage_advanced").count() == 1


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

    advance_stage(idea, to=Lifecycle.DESIGN, by=amina, reason=REASON)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_advance_stage_into_design_without_a_co_lead_is_allowed_when_the_rule_is_off(
    amina: User, settings: Any
) -> None:
    settings.COPRODUCE_REQUIRE_CO_LEAD = False
    idea = at_stage(ProjectFactory.create(), Lifecycle.IDEA)

    advance_stage(idea, to=Lifecycle.DESIGN, by=amina, reason=REASON)

    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_advance_stage_needs_no_co_lead_for_stages_after_design(amina: User) -> None:
    project = ProjectFactory.create(stage=Lifecycle.DESIGN, design_approved_at=LONG_AGO)

    advance_stage(project, to=Lifecycle.DEVELOPMENT, by=amina, reason=REASON)

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
    assert AuditEvent.objects.get(action="projects.stage_advanced").actor == by


@pytest.mark.parametrize("persona", ["grace", "sam", "tom", "priya"])
def test_advance_stage_is_refused_to_anyone_else(
    request: pytest.FixtureRequest, bus_stops: Project, persona: str
) -> None:
    by = request.getfixturevalue(persona)

    with pytest.raises(PermissionDenied):
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=by)

    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN
    assert AuditEvent.objects.filter(action="projects.stage_advanced").exists() is False


def test_advance_stage_lets_a_co_lead_move_only_their_own_project(dev: User, bus_stops: Project) -> None:
    other = ProjectFactory.create(title="Accessible leaflets")

    with pytest.raises(PermissionDenied):
        advance_stage(other, to=Lifecycle.DEVELOPMENT, by=dev)

    other.refresh_from_db()
    assert other.stage == Lifecycle.DESIGN
