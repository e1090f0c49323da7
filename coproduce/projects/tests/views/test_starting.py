"""Starting a project, at the idea stage or at design with a co-lead."""

import pytest
from pytest_django.asserts import assertContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole, StageChange
from coproduce.projects.tests.views.helpers import ERROR_SUMMARY, ClientFor

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
        response,
        '<input class="govuk-radios__input" id="id_start_at_0" name="start_at" type="radio" value="idea" required>',
    )
    assertContains(
        response,
        '<input class="govuk-radios__input" id="id_start_at_1" name="start_at" type="radio" value="design" required>',
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
