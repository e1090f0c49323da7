"""The co-production opportunity assessment page: recording it, changing it, and who may."""

from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.model import LadderRung
from coproduce.projects.models import OpportunityAssessment, Project
from coproduce.projects.tests.factories import OpportunityAssessmentFactory

ClientFor = Callable[[User], Client]

ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'

GOOD_ANSWERS = {
    "who_is_affected": "Wheelchair users who take the bus.",
    "coproducible_stages": ["design", "evaluation"],
    "what_is_fixed": "The council sets the budget.",
    "planned_rung_design": "co_production",
    "planned_rung_development": "co_design",
    "planned_rung_implementation": "informing",
    "planned_rung_evaluation": "engagement",
    "people_to_involve": "Members who use wheelchairs.",
}


def url(project: Project) -> str:
    return f"/projects/{project.pk}/assessment/"


def test_project_assessment_asks_each_question(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).get(url(bus_stops))

    assertContains(response, '<h1 class="govuk-heading-l">Where can co-production help most?</h1>')
    assertContains(response, 'for="id_who_is_affected">Who does this project affect?</label>')
    assertContains(
        response,
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
        "Which stages can people with lived experience shape?</legend>",
    )
    assertContains(response, 'name="coproducible_stages" type="checkbox"', count=4)
    assertContains(response, 'for="id_what_is_fixed">What is fixed and cannot change, and why?</label>')
    assertContains(
        response,
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">'
        "How much say will people have at the design stage?</legend>",
    )
    assertContains(response, 'name="planned_rung_evaluation" type="radio"', count=6)
    assertContains(
        response, "Co-production: People and staff work together as equals. They share the work from start to finish."
    )
    assertNotContains(response, 'value="coercion"')
    assertContains(response, ">Save the assessment</button>")
    assertNotContains(response, ERROR_SUMMARY)


@pytest.mark.parametrize("persona", ["amina", "morgan", "dev"])
def test_project_assessment_records_it_and_shows_it_on_the_project_page(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    user = request.getfixturevalue(persona)

    response = client_for(user).post(url(bus_stops), GOOD_ANSWERS, follow=True)

    assertRedirects(response, f"/projects/{bus_stops.pk}/")
    assertContains(response, '<p class="govuk-notification-banner__heading">The opportunity assessment is saved.</p>')
    assertContains(response, '<dd class="govuk-summary-list__value">Design and Evaluation</dd>')
    saved = OpportunityAssessment.objects.get(project=bus_stops)
    assert (
        saved.can_coproduce_design,
        saved.can_coproduce_development,
        saved.can_coproduce_implementation,
        saved.can_coproduce_evaluation,
    ) == (True, False, False, True)
    assert saved.planned_rung_implementation == LadderRung.INFORMING
    assert saved.recorded_by == user
    assert AuditEvent.objects.get(action="projects.assessment_recorded").payload == {"is_new": True}


def test_project_assessment_of_a_recorded_one_shows_the_answers_to_change(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    OpportunityAssessmentFactory.create(project=bus_stops)

    response = client_for(amina).get(url(bus_stops))

    assertContains(
        response, 'id="id_coproducible_stages_0" name="coproducible_stages" type="checkbox" value="design" checked>'
    )
    assertContains(
        response, 'id="id_coproducible_stages_2" name="coproducible_stages" type="checkbox" value="implementation">'
    )
    assertContains(response, 'name="planned_rung_design" type="radio" value="co_production" checked required>')
    assertContains(response, "The budget is set by the council for this year.</textarea>")
    assertContains(response, ">Save changes</button>")


def test_project_assessment_changes_the_recorded_one(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    existing = OpportunityAssessmentFactory.create(project=bus_stops)

    client_for(amina).post(url(bus_stops), {**GOOD_ANSWERS, "what_is_fixed": "Nothing is fixed."})

    saved = OpportunityAssessment.objects.get(project=bus_stops)
    assert saved.pk == existing.pk
    assert saved.what_is_fixed == "Nothing is fixed."
    assert saved.can_coproduce_development is False


def test_project_assessment_with_nothing_filled_in_shows_every_error_and_writes_nothing(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(url(bus_stops), {})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<li><a href="#id_who_is_affected">Say who the project affects</a></li>')
    assertContains(
        response, '<li><a href="#id_coproducible_stages_0">Select at least one stage that people can shape</a></li>'
    )
    assertContains(
        response,
        '<li><a href="#id_what_is_fixed">Say what cannot change and why, or write “Nothing is fixed”</a></li>',
    )
    assertContains(
        response,
        '<li><a href="#id_planned_rung_design_0">Select how much say people will have at the design stage</a></li>',
    )
    assertContains(
        response,
        '<li><a href="#id_planned_rung_evaluation_0">'
        "Select how much say people will have at the evaluation stage</a></li>",
    )
    assertContains(response, '<li><a href="#id_people_to_involve">Say who we should involve</a></li>')
    assertContains(response, "<title>Error: Opportunity assessment – Step-free bus stops – Coproduce</title>")
    assert OpportunityAssessment.objects.exists() is False
    assert AuditEvent.objects.exists() is False


def test_project_assessment_refuses_coercion_as_a_plan(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).post(url(bus_stops), {**GOOD_ANSWERS, "planned_rung_design": "coercion"})

    assertContains(
        response,
        '<li><a href="#id_planned_rung_design_0">Select how much say people will have at the design stage</a></li>',
    )
    assert OpportunityAssessment.objects.exists() is False


def test_project_assessment_refuses_an_unknown_stage(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).post(url(bus_stops), {**GOOD_ANSWERS, "coproducible_stages": ["closed"]})

    assertContains(response, '<li><a href="#id_coproducible_stages_0">Select stages from the list</a></li>')
    assert OpportunityAssessment.objects.exists() is False


@pytest.mark.parametrize("persona", ["grace", "sam", "tom", "priya"])
def test_project_assessment_is_forbidden_to_everyone_but_coordinators_and_the_co_lead(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    get_response = client.get(url(bus_stops))
    post_response = client.post(url(bus_stops), GOOD_ANSWERS)

    assert (get_response.status_code, post_response.status_code) == (403, 403)
    assert OpportunityAssessment.objects.exists() is False


def test_project_assessment_of_no_project_is_not_found(amina: User, client_for: ClientFor) -> None:
    assert client_for(amina).get("/projects/999999/assessment/").status_code == 404
