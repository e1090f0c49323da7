"""Messages by keyboard alone, with axe-core on every page reached.

A coordinator sees a failed message on the Messages page and tries it again; opens "Post to send" (the
batch PDF is not downloaded in the browser); and a carer who uses a screen reader sets "How we contact
you" to plain-text email and refuses post.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from coproduce.communications.choices import MessageFormat, MessageStatus
from coproduce.communications.models import ContactPreferences, Message
from coproduce.communications.tests.inventory import some_messages
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press, tick
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_coordinator_retries_a_failed_message_and_opens_the_post(page: Page, sign_in_as, live_server):
    world = build_world()
    some_messages(world)
    failed = Message.objects.get(status=MessageStatus.FAILED)
    sign_in_as(world.users["amina"])

    page.goto("/messages/")
    expect(heading(page)).to_have_text("Messages")
    expect(page.get_by_text("1 message could not be sent")).to_be_visible()
    assert axe_violations(page) == ""

    press(page, page.get_by_role("button", name=re.compile(r"^Try again\W+Reminder: bus stop workshop to Tom")))
    expect(page.get_by_text("will be sent again in a moment")).to_be_visible()
    assert axe_violations(page) == ""
    failed.refresh_from_db()
    assert failed.status == MessageStatus.RETRYING

    press(page, page.get_by_role("link", name="Post to send (1 letter)"))
    expect(heading(page)).to_have_text("Post to send")
    expect(page.get_by_role("link", name="Download the letters (PDF)")).to_be_visible()
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Printed and posted"))
    expect(page.get_by_text("1 letter marked as printed and posted.")).to_be_visible()
    expect(page.get_by_text("There are no letters waiting to be posted.")).to_be_visible()
    assert axe_violations(page) == ""


def test_carer_sets_how_we_contact_her(page: Page, sign_in_as, live_server):
    world = build_world()
    grace = world.users["grace"]
    sign_in_as(grace)

    page.goto("/how-we-contact-you/")
    expect(heading(page)).to_have_text("How we contact you")
    assert axe_violations(page) == ""

    choose(page, page.get_by_role("radio", name="Plain text email, with no formatting (good with a screen reader)"))
    tick(page, page.get_by_role("checkbox", name="Post"))
    press(page, page.get_by_role("button", name="Save contact choices"))

    expect(page.get_by_text("Your contact choices are saved.")).to_be_visible()
    assert axe_violations(page) == ""
    preferences = ContactPreferences.objects.get(person=grace.person)
    assert preferences.message_format == MessageFormat.PLAIN_TEXT
    assert preferences.no_post
    assert not preferences.no_email
