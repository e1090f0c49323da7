"""Starting projects: created by a coordinator at idea or design, or proposed as an idea."""

from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.people.models import PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import IntakeStatus, Lifecycle, Membership, Project, ProjectRole, StageChange
from coproduce.projects.services import CO_LEAD_NEEDED_TO_START, StageChangeRefused, create_project, propose_project
from coproduce.projects.tests.services.helpers import NOT_COORDINATORS, counts, new_project

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

    event = AuditEvent.objects.get(action="projects.created")
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
    event = AuditEvent.objects.get(action="projects.proposed")
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
