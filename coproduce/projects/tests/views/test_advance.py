"""Moving a project to its next stage."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.projects.models import Lifecycle, Project, StageChange
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.projects.tests.views.helpers import ERROR_SUMMARY, ClientFor, at_stage

# These tests are about moving on; the rules for when a project may move are in test_readiness.py.
pytestmark = pytest.mark.usefixtures("people_took_part")

# --- Moving to the next stage ------------------------------------------------------------


def test_project_advance_asks_to_confirm_the_next_stage(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/next-stage/")

    assertContains(response, '<h1 class="govuk-heading-l">Move to the development stage?</h1>')
    assertContains(response, '<input type="hidden" name="to_stage" value="development" id="id_to_stage">')
    assertContains(response, "Yes, move to development</button>")
    assertNotContains(response, ERROR_SUMMARY)


@pytest.mark.parametrize("persona", ["amina", "dev"])
def test_project_advance_with_the_next_stage_moves_the_project_and_shows_it(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    response = client.post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "development"})

    assertRedirects(response, f"/projects/{bus_stops.pk}/")
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DEVELOPMENT


def test_project_advance_from_a_stale_form_explains_one_stage_at_a_time(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    # Someone else moved the project on while this page was open, so the form names a stage too far ahead.
    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "implementation"})

    assert response.status_code == 200
    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#confirm-stage">A project moves one stage at a time. This project is at design, '
        "so it can only move to development next.</a></li>",
    )
    assertContains(response, "<title>Error: Move to the next stage – Step-free bus stops – Coproduce</title>")
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN


def test_project_advance_with_an_unknown_stage_asks_for_one_from_the_list(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "nonsense"})

    assert response.status_code == 200
    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<li><a href="#id_to_stage">Choose a stage from the list</a></li>')
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN


@pytest.mark.parametrize("persona", ["grace", "sam"])
def test_project_advance_is_forbidden_to_those_who_may_not_move_it(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    get_response = client.get(f"/projects/{bus_stops.pk}/next-stage/")
    post_response = client.post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "development"})

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN


def test_project_advance_is_forbidden_to_someone_outside_the_project(
    tom: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(tom).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "development"})

    assert response.status_code == 403
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.DESIGN


def test_project_advance_when_closed_says_it_cannot_move_on(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Lifecycle.CLOSED)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/next-stage/")

    assertContains(response, '<h1 class="govuk-heading-l">This project is closed</h1>')
    assertContains(response, "A closed project cannot move on. There is no stage after it.")
    assertNotContains(response, '<form method="post" novalidate>')


def test_project_advance_posted_when_closed_is_refused(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    at_stage(bus_stops, Lifecycle.CLOSED)

    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "closed"})

    assertContains(response, "This project is closed. It cannot move on.")
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.CLOSED


def test_project_advance_at_evaluation_asks_to_close_the_project(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Lifecycle.EVALUATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/next-stage/")

    assertContains(response, '<h1 class="govuk-heading-l">Close the project?</h1>')
    assertContains(response, '<input type="hidden" name="to_stage" value="closed" id="id_to_stage">')
    assertContains(response, ">Yes, close the project</button>")


def test_project_advance_closes_the_project_and_says_so(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    at_stage(bus_stops, Lifecycle.EVALUATION)

    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "closed"}, follow=True)

    assertContains(response, '<p class="govuk-notification-banner__heading">The project is closed.</p>')
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Lifecycle.CLOSED


def test_project_advance_into_design_without_a_co_lead_says_what_to_do(amina: User, client_for: ClientFor) -> None:
    idea = ProjectFactory.create(title="Quiet hours", stage=Lifecycle.IDEA)

    page = client_for(amina).get(f"/projects/{idea.pk}/next-stage/")
    response = client_for(amina).post(f"/projects/{idea.pk}/next-stage/", {"to_stage": "design"})

    assertContains(page, "A member or carer with lived experience is the project&#x27;s co-lead")
    assertContains(
        page,
        f'href="/projects/{idea.pk}/group/add/" aria-describedby="condition-1">Add a co-lead to the project group</a>',
    )
    assertNotContains(page, 'id="confirm-stage"')
    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#before-moving">Add a co-lead with lived experience before the project moves to design.</a></li>',
    )
    idea.refresh_from_db()
    assert idea.stage == Lifecycle.IDEA
    assert StageChange.objects.filter(project=idea).exists() is False


def test_project_advance_with_the_next_stage_says_where_the_project_is_now(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "development"}, follow=True)

    assertContains(
        response, '<p class="govuk-notification-banner__heading">The project is at the development stage now.</p>'
    )
    assertContains(response, "Development (current stage): reached on ")
