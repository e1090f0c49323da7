"""Journey 6 (part): a coordinator reads "How are we doing?" by keyboard alone, with axe-core on each page.

She filters the dashboard by project and period, reads an indicator's figure, target and table,
and asks for the figures to be worked out again.
"""

from datetime import date

import pytest
from playwright.sync_api import Page, expect

from coproduce.analytics.indicators.quarters import current_quarter, last_quarters
from coproduce.analytics.models import IndicatorValue
from coproduce.analytics.services import ensure_reference_data
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import heading, move_focus_to, press
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_reads_the_dashboard_by_project_and_period(page: Page, sign_in_as, live_server):
    world = build_world()
    ensure_reference_data()
    earlier = last_quarters(2)[0]
    for quarter, numerator in ((earlier, 45), (current_quarter(), 30)):
        IndicatorValue.objects.create(
            key="felt_listened_to",
            period_start=quarter.start,
            period_end=quarter.end,
            project=world.project,
            numerator=numerator,
            denominator=60,
        )
    assert earlier.start < date.today()
    sign_in_as(world.users["amina"])
    page.goto("/how-are-we-doing/")
    expect(heading(page)).to_have_text("How are we doing?")
    assert axe_violations(page) == ""

    # Choose the project and the earlier quarter with the keyboard, then show the figures.
    project = page.get_by_label("Project", exact=True)
    move_focus_to(page, project)
    page.keyboard.type(world.project.title)
    expect(project.locator("option:checked")).to_have_text(world.project.title)
    period = page.get_by_label("Period", exact=True)
    move_focus_to(page, period)
    page.keyboard.type(earlier.label)
    expect(period.locator("option:checked")).to_have_text(earlier.label)
    press(page, page.get_by_role("button", name="Show these figures"))
    expect(page.locator(".govuk-caption-l")).to_have_text(f"{world.project.title}, {earlier.label}")
    assert axe_violations(page) == ""

    # The top of the page says how the project is doing, in words, and links to each indicator.
    expect(page.locator("#overview + p")).to_have_text("1 of 11 targets met; not worked out yet for 10.")
    press(page, page.locator('a[href="#indicator-felt_listened_to"]').first)
    assert page.url.endswith("#indicator-felt_listened_to")

    # Read the indicator: its figure, its target in words, the chart's text and the table.
    indicator = page.locator("#indicator-felt_listened_to").locator("xpath=..")
    expect(indicator).to_contain_text("75%")
    expect(indicator).to_contain_text("Met the target")
    press(page, indicator.locator("summary").filter(has_text="Chart and table by quarter"))
    expect(indicator.get_by_role("img")).to_have_accessible_name(
        "People who felt listened to: chart of the last 4 quarters"
    )
    table = indicator.get_by_role("table", name="People who felt listened to, by quarter")
    expect(table.get_by_role("row", name=earlier.short_label)).to_contain_text("75%")
    press(page, indicator.locator("summary").filter(has_text="What this counts"))
    expect(indicator.get_by_role("link", name="See the records behind this figure")).to_be_visible()

    # Ask for the figures to be worked out again: the page says they are being worked out.
    press(page, page.get_by_role("button", name="Refresh now"))
    expect(page.get_by_text("The figures are being worked out again.").first).to_be_visible()
    expect(page.locator(".govuk-caption-l")).to_have_text(f"{world.project.title}, {earlier.label}")
    assert axe_violations(page) == ""
