"""Display preferences in a real Chromium: a sample of the inventory's pages, scanned with axe-core in
the larger-text, higher-contrast and combined looks; and choosing a look by keyboard alone."""

from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from coproduce.communications.preferences import COOKIE_NAME
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.inventory.shared import Site
from coproduce.tests.browser.keyboard import heading, press, tick
from coproduce.tests.inventory import World, submit_empty_form

LOOKS = {
    "large-text": "large-text",
    "high-contrast": "high-contrast",
    "large-text+high-contrast": "large-text.high-contrast",
    "every-preference": "large-text.high-contrast.more-spacing.dyslexia-font.reduce-motion",
}

# (name, persona or None for signed out, url name, kwargs, action after loading)
SAMPLE: list[tuple[str, str | None, str, Callable[[World], dict[str, Any]], Callable[[Page], None] | None]] = [
    ("home", None, "home", lambda world: {}, None),
    ("get-involved", None, "involvement:opportunities", lambda world: {}, None),
    ("activity", "dev", "involvement:detail", lambda world: {"pk": world.activity.pk}, None),
    ("form-with-errors", "amina", "involvement:activity_create", lambda world: {}, submit_empty_form),
    (
        "readability-checked",
        "amina",
        "involvement:activity_edit",
        lambda world: {"pk": world.activity.pk},
        lambda page: page.get_by_role("button", name="Check readability").click(),
    ),
    ("display", None, "communications:display", lambda world: {}, None),
    ("display-signed-in", "grace", "communications:display", lambda world: {}, None),
]


@pytest.mark.parametrize("look", list(LOOKS), ids=list(LOOKS))
@pytest.mark.parametrize("sample", SAMPLE, ids=[sample[0] for sample in SAMPLE])
def test_sample_pages_have_no_violations_in_each_look(look: str, sample: tuple[Any, ...], site: Site, db) -> None:
    _, persona, url_name, kwargs, action = sample
    page = site.page
    site.sign_in(persona)
    site.set_cookie(COOKIE_NAME, LOOKS[look])

    page.goto(reverse(url_name, kwargs=kwargs(site.world)))
    if action is not None:
        action(page)
        page.wait_for_load_state()

    classes = page.locator("html").get_attribute("class") or ""
    for key in LOOKS[look].split("."):
        assert f"app-display--{key}" in classes
    assert axe_violations(page) == ""


def test_choosing_a_look_by_keyboard_applies_it_everywhere(site: Site, db) -> None:
    page = site.page
    page.goto("/")
    press(page, page.get_by_role("link", name="Change how pages look"))
    expect(heading(page)).to_have_text("Change how pages look")
    assert axe_violations(page) == ""

    tick(page, page.get_by_label("Larger text"))
    tick(page, page.get_by_label("Higher contrast: black text on a white background"))
    press(page, page.get_by_role("button", name="Save display settings"))

    expect(page.get_by_text("Your display settings are saved.")).to_be_visible()
    expect(page.locator("html")).to_have_class("govuk-template app-display--large-text app-display--high-contrast")
    # The text really is bigger: GOV.UK sizes are in rem, and the root is 125% of 16px.
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == 20
    assert axe_violations(page) == ""

    press(page, page.get_by_role("link", name="Get involved"))
    expect(page.locator("html")).to_have_class("govuk-template app-display--large-text app-display--high-contrast")
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    assert axe_violations(page) == ""
