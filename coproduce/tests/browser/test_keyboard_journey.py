"""A coordinator signs in by emailed link and moves a project to its next stage, by keyboard alone, saying
why when the model's involvement rule is not met."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.audit.models import AuditEvent
from coproduce.model import Stage
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import OpportunityAssessmentFactory
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import tab_to
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_keyboard_journey_sign_in_by_link_and_advance_a_project(page: Page, live_server):
    world = build_world()
    # The design is approved and the assessment recorded, so what is left before development is involvement.
    Project.objects.filter(pk=world.project.pk).update(design_approved_at=timezone.now())
    OpportunityAssessmentFactory.create(project=world.project)
    page.goto("/")

    tab_to(page, page.get_by_role("button", name="Sign in"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")

    tab_to(page, page.get_by_label("Email address"))
    page.keyboard.type("amina@example.org")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your email")
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/accounts/sign-in/link/[^/\s]+/)", str(mail.outbox[0].body))
    assert link is not None

    # Opening the emailed link is the one step that happens outside the page.
    page.goto(link.group(1))
    tab_to(page, page.get_by_role("button", name="Sign in"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Amina")

    tab_to(page, page.get_by_role("link", name=world.project.title, exact=True))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(world.project.title)

    # Nobody with lived experience has taken part at design yet: the checklist says so before any button,
    # and moving on anyway asks why, in words everyone in the project will read.
    expect(page.get_by_text("People with lived experience took part at the design stage")).to_be_visible()
    tab_to(page, page.get_by_role("link", name="Move to the development stage and say why people were not involved"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Move to the development stage?")
    assert axe_violations(page) == ""

    tab_to(page, page.get_by_role("button", name="Yes, move to development"))
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("say why the project is moving on without them")
    tab_to(page, page.get_by_label("Why is the project moving on without them?"))
    page.keyboard.type("The bus company needs our plan this month; the group meets at development.")
    tab_to(page, page.get_by_role("button", name="Yes, move to development"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("This project is at the development stage")).to_be_visible()
    expect(page.get_by_text("The reason given: The bus company needs our plan this month")).to_be_visible()

    world.project.refresh_from_db()
    assert world.project.stage == Stage.DEVELOPMENT
    assert AuditEvent.objects.for_target(world.project).filter(action="projects.stage_advanced").count() == 1


def test_skip_link_moves_focus_to_main_content(page: Page, live_server):
    page.goto("/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")

    assert page.evaluate("location.hash") == "#main-content"


def test_error_summary_links_move_focus_to_the_field(page: Page, live_server):
    page.goto("/accounts/sign-in/")
    tab_to(page, page.get_by_role("button", name="Email me a sign-in link"))
    page.keyboard.press("Enter")

    tab_to(page, page.get_by_role("link", name="Enter your email address"))
    page.keyboard.press("Enter")

    expect(page.get_by_label("Email address")).to_be_focused()


def test_stage_change_refused_when_project_moved_meanwhile(page: Page, sign_in_as, live_server):
    world = build_world()
    Project.objects.filter(pk=world.project.pk).update(design_approved_at=timezone.now())
    sign_in_as(world.users["amina"])
    page.goto(f"/projects/{world.project.pk}/next-stage/")
    # Someone else moves the project on while this page is open.
    Project.objects.filter(pk=world.project.pk).update(stage=Stage.DEVELOPMENT)

    tab_to(page, page.get_by_role("button", name="Yes, move to development"))
    page.keyboard.press("Enter")

    expect(page.locator(".govuk-error-summary")).to_contain_text("This project is already at the development stage")
    world.project.refresh_from_db()
    assert world.project.stage == Stage.DEVELOPMENT
    assert axe_violations(page) == ""
