"""Approving a project's design, and adding people to the project group."""

from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.projects.models import Lifecycle, Membership, Project
from coproduce.projects.tests.factories import ProjectFactory

ClientFor = Callable[[User], Client]

ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'


# --- Approving the design --------------------------------------------------------------------


def test_project_approve_design_asks_to_confirm(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/approve-design/")

    assertContains(response, '<h1 class="govuk-heading-l">Approve the design?</h1>')
    assertContains(response, ">Yes, approve the design</button>")
    assertNotContains(response, ERROR_SUMMARY)


def test_project_approve_design_without_early_involvement_explains_and_writes_nothing(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/projects/{bus_stops.pk}/approve-design/", {})

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#approve-design">Record at least one activity where people took part at the idea or design '
        "stage before you approve the design.</a></li>",
    )
    assertContains(response, "<title>Error: Approve the design – Step-free bus stops – Coproduce</title>")
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None
    assert AuditEvent.objects.exists() is False


def test_project_approve_design_of_a_project_already_approved_says_when(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    Project.objects.filter(pk=bus_stops.pk).update(
        design_approved_at="2026-06-03T09:00:00+00:00", design_approved_by=amina
    )

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/approve-design/")

    assertContains(response, "The design was approved on 3 June 2026.")
    assertNotContains(response, "Yes, approve the design")


@pytest.mark.parametrize("persona", ["dev", "grace", "sam"])
def test_project_approve_design_is_forbidden_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    get_response = client.get(f"/projects/{bus_stops.pk}/approve-design/")
    post_response = client.post(f"/projects/{bus_stops.pk}/approve-design/", {})

    assert (get_response.status_code, post_response.status_code) == (403, 403)
    bus_stops.refresh_from_db()
    assert bus_stops.design_approved_at is None


# --- Adding someone to the project group -------------------------------------------------------


def test_project_add_to_group_asks_who_and_in_what_role(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/projects/{bus_stops.pk}/group/add/")

    assertContains(response, '<h1 class="govuk-heading-l">Add someone to the project group</h1>')
    assertContains(response, '<label class="govuk-label govuk-label--s" for="id_person">Person</label>')
    assertContains(response, 'name="role" type="radio" value="co_lead"')
    assertContains(response, ">Add to the project group</button>")


def test_project_add_to_group_makes_a_co_lead_so_an_idea_can_move_to_design(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    idea = ProjectFactory.create(stage=Lifecycle.IDEA)

    response = client_for(amina).post(
        f"/projects/{idea.pk}/group/add/", {"person": str(dev.person.pk), "role": "co_lead"}, follow=True
    )
    moved = client_for(amina).post(
        f"/projects/{idea.pk}/next-stage/", {"to_stage": "design", "reason": "Dev's idea: he was there from the start."}
    )

    assertRedirects(response, f"/projects/{idea.pk}/")
    assertContains(
        response,
        '<p class="govuk-notification-banner__heading">Dev is in the project group as co-lead (lived experience).</p>',
    )
    assertRedirects(moved, f"/projects/{idea.pk}/", fetch_redirect_response=False)
    idea.refresh_from_db()
    assert idea.stage == Lifecycle.DESIGN


def test_project_add_to_group_refuses_a_co_lead_without_lived_experience(
    amina: User, tom: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        f"/projects/{bus_stops.pk}/group/add/", {"person": str(tom.person.pk), "role": "co_lead"}
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<li><a href="#id_person">Choose a member or a carer as co-lead, or give this person another role</a></li>',
    )
    assert Membership.objects.filter(person=tom.person).exists() is False


def test_project_add_to_group_refuses_a_role_the_person_has(
    amina: User, grace: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        f"/projects/{bus_stops.pk}/group/add/", {"person": str(grace.person.pk), "role": "member"}
    )

    assertContains(response, '<li><a href="#id_person">Grace already has this role in the project group.</a></li>')
    assert Membership.objects.filter(person=grace.person).count() == 1


def test_project_add_to_group_with_nothing_chosen_shows_the_errors_and_writes_nothing(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    memberships_before = Membership.objects.count()

    response = client_for(amina).post(f"/projects/{bus_stops.pk}/group/add/", {})

    assertContains(response, '<li><a href="#id_person">Choose a person</a></li>')
    assertContains(response, '<li><a href="#id_role_0">Select their role</a></li>')
    assert Membership.objects.count() == memberships_before
    assert AuditEvent.objects.exists() is False


@pytest.mark.parametrize("persona", ["dev", "grace", "sam"])
def test_project_add_to_group_is_forbidden_to_everyone_but_coordinators(
    request: pytest.FixtureRequest, tom: User, bus_stops: Project, client_for: ClientFor, persona: str
) -> None:
    client = client_for(request.getfixturevalue(persona))

    get_response = client.get(f"/projects/{bus_stops.pk}/group/add/")
    post_response = client.post(
        f"/projects/{bus_stops.pk}/group/add/", {"person": str(tom.person.pk), "role": "member"}
    )

    assert (get_response.status_code, post_response.status_code) == (403, 403)
    assert Membership.objects.filter(person=tom.person).exists() is False
