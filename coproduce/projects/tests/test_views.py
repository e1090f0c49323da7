"""The project pages: the list, a project, starting one and moving it to its next stage."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import IntakeStatus, Lifecycle, Membership, Project, ProjectRole, StageChange
from coproduce.projects.tests.factories import (
    IdeaFactory,
    OpportunityAssessmentFactory,
    ProjectFactory,
    StageChangeFactory,
)

ClientFor = Callable[[User], Client]

# The most queries the project list may make, however many projects there are.
PROJECT_LIST_MAX_QUERIES = 5
# The most queries a project page may make, however big its project group.
PROJECT_DETAIL_MAX_QUERIES = 10

MOVE_BUTTON = "Move to the development stage</a>"
ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'


def at_stage(project: Project, stage: Lifecycle) -> None:
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
    at_stage(bus_stops, Lifecycle.IMPLEMENTATION)

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


def test_project_detail_at_evaluation_offers_to_close_the_project(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    at_stage(bus_stops, Lifecycle.EVALUATION)

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, f'<a href="/projects/{bus_stops.pk}/next-stage/" role="button"')
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


# --- Starting a project ----------------------------------------------------------------


def test_project_create_with_valid_post_starts_it_at_design_with_its_leads(
    amina: User, dev: User, grace: User, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        "/projects/new/",
        {
            "title": "Easy Read letters",
            "summary": "Letters that everyone can read.",
            "start_at": "design",
            "co_lead": str(dev.person.pk),
            "staff_lead": str(amina.person.pk),
            "champion": str(grace.person.pk),
        },
    )

    project = Project.objects.get(title="Easy Read letters")
    assertRedirects(response, f"/projects/{project.pk}/")
    assert project.stage == Lifecycle.DESIGN
    assert project.summary == "Letters that everyone can read."
    assert project.created_by == amina
    assert {(m.person_id, m.role) for m in project.memberships.all()} == {
        (dev.person.pk, ProjectRole.CO_LEAD),
        (amina.person.pk, ProjectRole.STAFF_LEAD),
        (grace.person.pk, ProjectRole.CHAMPION),
    }


def test_project_create_without_leads_starts_an_idea_with_no_group(amina: User, client_for: ClientFor) -> None:
    client_for(amina).post(
        "/projects/new/",
        {
            "title": "Easy Read letters",
            "summary": "Letters.",
            "start_at": "idea",
            "co_lead": "",
            "staff_lead": "",
            "champion": "",
        },
    )

    project = Project.objects.get(title="Easy Read letters")
    assert project.stage == Lifecycle.IDEA
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

    assertContains(page, "Add a co-lead with lived experience before the project moves to design.")
    assertContains(
        page, f'<a class="govuk-link" href="/projects/{idea.pk}/group/add/">Add a co-lead to the project group</a>'
    )
    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#confirm-stage">Add a co-lead with lived experience before the project moves to design.</a></li>',
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


# --- Signed out ------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/projects/", "/projects/new/", "/projects/1/", "/projects/1/next-stage/"])
def test_project_pages_send_someone_signed_out_to_sign_in(db, client: Client, path: str) -> None:
    response = client.get(path)

    assertRedirects(response, f"/accounts/sign-in/?next={path}")


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


def test_project_detail_of_an_idea_without_a_co_lead_warns_before_design(amina: User, client_for: ClientFor) -> None:
    idea = ProjectFactory.create(stage=Lifecycle.IDEA)

    response = client_for(amina).get(f"/projects/{idea.pk}/")

    assertContains(response, "This project is at the <strong>idea</strong> stage")
    assertContains(
        response,
        '<span class="govuk-visually-hidden">Warning</span>'
        "Add a co-lead with lived experience before the project moves to design.",
    )
    assertContains(response, ">Move to the design stage</a>")


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


# --- Starting a project at design needs a co-lead ----------------------------------------------


def test_project_create_at_design_without_a_co_lead_shows_the_error_and_writes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        "/projects/new/",
        {"title": "Easy Read letters", "summary": "Letters.", "start_at": "design", "staff_lead": str(amina.person.pk)},
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#id_co_lead">Choose a co-lead with lived experience to start the project at design, '
        "or start it at the idea stage.</a></li>",
    )
    assert (Project.objects.count(), Membership.objects.count(), StageChange.objects.count()) == (0, 0, 0)
    assert AuditEvent.objects.exists() is False


def test_project_create_at_design_without_a_co_lead_when_the_rule_is_off(
    amina: User, client_for: ClientFor, settings
) -> None:
    settings.COPRODUCE_REQUIRE_CO_LEAD = False

    response = client_for(amina).post(
        "/projects/new/", {"title": "Easy Read letters", "summary": "Letters.", "start_at": "design"}
    )

    project = Project.objects.get(title="Easy Read letters")
    assertRedirects(response, f"/projects/{project.pk}/")
    assert project.stage == Lifecycle.DESIGN


def test_project_create_asks_where_the_project_starts(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/projects/new/")

    assertContains(
        response,
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Where does the project start?</legend>',
    )
    assertContains(
        response, '<input class="govuk-radios__input" id="id_start_at_0" name="start_at" type="radio" value="idea">'
    )
    assertContains(
        response, '<input class="govuk-radios__input" id="id_start_at_1" name="start_at" type="radio" value="design">'
    )
    assertContains(response, "A project at the design stage needs a co-lead with lived experience.")


def test_project_create_without_a_start_asks_for_one(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).post("/projects/new/", {"title": "Easy Read letters", "summary": "Letters."})

    assertContains(response, '<li><a href="#id_start_at_0">Select where the project starts</a></li>')
    assert Project.objects.exists() is False


def test_project_create_says_where_the_project_started(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).post(
        "/projects/new/", {"title": "Easy Read letters", "summary": "Letters.", "start_at": "idea"}, follow=True
    )

    assertContains(
        response, '<p class="govuk-notification-banner__heading">You started the project at the idea stage.</p>'
    )
