"""Sam's and a trustee's journey: from home to one screen that says how the organisation is doing, the
detail a click away, and every "[c]" explained where it appears; by keyboard alone, with axe-core on
every page and the dashboard measured at 320 px wide (issue 17).

Sam is the data lead; Morgan is a trustee (the admin role, as trustees set the organisation's
thresholds and reference figures). Both read the same sentence; neither reaches people's equality
answers except Sam, in aggregate.
"""

import pytest
from playwright.sync_api import Page, expect

from coproduce.analytics.disclosure import HIDDEN_IN_WORDS
from coproduce.analytics.indicators.quarters import current_quarter
from coproduce.analytics.models import IndicatorValue
from coproduce.analytics.services import ensure_reference_data
from coproduce.tests.browser.conftest import axe_violations, give_session
from coproduce.tests.browser.inventory.reflow import reflow_faults
from coproduce.tests.browser.keyboard import heading, press, sign_in_by_emailed_link
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

# This quarter's figures for the whole organisation, (counted, out of): three targets met, one not,
# two with too few answers to show (a [c]), one with nothing to count; the other four not worked out.
FIGURES = {
    "charter_signed": (45, 50),
    "contributions_answered": (54, 60),
    "felt_listened_to": (45, 60),
    "claims_paid_in_time": (40, 50),
    "training_coverage": (3, 20),
    "decisions_joint": (2, 6),
    "rung_reached": (0, 0),
}
SUMMARY = (
    "3 of 11 targets met; 1 not met; not enough answers yet for 2; nothing to count yet for 1; "
    "not worked out yet for 4."
)
STATUSES = {"Met": 3, "Not met": 1, "Not enough answers yet": 2, "Nothing to count yet": 1, "Not worked out yet": 4}

# Every "[c]" in the main content, outside the note that says what it means: whether the note comes
# before it, and whether screen readers are given words for it (the hidden span straight after it, or
# the description of the chart it is drawn in).
UNEXPLAINED_C = """([words]) => {
    const main = document.querySelector('main');
    const note = document.getElementById('what-c-means');
    const faults = [];
    let count = 0;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent;
        if (!text.includes('[c]') || (note && note.contains(node))) continue;
        count += text.split('[c]').length - 1;
        const where = `"${text.trim().slice(-80)}"`;
        if (!note || !(note.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) {
            faults.push(`${where} comes before what [c] means`);
        }
        const chart = node.parentElement.closest('svg[role="img"]');
        if (chart) {
            const desc = chart.querySelector('desc');
            if (!desc || !desc.textContent.includes(`[c] (${words})`)) {
                faults.push(`${where}: its chart does not say it`);
            }
            continue;
        }
        const next = node.nextSibling;
        const spoken = next && next.nodeType === 1 && next.matches('.govuk-visually-hidden')
            && next.textContent.includes(words);
        if (text.split('[c]').length !== 2 || !text.trimEnd().endsWith('[c]') || !spoken) {
            faults.push(`${where} has no words for screen readers`);
        }
    }
    return {count, faults};
}"""


def c_explained(page: Page) -> int:
    """How many "[c]" the page shows, each explained where it appears (the test fails on one that is not)."""
    found = page.evaluate(UNEXPLAINED_C, [HIDDEN_IN_WORDS])
    assert found["faults"] == []
    return found["count"]


def read_the_summary(page: Page) -> None:
    """Home says how the organisation is doing, and links to the dashboard: its sentence is the same, and
    agrees with the indicators under it."""
    on_home = page.get_by_role("main").get_by_role("listitem").filter(has_text="How are we doing?")
    expect(on_home).to_contain_text(SUMMARY.rstrip("."))
    press(page, on_home.get_by_role("link", name="How are we doing?"))
    expect(heading(page)).to_have_text("How are we doing?")
    assert axe_violations(page) == ""
    expect(
        page.get_by_role("heading", name=f"How the organisation is doing, {current_quarter().label}")
    ).to_be_visible()
    expect(page.locator("#overview + p")).to_have_text(SUMMARY)
    rows = page.locator("#overview ~ dl").first.locator(".govuk-summary-list__row")
    expect(rows).to_have_count(sum(STATUSES.values()))
    tags = rows.locator(".govuk-tag").all_inner_texts()
    assert {status: tags.count(status) for status in STATUSES} == STATUSES
    expect(rows.filter(has_text="People who felt listened to")).to_contain_text("Met 75% (target 70% or more)")


def test_sam_and_a_trustee_read_how_the_organisation_is_doing(page: Page, live_server):
    world = build_world()
    ensure_reference_data()
    quarter = current_quarter()
    for key, (counted, out_of) in FIGURES.items():
        IndicatorValue.objects.create(
            key=key, period_start=quarter.start, period_end=quarter.end, numerator=counted, denominator=out_of
        )
    page.goto("/")

    # Sam, the data lead: home, then the one screen.
    sign_in_by_emailed_link(page, "sam@example.org", "Hello, Sam")
    read_the_summary(page)
    assert reflow_faults(page) == ""
    assert c_explained(page) >= 2

    # One indicator's detail, by its link: the figure hidden to protect privacy, and what it means.
    press(page, page.get_by_role("link", name="People trained", exact=True).first)
    assert page.url.endswith("#indicator-training_coverage")
    detail = page.locator("#indicator-training_coverage").locator("xpath=..")
    expect(detail).to_contain_text("Not enough answers yet")
    expect(detail.get_by_role("definition").first).to_have_text(f"[c] ({HIDDEN_IN_WORDS})")
    press(page, detail.locator("summary").filter(has_text="Chart and table by quarter"))
    expect(detail.get_by_role("table", name="People trained, by quarter")).to_be_visible()
    assert axe_violations(page) == ""
    assert c_explained(page) >= 2

    # Morgan, a trustee: the same sentence, and no way into people's equality answers.
    page.context.clear_cookies()
    give_session(page.context, world.users["morgan"], live_server.url)
    page.goto("/")
    expect(heading(page)).to_have_text("Hello, Morgan")
    assert axe_violations(page) == ""
    read_the_summary(page)
    c_explained(page)
    page.goto("/how-are-we-doing/representation/")
    expect(heading(page)).to_have_text("You cannot see this page")
