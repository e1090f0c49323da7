"""Asking for a page in another format, by keyboard alone, with axe-core on every page reached.

Grace, who uses a screen reader, asks for the accessibility statement in braille from the footer
link; Amina, the coordinator, finds it on her list of requests, marks it in hand and then done.
"""

import pytest
from playwright.sync_api import Locator, Page, expect

from coproduce.communications.models import FormatRequest
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def footer_link(page: Page, name: str) -> Locator:
    return page.locator("footer").get_by_role("link", name=name, exact=True)


def test_grace_asks_for_braille_and_amina_handles_it(page: Page, sign_in_as, context, live_server) -> None:
    world = build_world()
    sign_in_as(world.users["grace"])
    # The first page the live server serves is slow on a busy machine (it loads every app), so wait longer.
    page.goto("/help/", timeout=60_000)
    assert axe_violations(page) == ""

    press(page, footer_link(page, "Accessibility statement"))
    expect(heading(page)).to_have_text("Accessibility statement")
    assert axe_violations(page) == ""

    press(page, footer_link(page, "Ask for this page in another format"))
    expect(heading(page)).to_have_text("Ask for a page in another format")
    expect(page.locator("main")).to_contain_text("You are asking about: Accessibility statement")
    assert axe_violations(page) == ""

    # Sent without a format first: the error summary says what to fix.
    press(page, page.get_by_role("button", name="Send request"))
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == ""

    choose(page, page.get_by_role("radio", name="Braille"))
    press(page, page.get_by_role("button", name="Send request"))
    expect(heading(page)).to_have_text("Request sent")
    expect(page.locator("main")).to_contain_text("You asked for Accessibility statement in Braille.")
    assert axe_violations(page) == ""

    press(page, page.get_by_role("link", name="See all your requests"))
    expect(heading(page)).to_have_text("Your requests for other formats")
    expect(page.get_by_role("table")).to_contain_text("Open")
    assert axe_violations(page) == ""

    request = FormatRequest.objects.get()
    assert (request.person, request.format, request.page_path) == (
        world.users["grace"].person,
        "braille",
        "/accessibility/",
    )

    # Amina signs in and handles it. (The lead adds a navigation link to the list; until then she opens it.)
    context.clear_cookies()
    sign_in_as(world.users["amina"])
    page.goto("/other-formats/requests/")
    expect(heading(page)).to_have_text("Requests for other formats")
    expect(page.get_by_role("table")).to_contain_text("Accessibility statement")
    assert axe_violations(page) == ""

    for status, label in (("In hand", "in hand"), ("Done", "done")):
        press(page, page.get_by_role("table", name="Open and in hand").get_by_role("link").first)
        expect(heading(page)).to_have_text("Braille")
        assert axe_violations(page) == ""
        choose(page, page.get_by_role("radio", name=status, exact=True))
        press(page, page.get_by_role("button", name="Save status"))
        expect(heading(page)).to_have_text("Requests for other formats")
        expect(page.locator("main")).to_contain_text(f"The request is now marked “{label}”.")
        assert axe_violations(page) == ""

    expect(page.get_by_role("table", name="Recently closed")).to_contain_text("Done")
    request.refresh_from_db()
    assert request.status == "done"
    assert request.handled_by == world.users["amina"]
