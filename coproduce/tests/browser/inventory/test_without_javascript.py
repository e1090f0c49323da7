"""Everything works with JavaScript turned off: the journeys use plain links and forms."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from coproduce.people.models import Person
from coproduce.tests.browser.inventory.shared import Site
from coproduce.tests.inventory import VISITS

# One tab with JavaScript turned off, on the inventory world put back as built before each test.
JAVASCRIPT = False


def test_without_javascript_a_coordinator_adds_a_person_creates_and_advances_a_project(site: Site, db):
    page = site.page
    page.goto("/accounts/sign-in/password/")
    page.get_by_label("Email address").fill("amina@example.org")
    page.get_by_label("Password").fill("correct-horse-battery-staple")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Amina")

    page.get_by_role("link", name="People").click()
    page.get_by_role("button", name="Add a person").click()
    page.get_by_label("Full name").fill("Rosa Lindqvist")
    page.get_by_label("Member (lived experience)").check()
    page.get_by_role("button", name="Add person").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Rosa Lindqvist")
    assert Person.objects.filter(full_name="Rosa Lindqvist", recorded_by__email="amina@example.org").exists()

    page.get_by_role("link", name="Projects").click()
    page.get_by_role("button", name="Start a project").click()
    page.get_by_role("button", name="Start project").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the project name")
    page.get_by_label("Project name").fill("Accessible council meetings")
    page.get_by_label("What is the project about?").fill("Council meetings that everyone can follow.")
    page.get_by_label("At the design stage: we are ready to plan it with people").check()
    page.get_by_label("Co-lead with lived experience").select_option(label="Devendra Patel")
    page.get_by_role("button", name="Start project").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessible council meetings")

    page.get_by_role("button", name="Move to the development stage").click()
    page.get_by_role("button", name="Yes, move to development").click()
    expect(page.get_by_text("This project is at the development stage")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("You have signed out")


def test_without_javascript_every_access_needs_follow_up_question_shows(site: Site, db):
    site.sign_in("grace")

    site.page.goto("/you/access-needs/")

    for question in (
        "Large print size, in points",
        "Which language?",
        "Which language do you need an interpreter for?",
        "Your dietary needs",
        "How many days before a meeting do you want the papers? (optional)",
        "What time of day suits you? (optional)",
    ):
        expect(site.page.get_by_label(question, exact=True)).to_be_visible()


# One visit for each page: what differs between roles is tested with JavaScript on.
ONE_VISIT_PER_PAGE = list({v.url_name: v for v in reversed(VISITS) if v.action is None and v.status == 200}.values())


@pytest.mark.parametrize("visit", ONE_VISIT_PER_PAGE, ids=lambda v: v.id)
def test_without_javascript_every_page_loads(visit, site: Site, db):
    site.sign_in(visit.persona)

    response = site.page.goto(reverse(visit.url_name, kwargs=visit.kwargs(site.world)))

    assert response is not None
    assert response.status == visit.status
    expect(site.page.get_by_role("heading", level=1)).to_be_visible()
