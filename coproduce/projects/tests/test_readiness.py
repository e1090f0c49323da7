"""Involve early, at the moment it matters: the rules for moving a project on, shown before the button and
applied by the service, and the project's main button as the next thing the model asks for."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.involvement.models import Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.projects.models import Lifecycle, Project, StageChange
from coproduce.projects.readiness import DESIGN_APPROVAL_NEEDED, next_step, readiness_to_move
from coproduce.projects.services import StageChangeRefused, advance_stage
from coproduce.projects.tests.factories import OpportunityAssessmentFactory
from coproduce.projects.tests.services.helpers import REASON
from coproduce.projects.tests.views.helpers import ClientFor


def test_a_new_project_cannot_move_from_design_to_development_without_people_or_an_approved_design(
    amina: User, bus_stops: Project
) -> None:
    # The defect: a new project went from design to development with no activity, nobody with lived
    # experience involved and the design not approved.
    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina, reason=REASON)

    assert refusal.value.message == DESIGN_APPROVAL_NEEDED
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN
    assert not StageChange.objects.filter(project=bus_stops).exists()


def test_moving_on_with_nobody_with_lived_experience_involved_needs_a_written_reason(
    amina: User, bus_stops: Project
) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(design_approved_at=timezone.now())

    with pytest.raises(StageChangeRefused) as refusal:
        advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina, reason="   ")
    assert refusal.value.field == "reason"
    assert "Nobody with lived experience has taken part at the design stage yet" in refusal.value.message

    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina, reason=REASON)

    change = StageChange.objects.get(project=bus_stops)
    assert (change.from_stage, change.reason_without_involvement) == (Lifecycle.DESIGN, REASON)


def test_a_reason_is_not_kept_when_people_were_involved(amina: User, people_took_part: Project) -> None:
    advance_stage(people_took_part, to=Lifecycle.DEVELOPMENT, by=amina, reason="Not needed")

    assert StageChange.objects.get(project=people_took_part).reason_without_involvement == ""


def test_involvement_counts_only_people_with_lived_experience_at_the_stage_being_left(
    amina: User, people_took_part: Project
) -> None:
    Attendance.objects.filter(activity__stage=Lifecycle.DESIGN).update(person=amina.person)

    readiness = readiness_to_move(people_took_part, user=amina)

    assert readiness is not None
    involvement = readiness.conditions[0]
    assert involvement.text == "People with lived experience took part at the design stage"
    assert not involvement.is_met
    assert readiness.needs_reason
    assert not readiness.is_blocked


def test_the_rules_for_a_move_are_shown_before_the_button_each_linking_to_its_fix(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "Before the project moves to the development stage")
    assertContains(response, "People with lived experience took part at the design stage")
    assertContains(response, f'href="/get-involved/manage/new/?project={bus_stops.pk}"')
    assertContains(response, "Plan an activity for the design stage</a>")
    assertContains(response, "The design is approved")
    # Blocked by the unapproved design: no way to press the move, only the way to put it right.
    assertNotContains(response, "next-stage/")


def test_the_main_action_is_the_next_thing_the_model_asks_for(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    # The defect: the big green button on a new project was "Move to the development stage".
    first = next_step(bus_stops, readiness_to_move(bus_stops, user=amina), user=amina)
    assert first is not None
    assert first.text == "Record the opportunity assessment"
    OpportunityAssessmentFactory.create(project=bus_stops)
    bus_stops.refresh_from_db()

    step = next_step(bus_stops, readiness_to_move(bus_stops, user=amina), user=amina)

    assert step is not None
    assert (step.text, step.is_move) == ("Plan an activity for the design stage", False)
    page = client_for(amina).get(f"/projects/{bus_stops.pk}/")
    assertContains(page, f'<a href="/get-involved/manage/new/?project={bus_stops.pk}" role="button"')


def test_a_co_lead_is_told_what_is_waiting_when_only_a_coordinator_can_do_it(
    dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops)

    response = client_for(dev).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "<strong>Next:</strong> Waiting for this: the design is approved.")
    assertNotContains(response, "/get-involved/manage/new/")


def test_the_reason_for_moving_on_without_people_is_shown_on_the_project_page(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(design_approved_at=timezone.now())
    advance_stage(bus_stops, to=Lifecycle.DEVELOPMENT, by=amina, reason=REASON)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "Moved on without people with lived experience")
    assertContains(response, f"The reason given: {REASON}")


def test_project_page_offers_approve_the_design_once_when_it_is_the_next_step(
    amina: User, dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    # The defect: the main button and the Design section each had an "Approve the design" button.
    OpportunityAssessmentFactory.create(project=bus_stops)
    workshop = ActivityFactory.create(project=bus_stops, stage=Lifecycle.DESIGN, created_by=amina)
    Attendance.objects.create(activity=workshop, person=dev.person, minutes=60, recorded_by=amina)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, ">Approve the design</a>", count=2)  # the main button and the checklist's link
    assertNotContains(response, ">Approve the design</button>")
    assertContains(response, "The design is not approved yet.")


def test_the_main_action_with_an_activity_coming_up_is_to_get_it_ready_not_to_plan_another(
    amina: User, bus_stops: Project
) -> None:
    # The defect: with a workshop planned for next week, the main button still said "Plan an activity".
    OpportunityAssessmentFactory.create(project=bus_stops)
    starts = timezone.now() + timedelta(days=7)
    workshop = ActivityFactory.create(
        project=bus_stops, stage=Lifecycle.DESIGN, title="Bus stop workshop", starts_at=starts, created_by=amina
    )

    step = next_step(bus_stops, readiness_to_move(bus_stops, user=amina), user=amina)

    assert step is not None
    assert step.text == f"Get Bus stop workshop ready: it is on {timezone.localtime(starts):%-d %B %Y}"
    assert step.url == f"/get-involved/manage/{workshop.pk}/"
