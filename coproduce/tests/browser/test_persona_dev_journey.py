"""Dev's journey, from his first visit to a result, by keyboard alone on a 320 px wide screen, with axe-core
on every page (issue 17).

Dev is a member with a learning disability who reads Easy Read. He signs in by an emailed link that
comes in Easy Read, sees on his home page that his idea is late for an answer, finds a workshop on
Get involved, tells us his access needs once and is taken back to the workshop, registers, and reads
what co-production is, in Easy Read with pictures.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.contributions.models import Contribution
from coproduce.involvement.models import Activity, Registration
from coproduce.people.models import AccessProfile
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.inventory.reflow import NARROW, reflow_faults
from coproduce.tests.browser.keyboard import heading, move_focus_to, press, sign_in_by_emailed_link
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

WALKABOUT = "Accessible buses workshop"


def fits(page: Page) -> None:
    """Nothing scrolls sideways (WCAG 1.4.10) and axe-core finds nothing wrong."""
    assert reflow_faults(page) == ""
    assert axe_violations(page) == ""


def test_dev_finds_a_workshop_tells_his_needs_once_and_reads_easy_read(page: Page, live_server):
    world = build_world()
    dev = world.users["dev"]
    Contribution.objects.create(
        person=dev.person,
        project=world.project,
        kind="idea",
        summary="Put the bus number in big letters at the stop.",
        recorded_by=dev,
        recorded_at=timezone.now() - timedelta(days=35),
    )
    starts = (timezone.localtime() + timedelta(days=10)).replace(hour=11, minute=0, second=0, microsecond=0)
    Activity.objects.create(
        project=world.project,
        stage="design",
        kind="workshop",
        title=WALKABOUT,
        description="We look at three bus stops together and say what works.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        capacity=10,
        planned_rung="co_design",
        is_open=True,
        created_by=world.users["amina"],
    )
    page.set_viewport_size({"width": NARROW, "height": 800})
    page.goto("/")

    # The sign-in link comes in Easy Read, as Dev asked.
    sign_in_by_emailed_link(page, "dev@example.org", "Hello, Dev")
    assert "The link works 1 time." in str(mail.outbox[-1].body)
    fits(page)

    # His home says plainly that his idea is late for an answer, and shows him no staff list.
    contributions = page.get_by_role("main")
    expect(contributions).to_contain_text("Put the bus number in big letters")
    expect(contributions).to_contain_text("Late")
    expect(contributions).not_to_contain_text("Contributions waiting for an answer")

    # Get involved, from the navigation (behind its Menu button on a narrow screen), to the workshop.
    navigation = page.get_by_role("navigation", name="Main menu")
    press(page, navigation.get_by_role("button", name="Menu"))
    press(page, navigation.get_by_role("link", name="Get involved"))
    expect(heading(page)).to_contain_text("Get involved")
    fits(page)
    press(page, page.get_by_role("link", name=WALKABOUT))
    expect(heading(page)).to_have_text(WALKABOUT)
    fits(page)

    # Access needs once, and back to the workshop.
    press(page, page.get_by_role("link", name="tell us your access needs"))
    expect(heading(page)).to_have_text("Your access needs")
    fits(page)
    papers = page.get_by_role("checkbox", name="Send me papers by email before the meeting")
    move_focus_to(page, papers)
    page.keyboard.press("Space")
    expect(papers).to_be_checked()
    agree = page.get_by_label("I agree to you keeping a note of my access needs")
    if agree.count():
        move_focus_to(page, agree)
        page.keyboard.press("Space")
    press(page, page.get_by_role("button", name="Save access needs"))
    expect(heading(page)).to_have_text(WALKABOUT)
    expect(page.get_by_text("Your access needs have been saved")).to_be_visible()
    fits(page)
    needs = AccessProfile.objects.get(person=dev.person).needs.values_list("need", flat=True)
    assert "papers_by_email" in needs

    # He registers.
    press(page, page.get_by_role("button", name=f"Register for {WALKABOUT}"))
    if heading(page).inner_text().startswith("Register for"):
        fits(page)
        press(page, page.get_by_role("button", name="Yes, register me"))
    expect(page.get_by_text(f"You are registered for {WALKABOUT}")).to_be_visible()
    fits(page)
    assert Registration.objects.filter(person=dev.person, activity__title=WALKABOUT, status="registered").exists()

    # What co-production is: in Easy Read, first, because he reads Easy Read, with a picture for each idea.
    press(page, page.get_by_role("link", name="What co-production means here"))
    expect(page.get_by_text("You asked for Easy Read. So this page is in Easy Read.")).to_be_visible()
    assert page.get_by_role("main").locator("img").count() >= 11
    fits(page)
