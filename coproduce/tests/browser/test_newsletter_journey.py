"""A coordinator writes a newsletter, previews it, is told about a mistyped placeholder, fixes it and
sends it: by keyboard alone, with axe-core on every page reached."""

import re

import pytest
from playwright.sync_api import Page, expect

from coproduce.newsletters.choices import Status
from coproduce.newsletters.models import Newsletter
from coproduce.newsletters.tests.inventory import keep_in_touch
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page: Page) -> None:
    assert axe_violations(page) == ""


def test_coordinator_writes_previews_fixes_and_sends_a_newsletter(page: Page, sign_in_as, live_server):
    world = build_world()
    keep_in_touch(world, "dev", "grace")
    sign_in_as(world.users["amina"])
    page.goto("/newsletters/")
    expect(heading(page)).to_have_text("Newsletters")
    checked(page)

    press(page, page.get_by_role("link", name="Write a newsletter"))
    expect(heading(page)).to_have_text("Write a newsletter")
    checked(page)
    type_into(page, page.get_by_label("Title"), "Autumn news")
    body = page.get_by_label("What do you want to say?")
    type_into(page, body, "Hello {frist_name}, we walked round the bus stops.")
    choose(page, page.get_by_role("radio", name="All members and carers"))
    press(page, page.get_by_role("button", name="Save draft"))

    # The mistyped placeholder: an error at the top and beside the field, and nothing saved.
    expect(page).to_have_title(re.compile(r"^Error: "))
    expect(page.locator(".govuk-error-summary")).to_contain_text("“{frist_name}” is not a placeholder we know.")
    expect(page.locator("#id_body-error")).to_contain_text("Did you mean {first_name}?")
    checked(page)
    assert not Newsletter.objects.exists()

    move_focus_to(page, body)
    page.keyboard.press("Control+A")
    page.keyboard.type("Hello {first_name}, we walked round the bus stops.")
    press(page, page.get_by_role("button", name="Save draft"))

    # The preview: each format, with sample names, and a warning that there is no Easy Read version.
    expect(heading(page)).to_have_text("Autumn news")
    expect(page.get_by_role("heading", name="Plain text email")).to_be_visible()
    expect(page.get_by_text("There is no Easy Read version.")).to_be_visible()
    expect(page.get_by_text("Hello Alex, we walked round the bus stops.").first).to_be_visible()
    checked(page)

    press(page, page.get_by_role("link", name="Send this newsletter"))
    expect(heading(page)).to_have_text("Send this newsletter?")
    expect(page.get_by_text("2 people have said we may keep in touch with them.")).to_be_visible()
    checked(page)
    press(page, page.get_by_role("button", name="Send newsletter"))

    expect(heading(page)).to_have_text("Autumn news")
    expect(page.get_by_text("“Autumn news” is on its way to 2 people.")).to_be_visible()
    checked(page)
    newsletter = Newsletter.objects.get()
    assert newsletter.status == Status.SENT
    assert newsletter.recipients_count == 2
    assert newsletter.recipients.count() == 2
