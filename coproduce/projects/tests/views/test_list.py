"""The project list, with the ideas waiting for intake left out."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.projects.models import IntakeStatus, Membership, Project, ProjectRole
from coproduce.projects.tests.factories import IdeaFactory, ProjectFactory
from coproduce.projects.tests.views.helpers import PROJECT_LIST_MAX_QUERIES, ClientFor

# --- The list ----------------------------------------------------------------------


@pytest.mark.parametrize("persona", ["amina", "sam", "morgan"])
def test_project_list_shows_staff_every_project(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    ProjectFactory.create(title="Accessible leaflets")
    user = request.getfixturevalue(persona)

    response = client_for(user).get("/projects/")

    assertContains(response, ">Accessible leaflets</a>")
    assertContains(response, ">Step-free bus stops</a>")
    assertContains(
        response,
        '<caption id="projects-project-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">2 projects</caption>',
    )


def test_project_list_shows_a_member_only_their_projects(dev: User, bus_stops: Project, client_for: ClientFor) -> None:
    ProjectFactory.create(title="Accessible leaflets")

    response = client_for(dev).get("/projects/")

    assertContains(response, f'<a class="govuk-link" href="/projects/{bus_stops.pk}/">Step-free bus stops</a>')
    assertNotContains(response, "Accessible leaflets")
    assertContains(
        response,
        '<caption id="projects-project-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">1 project</caption>',
    )


def test_project_list_shows_a_project_once_to_someone_with_two_roles_in_it(
    dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    Membership.objects.create(project=bus_stops, person=dev.person, role=ProjectRole.CHAMPION)

    response = client_for(dev).get("/projects/")

    assertContains(response, ">Step-free bus stops</a>", count=1)
    assertContains(
        response,
        '<caption id="projects-project-list-caption" '
        'class="govuk-table__caption govuk-table__caption--m">1 project</caption>',
    )


def test_project_list_tells_someone_in_no_project_how_they_will_join_one(
    tom: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(tom).get("/projects/")

    assertContains(
        response,
        "You are not part of any project yet. When a coordinator adds you to a project, it will show here.",
    )
    assertNotContains(response, "Step-free bus stops")


def test_project_list_offers_start_a_project_only_to_coordinators(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    coordinator_response = client_for(amina).get("/projects/")
    member_response = client_for(dev).get("/projects/")

    assertContains(coordinator_response, ">Start a project</a>")
    assertNotContains(member_response, "Start a project")


@pytest.mark.parametrize("how_many", [5, 60])
def test_project_list_query_count_does_not_grow_with_the_number_of_projects(
    amina: User, client_for: ClientFor, django_assert_max_num_queries, how_many: int
) -> None:
    ProjectFactory.create_batch(how_many)
    client = client_for(amina)

    with django_assert_max_num_queries(PROJECT_LIST_MAX_QUERIES):
        response = client.get("/projects/")

    assert response.status_code == 200
    assert response.context["page"].paginator.count == how_many


# --- The list and intake -------------------------------------------------------------------------


def test_project_list_leaves_out_ideas_waiting_or_not_taken_forward(amina: User, client_for: ClientFor) -> None:
    IdeaFactory.create(title="Waiting idea")
    IdeaFactory.create(title="Declined idea", intake_status=IntakeStatus.DECLINED, decline_reason="No.")
    IdeaFactory.create(title="Accepted idea", intake_status=IntakeStatus.ACCEPTED)

    response = client_for(amina).get("/projects/")

    assertContains(response, ">Accepted idea</a>")
    assertNotContains(response, "Waiting idea")
    assertNotContains(response, "Declined idea")


def test_project_list_offers_everyone_with_a_record_to_suggest_a_project(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/projects/")

    assertContains(response, '<a href="/projects/propose/" role="button"')
    assertContains(response, '<a class="govuk-link" href="/projects/your-ideas/">Your ideas</a>')
    assertNotContains(response, "/projects/intake/")


def test_project_list_points_coordinators_to_the_intake_queue(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/projects/")

    assertContains(response, '<a class="govuk-link" href="/projects/intake/">Ideas waiting for a decision</a>')


@pytest.mark.parametrize("how_many", [5, 60])
def test_project_list_query_count_stays_bounded_with_ideas_and_members(
    dev: User, client_for: ClientFor, django_assert_max_num_queries, how_many: int
) -> None:
    for project in ProjectFactory.create_batch(how_many):
        Membership.objects.create(project=project, person=dev.person, role=ProjectRole.CO_LEAD)
    IdeaFactory.create_batch(how_many, proposed_by=dev.person)
    client = client_for(dev)

    with django_assert_max_num_queries(PROJECT_LIST_MAX_QUERIES):
        response = client.get("/projects/")

    assert response.context["page"].paginator.count == how_many
