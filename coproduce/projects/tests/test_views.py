"""The project pages: the list, a project, starting one and moving it to its next stage."""

from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.model import Stage
from coproduce.projects.models import Membership, Project, ProjectRole
from coproduce.projects.tests.factories import ProjectFactory

ClientFor = Callable[[User], Client]

# The most queries the project list may make, however many projects there are.
PROJECT_LIST_MAX_QUERIES = 5

MOVE_BUTTON = "Move to the development stage</a>"
ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'


def at_stage(project: Project, stage: Stage) -> None:
    Project.objects.filter(pk=project.pk).update(stage=stage)
    project.refresh_from_db()


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
    assertContains(response, '<caption class="govuk-table__caption govuk-table__caption--m">2 projects</caption>')


def test_project_list_shows_a_member_only_their_projects(dev: User, bus_stops: Project, client_for: ClientFor) -> None:
    ProjectFactory.create(title="Accessible leaflets")

    response = client_for(dev).get("/projects/")

    assertContains(response, f'<a class="govuk-link" href="/projects/{bus_stops.pk}/">Step-free bus stops</a>')
    assertNotContains(response, "Accessible leaflets")
    assertContains(response, '<caption class="govuk-table__caption govuk-table__caption--m">1 project</caption>')


def test_project_list_shows_a_project_once_to_someone_with_two_roles_in_it(
    dev: User, bus_stops: Project, client_for: ClientFor
) -> None:
    Membership.objects.create(project=bus_stops, person=dev.person, role=ProjectRole.CHAMPION)

    response = client_for(dev).get("/projects/")

    assertContains(response, ">Step-free bus stops</a>", count=1)
    assertContains(response, '<caption class="govuk-table__caption govuk-table__caption--m">1 project</caption>')


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


# --- A project --------------------------------------------------------------------


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
    at_stage(bus_stops, Stage.IMPLEMENTATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, 'aria-current="step"', count=1)
    assertContains(response, "Implementation (current stage)")
    assertNotContains(response, "Design (current stage)")


@pytest.mark.parametrize("persona", ["amina", "dev", "morgan"])
def test_project_detail_offers_the_next_stage_to_those_who_may_move_it(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, f'<a href="/projects/{bus_stops.pk}/next-stage/" role="button"')
    assertContains(response, MOVE_BUTTON, count=1)


@pytest.mark.parametrize("persona", ["grace", "sam"])
def test_project_detail_does_not_offer_the_next_stage_to_others(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).get(f"/projects/{bus_stops.pk}/")

    assertNotContains(response, "next-stage/")
    assertNotContains(response, MOVE_BUTTON)


def test_project_detail_at_evaluation_offers_no_next_stage(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Stage.EVALUATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertNotContains(response, "next-stage/")


def test_project_detail_of_no_project_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/projects/999999/")

    assert response.status_code == 404


# --- Starting a project ----------------------------------------------------------------


def test_project_create_with_valid_post_starts_it_at_design_with_its_leads(
    amina: User, dev: User, grace: User, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        "/projects/new/",
        {
            "title": "Easy Read letters",
            "summary": "Letters that everyone can read.",
            "co_lead": str(dev.person.pk),
            "staff_lead": str(amina.person.pk),
            "champion": str(grace.person.pk),
        },
    )

    project = Project.objects.get(title="Easy Read letters")
    assertRedirects(response, f"/projects/{project.pk}/")
    assert project.stage == Stage.DESIGN
    assert project.summary == "Letters that everyone can read."
    assert project.created_by == amina
    assert {(m.person_id, m.role) for m in project.memberships.all()} == {
        (dev.person.pk, ProjectRole.CO_LEAD),
        (amina.person.pk, ProjectRole.STAFF_LEAD),
        (grace.person.pk, ProjectRole.CHAMPION),
    }


def test_project_create_without_leads_starts_a_project_with_no_group(amina: User, client_for: ClientFor) -> None:
    client_for(amina).post(
        "/projects/new/",
        {"title": "Easy Read letters", "summary": "Letters.", "co_lead": "", "staff_lead": "", "champion": ""},
    )

    project = Project.objects.get(title="Easy Read letters")
    assert project.memberships.count() == 0


def test_project_create_with_invalid_post_shows_the_error_summary_and_writes_nothing(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    counts_before = (Project.objects.count(), Membership.objects.count(), AuditEvent.objects.count())

    response = client_for(amina).post(
        "/projects/new/",
        {"title": "", "summary": "", "co_lead": str(dev.person.pk), "staff_lead": "", "champion": ""},
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<li><a href="#id_title">Enter the project name</a></li>')
    assertContains(response, '<li><a href="#id_summary">Say what the project is about</a></li>')
    assertContains(response, "<title>Error: Start a project – Coproduce</title>")
    assert (Project.objects.count(), Membership.objects.count(), AuditEvent.objects.count()) == counts_before


def test_project_create_refuses_a_staff_member_as_co_lead(amina: User, client_for: ClientFor) -> None:
    # The co-lead brings lived experience, so only members and carers are offered.
    response = client_for(amina).post(
        "/projects/new/",
        {"title": "Easy Read letters", "summary": "Letters.", "co_lead": str(amina.person.pk)},
    )

    assertContains(response, ERROR_SUMMARY)
    assert Project.objects.filter(title="Easy Read letters").exists() is False


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_project_create_is_forbidden_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    get_response = client.get("/projects/new/")
    post_response = client.post("/projects/new/", {"title": "Easy Read letters", "summary": "Letters."})

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    assert Project.objects.count() == 0


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
    assert bus_stops.stage == Stage.DEVELOPMENT


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
    assert bus_stops.stage == Stage.DESIGN


def test_project_advance_with_an_unknown_stage_asks_for_one_from_the_list(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "nonsense"})

    assert response.status_code == 200
    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<li><a href="#id_to_stage">Choose a stage from the list</a></li>')
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DESIGN


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
    assert bus_stops.stage == Stage.DESIGN


def test_project_advance_is_forbidden_to_someone_outside_the_project(
    tom: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(tom).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "development"})

    assert response.status_code == 403
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.DESIGN


def test_project_advance_at_evaluation_says_it_is_the_last_stage(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Stage.EVALUATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/next-stage/")

    assertContains(response, '<h1 class="govuk-heading-l">This project is at its last stage</h1>')
    assertContains(response, "The project is at the evaluation stage. There is no stage after it.")
    assertNotContains(response, '<form method="post" novalidate>')


def test_project_advance_posted_at_evaluation_is_refused(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Stage.EVALUATION)

    response = client_for(amina).post(f"/projects/{bus_stops.pk}/next-stage/", {"to_stage": "evaluation"})

    assertContains(response, "This project is at its last stage, evaluation. It cannot move on.")
    bus_stops.refresh_from_db()
    assert bus_stops.stage == Stage.EVALUATION


# --- Signed out ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/projects/", "/projects/new/", "/projects/1/", "/projects/1/next-stage/"])
def test_project_pages_send_someone_signed_out_to_sign_in(db, client: Client, path: str) -> None:
    response = client.get(path)

    assertRedirects(response, f"/accounts/sign-in/?next={path}")
