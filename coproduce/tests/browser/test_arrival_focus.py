"""Where focus lands when a page arrives with news: once, on the error summary, the success banner or the results.

Defects heard with Orca reading Chromium (issue 17): the error summary and the success banner were
also live regions (role="alert") as well as being focused, so the reader said them as they loaded,
again on focus, and then lost its place and read the page from "Skip to main content"; after
filtering "Get involved" the whole header was heard again before how many activities were found.
"""

import pytest
from playwright.sync_api import Browser, Page, expect

from coproduce.accounts.tests.factories import UserFactory
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.tests.browser.conftest import new_context

pytestmark = pytest.mark.django_db(transaction=True)

# Every element that takes focus from the moment the page starts loading, in order.
RECORD_FOCUS = """
window.focusMoves = [];
document.addEventListener('focusin', (event) => {
    const el = event.target;
    window.focusMoves.push(el.className || el.tagName);
}, true);
"""

# Live regions in or around an element: a screen reader says their content as it arrives, as well as on focus.
LIVE_REGIONS = """(el) => [el, ...el.querySelectorAll('*')]
    .filter((node) => ['alert', 'status'].includes(node.getAttribute('role')) || node.hasAttribute('aria-live'))
    .map((node) => node.outerHTML.slice(0, 80))"""


def focus_moves_on_arrival(page: Page) -> list[str]:
    page.wait_for_load_state("load")
    return page.evaluate("window.focusMoves")


def test_sign_in_with_an_empty_email_moves_focus_once_to_an_error_summary_said_once(page: Page, live_server):
    page.goto("/accounts/sign-in/")
    page.add_init_script(RECORD_FOCUS)

    page.get_by_role("button", name="Email me a sign-in link").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter your email address")
    assert focus_moves_on_arrival(page) == ["govuk-error-summary"]
    expect(summary).to_be_focused()
    assert summary.evaluate(LIVE_REGIONS) == []


def test_wrong_password_moves_focus_once_to_an_error_summary_said_once(page: Page, live_server):
    UserFactory(email="grace@example.org")
    page.goto("/accounts/sign-in/password/")
    page.add_init_script(RECORD_FOCUS)

    page.get_by_label("Email address").fill("grace@example.org")
    page.get_by_label("Password").fill("a-wrong-one")
    page.get_by_role("button", name="Sign in", exact=True).click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a correct email address and password")
    assert focus_moves_on_arrival(page) == ["govuk-error-summary"]
    expect(summary).to_be_focused()
    assert summary.evaluate(LIVE_REGIONS) == []
    assert page.get_by_text("There is a problem").count() == 1


def test_saved_display_settings_are_said_once_from_a_focused_banner(page: Page, live_server):
    page.goto("/display/")
    page.add_init_script(RECORD_FOCUS)

    page.get_by_label("Larger text").check()
    page.get_by_role("button", name="Save display settings").click()

    banner = page.get_by_role("region", name="Success")
    expect(banner).to_contain_text("Your display settings are saved.")
    assert focus_moves_on_arrival(page) == ["govuk-notification-banner govuk-notification-banner--success"]
    expect(banner).to_be_focused()
    assert banner.evaluate(LIVE_REGIONS) == []
    # The title stays the page's own: nothing else announces the change.
    assert page.title() == "Change how pages look – Coproduce"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_filtering_get_involved_lands_on_how_many_were_found(browser: Browser, live_server, javascript: bool):
    ActivityFactory(title="Bus stop design workshop", stage="design")
    ActivityFactory(title="Looking back together", stage="evaluation")
    context = new_context(browser, live_server.url, javascript=javascript)
    page = context.new_page()
    page.goto("/get-involved/")

    page.get_by_label("Project stage").select_option("evaluation")
    page.get_by_role("button", name="Find activities").click()

    results = page.get_by_role("heading", name="1 activity open to join")
    expect(results).to_be_focused()
    assert page.url.endswith("#results")
    assert page.title() == "1 activity matches your filters – Get involved – Coproduce"
    context.close()
