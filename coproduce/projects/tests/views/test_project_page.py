"""A project's page: its group, lifecycle, assessment and ladder, and what it offers to whom."""

from datetime import UTC, datetime

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Lifecycle, Membership, Project
from coproduce.projects.tests.factories import (
    IdeaFactory,
    OpportunityAssessmentFactory,
    ProjectFactory,
    StageChangeFactory,
)
from coproduce.projects.tests.views.helpers import MOVE_BUTTON, PROJECT_DETAIL_MAX_QUERIES, ClientFor, at_stage

# --- A project --------------------------------------------------------------------


@pytest.fixture
def ready(people_took_part: Project) -> Project:
    """Step-free bus stops with its assessment recorded, people involved at every stage and its design approved."""
    OpportunityAssessmentFactory.create(project=people_took_part)
    return people_took_part


@pytest.mark.parametrize("persona", ["dev", "grace", "amina", "sam", "morgan"])
def test_project_detail_is_shown_to_its_members_and_to_staff(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, '<h1 class="govuk-heading-l">Step-free bus stops</h1>')
    assertContains(response, "This project is at the <strong>design</strong> stage")


@pytest.mark.parametrize("persona", ["tom", "priya"])
def test_project_detail_is_forbidden_to_people_outside_the_project(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{bus_stops.pk}/")

    assert response.status_code == 403


def test_project_detail_lists_the_project_group_by_preferred_name(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(
        response,
        '<dt class="govuk-summary-list__key">Co-lead (lived experience)</dt>\n'
        '          <dd class="govuk-summary-list__value">Dev</dd>',
    )
    assertContains(
        response,
        '<dt class="govuk-summary-list__key">Project group member</dt>\n'
        '          <dd class="govuk-summary-list__value">Grace</dd>',
    )
    assertContains(
        response,
        '<dt class="govuk-summary-list__key">Staff lead</dt>\n'
        '          <dd class="govuk-summary-list__value">Amina</dd>',
    )


def test_project_detail_marks_the_current_stage(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    at_stage(bus_stops, Lifecycle.IMPLEMENTATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, 'aria-current="step"', count=1)
    assertContains(response, "Implementation (current stage)")
    assertNotContains(response, "Design (current stage)")


@pytest.mark.parametrize("persona", ["amina", "dev", "morgan"])
def test_project_detail_offers_the_next_stage_to_those_who_may_move_it(
    request: pytest.FixtureRequest, ready: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{ready.pk}/")

    assertContains(response, f'<a href="/projects/{ready.pk}/next-stage/" role="button"')
    assertContains(response, MOVE_BUTTON, count=1)


@pytest.mark.parametrize("persona", ["grace", "sam"])
def test_project_detail_does_not_offer_the_next_stage_to_others(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{bus_stops.pk}/")

    assertNotContains(response, "next-stage/")
    assertNotContains(response, MOVE_BUTTON)


def test_project_detail_at_evaluation_offers_to_close_the_project(
    amina: User, ready: Project, client_for: ClientFor
) -> None:
    at_stage(ready, Lifecycle.EVALUATION)

    response = client_for(amina).get(f"/projects/{ready.pk}/")

    assertContains(response, f'<a href="/projects/{ready.pk}/next-stage/" role="button"')
    assertContains(response, ">Close the project</a>")


def test_project_detail_when_closed_offers_no_next_stage(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Lifecycle.CLOSED)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertNotContains(response, "next-stage/")
    assertContains(response, "This project <strong>closed</strong> on ")


def test_project_detail_of_no_project_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/projects/999999/")

    assert response.status_code == 404


# --- The project page: lifecycle, assessment, ladder ---------------------------------------------


def test_project_detail_shows_the_six_steps_with_the_date_each_was_reached(amina: User, client_for: ClientFor) -> None:
    project = ProjectFactory.create(stage=Lifecycle.DESIGN, stage_changed_at=datetime(2026, 4, 14, 10, tzinfo=UTC))
    StageChangeFactory.create(
        project=project, from_stage="", to_stage=Lifecycle.IDEA, changed_at=datetime(2026, 3, 2, 10, tzinfo=UTC)
    )
    StageChangeFactory.create(
        project=project,
        from_stage=Lifecycle.IDEA,
        to_stage=Lifecycle.DESIGN,
        changed_at=datetime(2026, 4, 14, 10, tzinfo=UTC),
    )

    response = client_for(amina).get(f"/projects/{project.pk}/")

    assertContains(response, '<li class="app-stage-list__item', count=6)
    assertContains(response, "Idea: reached on 2 March 2026")
    assertContains(
        response,
        '<li class="app-stage-list__item app-stage-list__item--current" aria-current="step">\n'
        "        Design (current stage): reached on 14 April 2026",
    )
    assertContains(response, "Development: not reached yet")
    assertContains(response, "Closed: not reached yet")


def test_project_detail_says_when_the_idea_step_was_skipped(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "Idea: skipped, the project started at design")


def test_project_detail_without_an_assessment_says_so_and_knows_no_rungs(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "Nobody has recorded the opportunity assessment yet.")
    assertContains(response, f'<a href="/projects/{bus_stops.pk}/assessment/" role="button"')
    assertContains(response, '<td class="govuk-table__cell">Not planned yet</td>', count=4)
    assertContains(response, '<td class="govuk-table__cell">Not yet known</td>', count=8)


def test_project_detail_shows_the_assessment_and_planned_against_actual_rungs(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops, updated_at=datetime(2026, 5, 1, 12, tzinfo=UTC))

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(
        response,
        '<dd class="govuk-summary-list__value">Wheelchair users who take the bus, and their carers.</dd>',
    )
    assertContains(response, '<dd class="govuk-summary-list__value">Design, Development and Evaluation</dd>')
    assertContains(
        response, '<dd class="govuk-summary-list__value">The budget is set by the council for this year.</dd>'
    )
    assertContains(response, '<dd class="govuk-summary-list__value">1 May 2026</dd>')
    assertContains(
        response,
        '<td class="govuk-table__cell">Design</td>\n'
        '          <td class="govuk-table__cell">Yes</td>\n'
        '          <td class="govuk-table__cell">Co-production</td>\n'
        '          <td class="govuk-table__cell">Not yet known</td>',
    )
    assertContains(
        response,
        '<td class="govuk-table__cell">Implementation</td>\n'
        '          <td class="govuk-table__cell">No</td>\n'
        '          <td class="govuk-table__cell">Informing</td>\n'
        '          <td class="govuk-table__cell">Not yet known</td>',
    )
    assertContains(response, ">Change the opportunity assessment</a>")


def test_project_detail_says_the_first_involvement_stage_is_not_yet_known(
    dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(dev).get(f"/projects/{bus_stops.pk}/")

    assertContains(
        response,
        '<dt class="govuk-summary-list__key">First stage people with lived experience took part</dt>\n'
        '      <dd class="govuk-summary-list__value">Not yet known</dd>',
    )


@pytest.mark.parametrize(("persona", "offered"), [("amina", True), ("dev", True), ("grace", False), ("sam", False)])
def test_project_detail_offers_the_assessment_to_coordinators_and_the_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str, offered: bool
) -> None:
    response = client_for(request.getfixturevalue(persona)).get(f"/projects/{bus_stops.pk}/")

    assert (f'href="/projects/{bus_stops.pk}/assessment/"' in response.content.decode()) is offered


@pytest.mark.parametrize(("persona", "offered"), [("amina", True), ("morgan", True), ("dev", False), ("sam", False)])
def test_project_detail_offers_design_approval_only_to_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str, offered: bool
) -> None:
    response = client_for(request.getfixturevalue(persona)).get(f"/projects/{bus_stops.pk}/")

    html = response.content.decode()
    assert (f'<form method="post" action="/projects/{bus_stops.pk}/approve-design/" novalidate>' in html) is offered
    assertContains(response, "The design is not approved yet.")


def test_project_detail_shows_the_date_the_design_was_approved(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(
        design_approved_at=datetime(2026, 6, 3, 9, tzinfo=UTC), design_approved_by=amina
    )

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "The design was approved on 3 June 2026.")
    assertNotContains(response, "approve-design/")


def test_project_detail_of_an_idea_without_a_co_lead_shows_the_rule_before_the_button(
    amina: User, client_for: ClientFor
) -> None:
    idea = ProjectFactory.create(stage=Lifecycle.IDEA)
    OpportunityAssessmentFactory.create(project=idea)

    response = client_for(amina).get(f"/projects/{idea.pk}/")

    assertContains(response, "This project is at the <strong>idea</strong> stage")
    assertContains(response, "Before the project moves to the design stage")
    assertContains(response, "A member or carer with lived experience is the project&#x27;s co-lead")
    assertContains(response, "The project cannot move on until this is done.")
    # The main button is what the model asks for next, not the move it would refuse.
    assertContains(response, f'<a href="/projects/{idea.pk}/group/add/" role="button"')
    assertNotContains(response, "next-stage/")


def test_project_detail_of_an_idea_waiting_for_a_decision_cannot_move_on(amina: User, client_for: ClientFor) -> None:
    idea = IdeaFactory.create()

    response = client_for(amina).get(f"/projects/{idea.pk}/")

    assertContains(response, "This idea is waiting for a coordinator to decide whether to take it on.")
    assertNotContains(response, "next-stage/")


def test_project_detail_offers_adding_people_to_the_group_only_to_coordinators(
    amina: User, dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    link = f'<a class="govuk-link" href="/projects/{bus_stops.pk}/group/add/">Add someone to the project group</a>'

    assertContains(client_for(amina).get(f"/projects/{bus_stops.pk}/"), link)
    assertNotContains(client_for(dev).get(f"/projects/{bus_stops.pk}/"), "group/add/")


def test_project_detail_query_count_is_bounded(
    amina: User, bus_stops: Project, client_for: ClientFor, django_assert_max_num_queries
) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops)
    for _ in range(10):
        Membership.objects.create(project=bus_stops, person=PersonFactory.create())
    client = client_for(amina)

    with django_assert_max_num_queries(PROJECT_DETAIL_MAX_QUERIES):
        response = client.get(f"/projects/{bus_stops.pk}/")

    assert response.status_code == 200


# --- Signed out ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/projects/", "/projects/new/", "/projects/1/", "/projects/1/next-stage/"])
def test_project_pages_send_someone_signed_out_to_sign_in(db, client: Client, path: str) -> None:
    response = client.get(path)

    assertRedirects(response, f"/accounts/sign-in/?next={path}")
