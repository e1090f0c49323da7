"""Issue 3's acceptance journey, by keyboard alone: a member who uses a screen reader signs in by emailed
link, records her access needs and equality answers, downloads her data and withdraws her consent.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from coproduce.equality.choices import DERIVED_QUESTIONS, QUESTIONS
from coproduce.equality.queries import answer_counts
from coproduce.people.models import AccessProfile, Consent, Purpose
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import (
    choose,
    heading,
    move_focus_to,
    press,
    sign_in_by_emailed_link,
    tick,
    type_into,
)
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_member_journey_access_needs_equality_data_and_withdrawal(page: Page, live_server, tmp_path: Path):
    world = build_world()
    grace = world.users["grace"].person

    page.goto("/")
    sign_in_by_emailed_link(page, "grace@example.org", "Hello, Grace")

    # Your details, from the navigation.
    press(page, page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Your details"))
    expect(heading(page)).to_have_text("Your details")
    assert axe_violations(page) == ""

    # Access needs: first saved empty, which asks for agreement.
    press(page, page.get_by_role("link", name="Tell us about your access needs"))
    expect(heading(page)).to_have_text("Your access needs")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save access needs"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Tick the box to agree, or we cannot keep your access needs")
    assert axe_violations(page) == ""

    # The error summary's link takes her to the box, where she agrees.
    press(page, summary.get_by_role("link", name="Tick the box to agree, or we cannot keep your access needs"))
    agree = page.get_by_label("I agree to you keeping a note of my access needs")
    expect(agree).to_be_focused()
    page.keyboard.press("Space")
    expect(agree).to_be_checked()

    # Then back up the page (with Shift+Tab) to her needs.
    move_focus_to(page, page.get_by_role("checkbox", name="Audio", exact=True))
    page.keyboard.press("Space")
    tick(page, page.get_by_role("checkbox", name="Plain English"))
    tick(page, page.get_by_role("checkbox", name="Dietary needs"))
    type_into(page, page.get_by_label("Your dietary needs"), "Vegetarian")
    tick(page, page.get_by_role("checkbox", name="Papers sent in advance"))
    type_into(
        page,
        page.get_by_label("Anything else we should know (optional)"),
        "I use a screen reader. Please send papers as Word documents.",
    )
    press(page, page.get_by_role("button", name="Save access needs"))
    expect(heading(page)).to_have_text("Your details")
    expect(page.get_by_role("main")).to_contain_text("Vegetarian")
    assert axe_violations(page) == ""

    profile = AccessProfile.objects.get(person=grace)
    assert sorted(profile.needs.values_list("need", flat=True)) == [
        "audio",
        "dietary",
        "papers_in_advance",
        "plain_english",
    ]
    assert profile.dietary_details == "Vegetarian"
    assert Consent.objects.active().for_purpose(Purpose.ACCESS_NEEDS).filter(person=grace).count() == 1

    # Equality monitoring: first saved with no agreement, then some questions answered, others skipped.
    press(page, page.get_by_role("link", name="Go to equality monitoring"))
    expect(heading(page)).to_have_text("Your equality monitoring answers")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Answer the questions"))
    expect(heading(page)).to_have_text("Equality monitoring questions")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Save my answers"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "You need to agree to us keeping your answers before we can save them."
    )
    assert axe_violations(page) == ""

    choose(page, page.get_by_role("group", name="What is your religion?").get_by_label("No religion"))
    choose(
        page,
        page.get_by_role("group", name="Do you consider yourself to be a disabled person?").get_by_label(
            "No", exact=True
        ),
    )
    choose(page, page.get_by_label("Yes, 35 to 49 hours a week"))
    tick(page, page.get_by_label("I agree to Coproduce keeping and using my answers in the way described above"))
    press(page, page.get_by_role("button", name="Save my answers"))
    expect(heading(page)).to_have_text("Your equality monitoring answers")
    expect(page.get_by_text("Thank you. We have saved your answers.")).to_be_visible()
    assert axe_violations(page) == ""
    assert answer_counts("unpaid_care")["35_to_49"] == 1
    assert answer_counts("religion")["no_religion"] == 1
    assert answer_counts("age_band")[""] == 1

    # Download her data, as a page and as a file.
    press(page, page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Your details"))
    expect(heading(page)).to_have_text("Your details")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Download your data"))
    expect(heading(page)).to_have_text("Your data")
    assert axe_violations(page) == ""
    move_focus_to(page, page.get_by_role("link", name="download your data as a file"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    download = info.value
    assert download.suggested_filename == "my-coproduce-data.json"
    saved = tmp_path / "data.json"
    download.save_as(saved)
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert sorted(data["access_profile"]["needs"]) == [
        "Audio",
        "Dietary needs",
        "Papers sent in advance",
        "Plain English",
    ]
    assert data["access_profile"]["other_needs"] == "I use a screen reader. Please send papers as Word documents."
    [answers] = data["equality_responses"]
    assert answers["religion"] == "No religion"
    assert answers["disabled_identity"] == "No"
    assert answers["unpaid_care"] == "Yes, 35 to 49 hours a week"
    assert answers["age_band"] == ""

    # She withdraws her equality consent: her answers stop counting at once.
    press(page, page.get_by_role("main").get_by_role("link", name="your details", exact=True))
    expect(heading(page)).to_have_text("Your details")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Go to equality monitoring"))
    expect(heading(page)).to_have_text("Your equality monitoring answers")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Stop using my answers"))
    expect(page.get_by_text("We have stopped using your answers.")).to_be_visible()
    assert axe_violations(page) == ""

    assert answer_counts("unpaid_care")["35_to_49"] == 0
    assert answer_counts("religion")["no_religion"] == 0
    for question in [*(question.field for question in QUESTIONS), *DERIVED_QUESTIONS]:
        assert sum(answer_counts(question).values()) == 0, question
