"""Driving pages with the keyboard alone, checking that focus can always be seen."""

from playwright.sync_api import Locator, Page

MAX_TABS = 40
# GOV.UK Frontend's focus style: yellow background or outline, with a thick underline or ring.
FOCUS_YELLOW = "rgb(255, 221, 0)"


def focus_is_visible(page: Page) -> bool:
    return bool(
        page.evaluate(
            """(yellow) => {
                const el = document.activeElement;
                if (!el || el === document.body) return false;
                const style = getComputedStyle(el);
                const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
                return outlined || style.backgroundColor === yellow || style.boxShadow !== 'none';
            }""",
            FOCUS_YELLOW,
        )
    )


def tab_to(page: Page, target: Locator) -> None:
    """Press Tab until ``target`` has focus, checking at every stop that focus is visible."""
    handle = target.element_handle()
    assert handle is not None, "The element to reach is not on the page"
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        assert focus_is_visible(page), f"Focus is not visible on {page.evaluate('document.activeElement.outerHTML')}"
        if page.evaluate("(el) => document.activeElement === el", handle):
            return
    raise AssertionError(f"Could not reach {target} with {MAX_TABS} presses of Tab")
