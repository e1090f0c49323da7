"""Journey 4 of product.md, by keyboard alone, with axe-core on every page reached.

A proposal by consent is put to the project's steering group; members respond (one by phone,
recorded by the coordinator); one raises a concern anonymously; the decision is published with its
rationale and the contributions that shaped it, and appears in the register.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from coproduce.contributions.models import Contribution
from coproduce.decisions.models import Concern, Decision, Response
from coproduce.decisions.tests.inventory import steering_group
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, tick, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def checked(page: Page) -> None:
    assert axe_violations(page) == ""


def select(page: Page, label: str, option: str) -> None:
    """Tab to a drop-down list and type the start of an option to choose it, as keyboard users do."""
    field = page.get_by_label(label)
    move_focus_to(page, field)
    page.keyboard.type(option)
    expect(field.locator("option:checked")).to_have_text(option)


def switch_to(context: BrowserContext, sign_in_as, page: Page, user, url: str) -> None:
    context.clear_cookies()
    sign_in_as(user)
    page.goto(url)


def test_proposal_by_consent_to_published_decision(page: Page, context: BrowserContext, sign_in_as, live_server):
    # The machine may be busy: give page loads more time than the default.
    page.set_default_navigation_timeout(30_000)
    world = build_world()
    group = steering_group(world)
    users = world.users
    for summary in ("Start with the stops near the hospital", "Benches at every changed stop"):
        Contribution.objects.create(
            person=users["grace"].person,
            project=world.project,
            kind="idea",
            summary=summary,
            recorded_by=users["amina"],
        )
    next_year = str(timezone.localdate().year + 1)

    # Dev, the project's co-lead, puts a consent proposal to the steering group.
    switch_to(context, sign_in_as, page, users["dev"], f"/decisions/groups/{group.pk}/")
    expect(heading(page)).to_have_text(group.name)
    checked(page)
    press(page, page.get_by_role("link", name="Put a proposal to the group"))
    expect(heading(page)).to_have_text("Put a proposal to the group")
    checked(page)
    type_into(page, page.get_by_label("What is the proposal?"), "Which bus stops do we change first?")
    type_into(page, page.get_by_label("Explain it in plain words"), "The three stops near the hospital.")
    type_into(page, page.get_by_label("Easy Read version (optional)"), "We fix 3 bus stops first.")
    choose(page, page.get_by_label("Consent: go ahead unless someone blocks"))
    closes = page.get_by_role("group", name="When does it close?")
    type_into(page, closes.get_by_label("Day"), "1")
    type_into(page, closes.get_by_label("Month"), "3")
    type_into(page, closes.get_by_label("Year"), next_year)
    type_into(page, closes.get_by_label("Time"), "5pm")
    press(page, page.get_by_role("button", name="Put proposal to the group"))
    expect(heading(page)).to_have_text("Which bus stops do we change first?")
    checked(page)

    # Grace, who chairs the group, responds online: first a block without a reason, which is refused.
    proposal_url = page.url
    switch_to(context, sign_in_as, page, users["grace"], proposal_url)
    press(page, page.get_by_role("link", name="Respond"))
    expect(heading(page)).to_have_text("Respond to the proposal")
    checked(page)
    choose(page, page.get_by_role("radio", name="Block"))
    press(page, page.get_by_role("button", name="Send my response"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Say why you block the proposal")
    checked(page)
    choose(page, page.get_by_role("radio", name="Agree", exact=True))
    press(page, page.get_by_role("button", name="Send my response"))
    expect(page.get_by_text("Your response is saved")).to_be_visible()
    checked(page)

    # Grace also raises a concern about how the group works, anonymously.
    switch_to(context, sign_in_as, page, users["grace"], f"/decisions/groups/{group.pk}/")
    press(page, page.get_by_role("link", name="Raise a concern about how this group is working"))
    expect(heading(page)).to_have_text("Raise a concern")
    checked(page)
    type_into(page, page.get_by_label("What is your concern?"), "Papers come too late to read with my screen reader.")
    choose(page, page.get_by_label("No. Send it anonymously", exact=False))
    press(page, page.get_by_role("button", name="Send concern"))
    expect(heading(page)).to_have_text("Concern sent anonymously")
    expect(page.locator("main")).to_contain_text("Your reference is")
    checked(page)

    # Amina records Priya's response, given by phone.
    switch_to(context, sign_in_as, page, users["amina"], proposal_url)
    press(page, page.get_by_role("link", name="Record a response given by phone, on paper or at a meeting"))
    expect(heading(page)).to_have_text("Record a response")
    checked(page)
    select(page, "Whose response is it?", "Priya Sharma")
    choose(page, page.get_by_label("By phone"))
    choose(page, page.get_by_role("radio", name="Agree, with concerns"))
    type_into(page, page.get_by_label("Why? (needed if you block)"), "Do the market stop next.")
    press(page, page.get_by_role("button", name="Record response"))
    expect(page.get_by_text("Priya Sharma's response is recorded.")).to_be_visible()
    expect(page.get_by_text("given by phone, recorded by Amina")).to_be_visible()
    checked(page)

    # The anonymous concern reaches the coordinators with no name on it.
    page.goto("/decisions/concerns/")
    expect(heading(page)).to_have_text("Concerns")
    expect(page.locator("main")).to_contain_text("Anonymous")
    expect(page.locator("main")).not_to_contain_text("Grace")
    checked(page)

    # Amina records the decision in the register, with its rationale and the contributions.
    page.goto(proposal_url)
    press(page, page.get_by_role("link", name="Record the decision in the register"))
    expect(heading(page)).to_have_text("Record a decision")
    checked(page)
    type_into(page, page.get_by_label("Which options were considered?"), "Hospital stops\nMarket stops")
    choose(page, page.get_by_label("Consent", exact=True))
    type_into(
        page, page.get_by_label("Why was it decided this way?"), "Most people who use the stops go to the hospital."
    )
    type_into(
        page,
        page.get_by_label("What could not be changed, and why? (optional)"),
        "The council can change 3 stops this year.",
    )
    tick(page, page.get_by_label("An idea: Start with the stops near the hospital"))
    press(page, page.get_by_role("button", name="Save decision"))
    expect(page.get_by_text("saved as a draft")).to_be_visible()
    checked(page)
    press(page, page.get_by_role("link", name="Publish this decision"))
    expect(heading(page)).to_have_text("Publish this decision?")
    checked(page)
    press(page, page.get_by_role("button", name="Publish decision"))
    expect(page.get_by_text("The decision is published in the register.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Start with the stops near the hospital")
    checked(page)

    # It appears in the register, which Dev can read.
    switch_to(context, sign_in_as, page, users["dev"], "/decisions/")
    expect(heading(page)).to_have_text("Decision register")
    press(page, page.get_by_role("link", name="Which bus stops do we change first?"))
    expect(page.locator("main")).to_contain_text("Most people who use the stops go to the hospital.")
    expect(page.locator("main")).to_contain_text("The council can change 3 stops this year.")
    checked(page)

    decision = Decision.objects.get()
    assert decision.is_published
    assert decision.lived_experience_count == 1  # Grace (carer); Priya is a partner representative
    assert list(decision.contributions.values_list("summary", flat=True)) == ["Start with the stops near the hospital"]
    assert Response.objects.filter(channel="phone", recorded_by=users["amina"]).count() == 1
    assert Concern.objects.get().raised_by is None
    assert timedelta(0) < decision.proposal.closes_at - timezone.now()  # type: ignore[union-attr]
