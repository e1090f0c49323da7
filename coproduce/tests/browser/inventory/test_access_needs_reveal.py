"""The access needs form asks each follow-up question only once its need is ticked (GOV.UK Frontend's
conditional reveal, started by our module script under the strict CSP), so it is short on a phone."""

from playwright.sync_api import Page, expect

from coproduce.tests.browser.inventory.shared import Site

FOLLOW_UPS = {
    "Large print": "Large print size, in points",
    "Another language": "Which language?",
    "Another interpreter": "Which language do you need an interpreter for?",
    "Dietary needs": "Your dietary needs",
    "Papers sent in advance": "How many days before a meeting do you want the papers? (optional)",
    "Meetings at a certain time of day": "What time of day suits you? (optional)",
}


def height(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollHeight"))


def test_access_needs_follow_up_questions_showed_always_and_now_show_once_their_need_is_ticked(site: Site, db):
    page = site.page
    page.set_viewport_size({"width": 320, "height": 640})
    site.sign_in("grace")

    page.goto("/you/access-needs/")

    for need, question in FOLLOW_UPS.items():
        expect(page.get_by_label(question, exact=True)).to_be_hidden()
        # GOV.UK Frontend's checkboxes script ran: it turns data-aria-controls into aria-controls.
        checkbox = page.get_by_role("checkbox", name=need, exact=True)
        expect(checkbox).to_have_attribute("aria-expanded", "false")
    assert page.locator("[data-aria-controls]").count() == 0
    short = height(page)

    page.get_by_role("checkbox", name="Large print", exact=True).check()

    expect(page.get_by_label("Large print size, in points")).to_be_visible()
    expect(page.get_by_role("checkbox", name="Large print", exact=True)).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_label("Your dietary needs")).to_be_hidden()
    for need in FOLLOW_UPS:
        page.get_by_role("checkbox", name=need, exact=True).check()
    # At 320 px wide, each question that does not apply took 100 px or more (3,720 px in all).
    assert height(page) - short > 100 * len(FOLLOW_UPS)
