"""The charter and training rules on project roles: a champion must have signed the current charter,
a project needs a signed champion to enter design, and staff or partner leads must have completed
"What co-production is"."""

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.learning.models import Course, TrainingRecord
from coproduce.learning.services.charter import ensure_learning_defaults, sign_charter, withdraw_signature
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole
from coproduce.projects.services import (
    GroupChangeRefused,
    StageChangeRefused,
    add_to_project_group,
    advance_stage,
    create_project,
)

pytestmark = pytest.mark.usefixtures("learning_rules")


@pytest.fixture(autouse=True)
def charter(db) -> None:
    ensure_learning_defaults()


def complete_course(user: User, by: User) -> None:
    TrainingRecord.objects.create(
        person=user.person,
        course=Course.objects.get(title="What co-production is"),
        completed_on=timezone.localdate(),
        recorded_by=by,
    )


def test_add_to_project_group_refuses_a_champion_who_has_not_signed(amina: User, tom: User, bus_stops: Project) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)

    assert refusal.value.message.startswith("Tom has not signed the current co-production charter yet.")
    assert not Membership.objects.filter(person=tom.person, role=ProjectRole.CHAMPION).exists()


def test_add_to_project_group_names_a_champion_who_signed(amina: User, tom: User, bus_stops: Project) -> None:
    sign_charter(by=tom)

    membership = add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)

    assert membership.role == ProjectRole.CHAMPION


def test_a_withdrawn_signature_no_longer_counts_for_a_champion(amina: User, tom: User, bus_stops: Project) -> None:
    withdraw_signature(sign_charter(by=tom), by=tom)

    with pytest.raises(GroupChangeRefused):
        add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)


def test_the_champion_rule_can_be_turned_off(settings, amina: User, tom: User, bus_stops: Project) -> None:
    settings.COPRODUCE_REQUIRE_SIGNED_CHAMPION = False

    membership = add_to_project_group(bus_stops, person=tom.person, role=ProjectRole.CHAMPION, by=amina)

    assert membership.role == ProjectRole.CHAMPION


def test_create_project_refuses_an_unsigned_champion_and_writes_nothing(amina: User, dev: User, tom: User) -> None:
    with pytest.raises(StageChangeRefused) as refusal:
        create_project(
            Project(title="Quiet buses", summary="Quiet buses."),
            by=amina,
            co_lead=dev.person,
            staff_lead=None,
            champion=tom.person,
            start_at=Lifecycle.DESIGN,
        )

    assert "has not signed the current co-production charter" in refusal.value.message
    assert not Project.objects.filter(title="Quiet buses").exists()


def test_create_project_refuses_a_staff_lead_without_the_course(amina: User, dev: User) -> None:
    with pytest.raises(StageChangeRefused) as refusal:
        create_project(
            Project(title="Quiet buses", summary="Quiet buses."),
            by=amina,
            co_lead=dev.person,
            staff_lead=amina.person,
            champion=None,
        )

    assert refusal.value.message == (
        "Amina cannot lead a project yet: staff and partner representatives must complete the course "
        "“What co-production is” first. Record their training, then try again."
    )
    assert not Project.objects.filter(title="Quiet buses").exists()


def test_create_project_accepts_a_trained_staff_lead_and_a_signed_champion(amina: User, dev: User, tom: User) -> None:
    complete_course(amina, amina)
    sign_charter(by=tom)

    project = create_project(
        Project(title="Quiet buses", summary="Quiet buses."),
        by=amina,
        co_lead=dev.person,
        staff_lead=amina.person,
        champion=tom.person,
        start_at=Lifecycle.DESIGN,
    )

    assert set(project.memberships.values_list("role", flat=True)) == {"co_lead", "staff_lead", "champion"}


def test_add_to_project_group_refuses_a_partner_staff_lead_without_the_course(
    amina: User, priya: User, bus_stops: Project
) -> None:
    with pytest.raises(GroupChangeRefused) as refusal:
        add_to_project_group(bus_stops, person=priya.person, role=ProjectRole.STAFF_LEAD, by=amina)

    assert "must complete the course “What co-production is” first" in refusal.value.message


def test_an_empty_course_setting_turns_the_training_rule_off(
    settings, amina: User, priya: User, bus_stops: Project
) -> None:
    settings.COPRODUCE_CO_LEAD_TRAINING_COURSE = ""

    membership = add_to_project_group(bus_stops, person=priya.person, role=ProjectRole.STAFF_LEAD, by=amina)

    assert membership.role == ProjectRole.STAFF_LEAD


def test_advance_stage_to_design_needs_a_signed_champion(amina: User, dev: User, tom: User) -> None:
    idea = Project.objects.create(title="Idea", summary="An idea.", stage=Lifecycle.IDEA, created_by=amina)
    Membership.objects.create(project=idea, person=dev.person, role=ProjectRole.CO_LEAD)
    Membership.objects.create(project=idea, person=tom.person, role=ProjectRole.CHAMPION)

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(idea, to=Lifecycle.DESIGN, by=amina)
    assert refusal.value.message == (
        "Name a champion who has signed the current co-production charter before the project moves to design."
    )
    idea.refresh_from_db()
    assert idea.stage == Lifecycle.IDEA

    sign_charter(by=tom)
    moved = advance_stage(idea, to=Lifecycle.DESIGN, by=amina, reason="Tom's group will meet at design.")
    assert moved.stage == Lifecycle.DESIGN


def test_add_to_group_page_shows_why_a_champion_cannot_be_named(
    client_for, amina: User, tom: User, bus_stops: Project
) -> None:
    response = client_for(amina).post(
        f"/projects/{bus_stops.pk}/group/add/", {"person": tom.person.pk, "role": "champion"}
    )

    assert response.status_code == 200
    assert "Tom has not signed the current co-production charter yet." in response.content.decode()
    assert not Membership.objects.filter(person=tom.person, role=ProjectRole.CHAMPION).exists()


def test_start_project_page_shows_why_a_staff_lead_cannot_lead(client_for, amina: User, dev: User) -> None:
    response = client_for(amina).post(
        "/projects/new/",
        {
            "title": "Quiet buses",
            "summary": "Quiet buses.",
            "start_at": "idea",
            "co_lead": "",
            "staff_lead": str(amina.person.pk),
            "champion": "",
        },
    )

    assert response.status_code == 200
    assert "Amina cannot lead a project yet" in response.content.decode()
    assert not Project.objects.filter(title="Quiet buses").exists()


def test_a_lead_refused_for_a_course_not_done_is_shown_the_way_to_the_course(client_for, amina: User) -> None:
    # The defect: the project lead field refused a lead for a course not done, with no way from there to the course.
    course = Course.objects.get(title="What co-production is")

    response = client_for(amina).post(
        "/projects/new/",
        {"title": "Quiet buses", "summary": "Quiet buses.", "start_at": "idea", "staff_lead": str(amina.person.pk)},
    )

    page = response.content.decode()
    assert "Staff and partner representatives complete “What co-production is” before they lead a project." in page
    assert f'<a class="govuk-link" href="/learning/courses/{course.pk}/">See the course and its sessions' in page
