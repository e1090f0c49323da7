"""Issue 8, part 3, by keyboard alone, with axe-core on every page reached.

Sam, the data lead, opens the representation view for a year in which 40 people with equality
monitoring answers took part, only 5 of them women. Women are "fewer than expected" compared with
Census 2021; Sam records an outreach action for them, first sending the form empty.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.analytics.models import OutreachAction
from coproduce.analytics.queries import default_period, gaps_without_action
from coproduce.analytics.services import ensure_reference_data
from coproduce.analytics.tests.factories import under_represented_world
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import heading, press, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def check(page: Page, title: str) -> None:
    expect(heading(page)).to_have_text(title)
    assert axe_violations(page) == ""


def test_data_lead_sees_fewer_than_expected_and_records_an_outreach_action(page: Page, sign_in_as):
    world = build_world()
    ensure_reference_data()
    under_represented_world(world.project, world.users["amina"])
    sign_in_as(world.users["sam"])

    page.goto(reverse("analytics:representation"))
    check(page, "Who is involved, compared with the population")
    sex = page.get_by_role("table", name="Sex", exact=True)
    women = sex.get_by_role("row", name="Female")
    expect(women).to_contain_text("Fewer than expected")
    expect(women).to_contain_text("51.0%")
    expect(page.get_by_role("main")).to_contain_text("Sex: Female (fewer than expected)")

    press(page, page.get_by_role("link", name="Record an outreach action for Sex: Female"))
    check(page, "Record an outreach action")

    # Sent empty first: the errors are shown and nothing is saved.
    press(page, page.get_by_role("button", name="Save outreach action"))
    check(page, "Record an outreach action")
    expect(page).to_have_title("Error: Record an outreach action – Coproduce")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say what will be done")
    assert not OutreachAction.objects.exists()

    due = timezone.localdate() + timedelta(days=60)
    type_into(
        page, page.get_by_label("What will be done"), "Meet the women's disability forum and ask how we can help."
    )
    type_into(page, page.get_by_label("Day"), str(due.day))
    type_into(page, page.get_by_label("Month"), str(due.month))
    type_into(page, page.get_by_label("Year"), str(due.year))
    press(page, page.get_by_role("button", name="Save outreach action"))

    check(page, "Who is involved, compared with the population")
    expect(page.get_by_text("Outreach action recorded for Sex: Female.")).to_be_visible()
    actions = page.get_by_role("table", name="Outreach actions recorded")
    expect(actions).to_contain_text("Meet the women's disability forum")
    assert OutreachAction.objects.get().recorded_by == world.users["sam"]
    assert gaps_without_action(default_period()) == []
