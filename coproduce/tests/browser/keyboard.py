"""Driving pages with the keyboard alone, checking at every stop that focus can be seen."""

import re

from django.core import mail
from playwright.sync_api import ElementHandle, Locator, Page, expect

from coproduce.tests.browser.conftest import axe_violations

# GOV.UK Frontend's focus style: yellow background or outline, with a thick underline or ring.
FOCUS_YELLOW = "rgb(255, 221, 0)"

# Long forms (such as planning an activity) have many stops.
MAX_TABS = 80
# The radios of a group are one stop for Tab; the arrow keys move between them (and choose).
MAX_ARROWS = 25

# Where focus is after a key press: whether it can be seen, and whether it is on the element sought.
# GOV.UK radios and checkboxes hide their input and draw the focus ring around the box before the label.
FOCUS_STOP = """([target, yellow]) => {
    const el = document.activeElement;
    if (!el || el === document.body) return {visible: false, reached: false, html: 'the page itself'};
    const style = getComputedStyle(el);
    let visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2)
        || style.backgroundColor === yellow || style.boxShadow !== 'none';
    if (!visible && el.matches('.govuk-radios__input, .govuk-checkboxes__input') && el.nextElementSibling) {
        visible = getComputedStyle(el.nextElementSibling, '::before').boxShadow.includes(yellow);
    }
    const reached = typeof target === 'string' ? el.name === target : el === target;
    return {visible, reached, html: el.outerHTML.slice(0, 300)};
}"""


def press_until_focused(page: Page, target: ElementHandle | str, key: str) -> None:
    """Press ``key`` until ``target`` (an element, or the name of a group of radios) has focus,
    checking at every stop that focus can be seen."""
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        stop = page.evaluate(FOCUS_STOP, [target, FOCUS_YELLOW])
        assert stop["visible"], f"Focus is not visible on {stop['html']}"
        if stop["reached"]:
            return
    raise AssertionError(f"Could not reach {target} with {MAX_TABS} presses of {key}")


def move_focus_to(page: Page, target: Locator) -> None:
    """Tab to ``target``, or Shift+Tab when it comes before the element that has focus."""
    handle = target.element_handle()
    assert handle is not None, "The element to reach is not on the page"
    is_before = page.evaluate(
        """(el) => {
            const here = document.activeElement;
            return !!here && here !== document.body
                && !!(here.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING);
        }""",
        handle,
    )
    press_until_focused(page, handle, "Shift+Tab" if is_before else "Tab")


def press(page: Page, target: Locator) -> None:
    """Tab to ``target`` and press Enter on it."""
    move_focus_to(page, target)
    page.keyboard.press("Enter")


def tick(page: Page, box: Locator) -> None:
    """Tab to a checkbox and tick it with Space."""
    move_focus_to(page, box)
    page.keyboard.press("Space")
    expect(box).to_be_checked()


def choose(page: Page, option: Locator) -> None:
    """Tab into ``option``'s group of radios, then press Space and the down arrow until it is chosen."""
    name = option.get_attribute("name")
    assert name is not None, f"{option} is not a radio"
    press_until_focused(page, name, "Tab")
    page.keyboard.press("Space")
    for _ in range(MAX_ARROWS):
        if option.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"Could not choose {option} with the arrow keys")


def type_into(page: Page, field: Locator, text: str) -> None:
    move_focus_to(page, field)
    page.keyboard.type(text)


def navigation_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Main menu").get_by_role("link", name=name, exact=True)


def select(page: Page, field: Locator, option: str) -> None:
    """Tab to a drop-down list and type the start of an option to choose it, as keyboard users do."""
    move_focus_to(page, field)
    page.keyboard.type(option)
    expect(field.locator("option:checked")).to_have_text(option)


def type_date(page: Page, group: Locator, day: str, month: str, year: str, time: str | None = None) -> None:
    type_into(page, group.get_by_label("Day"), day)
    type_into(page, group.get_by_label("Month"), month)
    type_into(page, group.get_by_label("Year"), year)
    if time is not None:
        type_into(page, group.get_by_label("Time"), time)


def heading(page: Page) -> Locator:
    return page.get_by_role("heading", level=1)


def sign_in_by_emailed_link(page: Page, email: str, greeting: str) -> None:
    """From the home page, ask for a sign-in link, open it from the email and sign in: axe on every page."""
    expect(heading(page)).to_have_text("Coproduce")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Sign in"))
    expect(heading(page)).to_have_text("Sign in")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Email address"), email)
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Check your email")
    assert axe_violations(page) == ""
    link = re.search(r"http://testserver(/accounts/sign-in/link/[^/\s]+/)", str(mail.outbox[-1].body))
    assert link is not None
    # Opening the emailed link is the one step that happens outside the page.
    page.goto(link.group(1))
    expect(heading(page)).to_have_text("Sign in to Coproduce")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Sign in"))
    expect(heading(page)).to_have_text(greeting)
    assert axe_violations(page) == ""


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab (forwards only) until ``target`` has focus, checking at every stop that focus is visible."""
    handle = target.element_handle()
    assert handle is not None, "The element to reach is not on the page"
    press_until_focused(page, handle, "Tab")
