"""Journeys 1 and 2 of product.md, by keyboard alone, with axe-core on every page reached.

1. A coordinator starts a project at the design stage with a member co-lead, records the opportunity
   assessment, plans a co-design workshop with its access arrangements and opens it for registration.
2. A member who uses Easy Read signs in by emailed link, finds the workshop and registers; the
   coordinator's roster shows his need; the workshop cannot be marked ready until the need is met;
   then attendance is recorded.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from coproduce.involvement.models import Activity, Attendance, Registration
from coproduce.projects.models import Membership, OpportunityAssessment, Project, ProjectRole
from coproduce.tests.browser.amina import fill_in_new_project
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import (
    choose,
    heading,
    navigation_link,
    press,
    sign_in_by_emailed_link,
    tick,
    type_date,
    type_into,
)
from coproduce.tests.world import build_world, ready_to_lead, started

pytestmark = pytest.mark.django_db(transaction=True)


def rung(page: Page, stage: str, label: str) -> Locator:
    group = page.get_by_role("group", name=f"How much say will people have at the {stage} stage?")
    return group.get_by_role("radio", name=re.compile(f"^{label}:"))


def test_coordinator_journey_project_assessment_and_workshop(page: Page, sign_in_as, live_server):
    world = ready_to_lead(build_world())
    sign_in_as(world.users["amina"])
    page.goto("/")
    expect(heading(page)).to_have_text("Hello, Amina")
    assert axe_violations(page) == ""

    # Start a project at the design stage, with Dev as co-lead: first saved empty.
    press(page, navigation_link(page, "Projects"))
    expect(heading(page)).to_have_text("Projects")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Start a project"))
    expect(heading(page)).to_have_text("Start a project")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Start project"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the project name")
    assert axe_violations(page) == ""
    fill_in_new_project(page)
    expect(heading(page)).to_have_text("Accessible town centre")
    expect(page.get_by_text("You started the project at the design stage.")).to_be_visible()
    assert axe_violations(page) == ""

    # The opportunity assessment: first saved empty.
    press(page, page.get_by_role("button", name="Record the opportunity assessment"))
    expect(heading(page)).to_have_text("Where can co-production help most?")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save the assessment"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say who the project affects")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Who does this project affect?"), "Disabled people who shop in town.")
    tick(page, page.get_by_role("checkbox", name="Design"))
    tick(page, page.get_by_role("checkbox", name="Development"))
    type_into(
        page, page.get_by_label("What is fixed and cannot change, and why?"), "The budget is fixed by the council."
    )
    choose(page, rung(page, "design", "Co-design"))
    choose(page, rung(page, "development", "Co-production"))
    choose(page, rung(page, "implementation", "Engagement"))
    choose(page, rung(page, "evaluation", "Consultation"))
    type_into(page, page.get_by_label("Who should we involve?"), "Wheelchair users, carers, older people.")
    press(page, page.get_by_role("button", name="Save the assessment"))
    expect(heading(page)).to_have_text("Accessible town centre")
    expect(page.get_by_role("main")).to_contain_text("The budget is fixed by the council.")
    assert axe_violations(page) == ""

    # Plan a co-design workshop with its access arrangements: first saved with nothing filled in.
    press(page, page.get_by_role("link", name="Plan an activity for this project"))
    expect(heading(page)).to_have_text("Plan an activity")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save activity"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the name of the activity")
    assert axe_violations(page) == ""
    starts = timezone.localdate() + timedelta(days=30)
    type_into(page, page.get_by_label("Name of the activity"), "Town centre design workshop")
    choose(page, page.get_by_role("group", name="What kind of activity is it?").get_by_label("Workshop"))
    type_into(page, page.get_by_label("What is it about?"), "We design the new town centre together.")
    type_into(page, page.get_by_label("Easy Read summary (optional)"), "We will talk about the town centre.")
    choose(page, page.get_by_role("group", name="How will it happen?").get_by_label("In person", exact=True))
    day, month, year = str(starts.day), str(starts.month), str(starts.year)
    type_date(page, page.get_by_role("group", name="When does it start?"), day, month, year, "10am")
    type_date(page, page.get_by_role("group", name="When does it end?"), day, month, year, "1pm")
    type_into(page, page.get_by_label("Where is it? (optional)"), "Riverside Library, 1 High Street")
    type_into(
        page,
        page.get_by_label("Access at the venue (optional)"),
        "Step-free entrance, hearing loop, accessible toilet, quiet room.",
    )
    type_into(page, page.get_by_label("How many places are there? (optional)"), "15")
    choose(page, page.get_by_role("radio", name=re.compile("^Co-design:")))
    tick(page, page.get_by_role("checkbox", name="Our email list"))
    tick(page, page.get_by_role("checkbox", name="Partner organisations"))
    type_into(
        page,
        page.get_by_label("Which groups who are often left out will you try to reach? (optional)"),
        "People whose first language is not English.",
    )
    press(page, page.get_by_role("button", name="Save activity"))
    expect(heading(page)).to_have_text("Town centre design workshop")
    expect(page.get_by_text("Town centre design workshop is saved.")).to_be_visible()
    expect(page.locator(".govuk-warning-text")).to_have_count(0)
    assert axe_violations(page) == ""

    # Open it for registration.
    press(page, page.get_by_role("link", name="Open for registration"))
    expect(heading(page)).to_have_text("Open Town centre design workshop for registration?")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Yes, open registration"))
    expect(page.get_by_text("Open. It shows on Get involved.")).to_be_visible()
    assert axe_violations(page) == ""

    project = Project.objects.get(title="Accessible town centre")
    assert project.stage == "design"
    roles = {
        (membership.person.full_name, membership.role) for membership in Membership.objects.filter(project=project)
    }
    assert roles == {
        ("Devendra Patel", ProjectRole.CO_LEAD),
        ("Amina Haddad", ProjectRole.STAFF_LEAD),
        ("Grace Okafor", ProjectRole.CHAMPION),
    }
    assessment = OpportunityAssessment.objects.get(project=project)
    assert assessment.who_is_affected == "Disabled people who shop in town."
    assert assessment.what_is_fixed == "The budget is fixed by the council."
    assert (assessment.can_coproduce_design, assessment.can_coproduce_development) == (True, True)
    assert (assessment.can_coproduce_implementation, assessment.can_coproduce_evaluation) == (False, False)
    assert [
        assessment.planned_rung_design,
        assessment.planned_rung_development,
        assessment.planned_rung_implementation,
        assessment.planned_rung_evaluation,
    ] == ["co_design", "co_production", "engagement", "consultation"]
    workshop = Activity.objects.get(project=project)
    assert (workshop.kind, workshop.stage, workshop.format, workshop.planned_rung) == (
        "workshop",
        "design",
        "in_person",
        "co_design",
    )
    assert workshop.venue_access == "Step-free entrance, hearing loop, accessible toilet, quiet room."
    assert timezone.localtime(workshop.starts_at).date() == starts
    assert workshop.capacity == 15
    assert workshop.is_open is True
    assert sorted(workshop.outreach.values_list("channel", flat=True)) == ["email_list", "partner_organisations"]


def test_member_registers_and_the_workshop_is_ready_only_when_his_need_is_met(page: Page, live_server):
    world = build_world()
    workshop = world.activity
    # Dev has not registered for the workshop yet: he does so below.
    world.registration.delete()

    page.goto("/")
    sign_in_by_emailed_link(page, "dev@example.org", "Hello, Dev")

    # Get involved, with the Easy Read summary.
    press(page, navigation_link(page, "Get involved"))
    expect(heading(page)).to_have_text("Get involved")
    assert axe_violations(page) == ""
    press(page, page.locator("summary").filter(has_text=f"Easy Read about {workshop.title}"))
    expect(page.get_by_text("We will talk about bus stops.")).to_be_visible()
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=workshop.title))
    expect(heading(page)).to_have_text(workshop.title)
    expect(page.get_by_role("heading", name="Easy Read")).to_be_visible()
    expect(page.get_by_text("You can say what you think.")).to_be_visible()
    assert axe_violations(page) == ""

    # He registers in one step.
    press(page, page.get_by_role("button", name=f"Register for {workshop.title}"))
    expect(page.get_by_text(f"You are registered for {workshop.title}. We have sent you an email.")).to_be_visible()
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Sign out"))
    expect(heading(page)).to_have_text("You have signed out")
    assert axe_violations(page) == ""

    # Amina signs in and finds Dev's Easy Read need on the roster.
    press(page, navigation_link(page, "Home"))
    sign_in_by_emailed_link(page, "amina@example.org", "Hello, Amina")
    press(page, navigation_link(page, "Get involved"))
    expect(heading(page)).to_have_text("Get involved")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Plan and run activities"))
    expect(heading(page)).to_have_text("Plan and run activities")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=workshop.title))
    expect(heading(page)).to_have_text(workshop.title)
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="See who is coming"))
    expect(heading(page)).to_have_text(f"Who is coming to {workshop.title}")
    card = page.locator(".govuk-summary-card").filter(has_text="Devendra Patel")
    expect(card.locator(".govuk-summary-list__row").filter(has_text="Formats")).to_contain_text("Easy Read")
    expect(page.get_by_text("1 access need is not met yet.")).to_be_visible()
    assert axe_violations(page) == ""

    # Marking it ready is refused while the need is unmet.
    press(page, page.get_by_role("link", name=f"Back to {workshop.title}"))
    expect(heading(page)).to_have_text(workshop.title)
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Mark as ready"))
    expect(heading(page)).to_have_text(f"Mark {workshop.title} as ready?")
    expect(page.get_by_role("main")).to_contain_text("Devendra Patel: Easy Read")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Mark as ready"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "This activity cannot be marked ready yet. 1 access need is not met. "
        "Mark each need as met, or say why it cannot be met."
    )
    assert axe_violations(page) == ""
    workshop.refresh_from_db()
    assert workshop.ready_at is None

    # She marks the need met.
    press(page, page.get_by_role("link", name="Update support for Devendra Patel"))
    expect(heading(page)).to_have_text("Support for Devendra Patel")
    assert axe_violations(page) == ""
    choose(page, page.get_by_role("group", name="Easy Read").get_by_label("Met", exact=True))
    press(page, page.get_by_role("button", name="Save support"))
    expect(page.get_by_text("Support for Devendra Patel is saved.")).to_be_visible()
    expect(page.get_by_text("Every access need is met or explained.")).to_be_visible()
    assert axe_violations(page) == ""

    # Now it can be marked ready.
    press(page, page.get_by_role("link", name="mark the activity as ready"))
    expect(heading(page)).to_have_text(f"Mark {workshop.title} as ready?")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Mark as ready"))
    expect(page.get_by_text(f"{workshop.title} is ready.")).to_be_visible()
    assert axe_violations(page) == ""

    # After the workshop she records who attended: first saved with nobody chosen.
    started(workshop)
    press(page, page.get_by_role("button", name="Record who attended"))
    expect(heading(page)).to_have_text(f"Who attended {workshop.title}")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save attendance"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose who came")
    assert axe_violations(page) == ""
    tick(page, page.get_by_role("checkbox", name="Devendra Patel"))
    press(page, page.get_by_role("button", name="Save attendance"))
    expect(page.get_by_text("Attendance saved for 1 person.")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("Devendra Patel")
    assert axe_violations(page) == ""

    dev = world.users["dev"].person
    assert Registration.objects.filter(activity=workshop, person=dev, status="registered").count() == 1
    workshop.refresh_from_db()
    assert workshop.ready_at is not None
    assert workshop.is_ready is True
    attendance = Attendance.objects.get(activity=workshop, person=dev)
    assert (attendance.role, attendance.minutes, attendance.recorded_by) == ("participant", 120, world.users["amina"])
