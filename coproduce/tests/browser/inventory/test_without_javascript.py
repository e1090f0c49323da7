"""Everything works with JavaScript turned off: the journeys use plain links and forms."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from coproduce.people.models import Person
from coproduce.tests.browser.inventory.shared import Site
from coproduce.tests.inventory import VISITS

# One tab with JavaScript turned off, on the inventory world put back as built before each test.
JAVASCRIPT = False


def test_without_javascript_a_coordinator_adds_a_person_starts_a_project_and_follows_the_model(site: Site, db):
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

    # The model's next step comes first: the main button is the assessment, with the rules for moving on listed.
    expect(page.get_by_role("button", name="Record the opportunity assessment")).to_be_visible()
    expect(page.get_by_text("Before the project moves to the development stage")).to_be_visible()
    page.get_by_role("link", name="Plan an activity for the design stage").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("activity")

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


def test_without_javascript_an_anonymous_concern_about_a_person_is_answered_and_read_by_reference(site: Site, db):
    from coproduce.decisions.models import Concern
    from coproduce.decisions.services.concerns import answer_concern

    page = site.page
    site.sign_in("grace")
    page.goto(reverse("decisions:concern_create"))
    # Every follow-up field shows without JavaScript; the choice decides which one is needed.
    page.get_by_label("A person, for example a member of staff").check()
    page.get_by_label("Who is it about? (if it is about a person)").fill("The receptionist")
    page.get_by_label("What is your concern?").fill("I was not given the quiet room I asked for.")
    page.get_by_label("No. Send it anonymously", exact=False).check()
    page.get_by_role("button", name="Send concern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Concern sent anonymously")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    answer_concern(
        Concern.objects.get(about_person="The receptionist"),
        response="We have booked it.",
        by=site.world.users["amina"],
    )

    page.context.clear_cookies()  # signed out: the reference is all it takes
    page.goto(reverse("decisions:concern_reference"))
    page.get_by_label("Reference").fill(reference.lower().replace("-", ""))
    page.get_by_role("button", name="Show the answer").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Your concern")
    expect(page.locator("main")).to_contain_text("We have booked it.")
    expect(page.get_by_role("button", name="Sign out")).to_have_count(0)
