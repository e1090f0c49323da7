"""Priya's journey, from her home page to an answer her project group reads, by keyboard alone, with
axe-core on every page (issue 17).

Priya represents Riverside Council, a partner organisation. Her home shows what the council committed
to and the recommendations project groups made to it, which is overdue and which is not yet due. She
opens the list, answers the one not yet due, and sees it shown as answered in time; then Grace, who is
in the project group that made the recommendation, reads the council's answer on the project page.
Another organisation's recommendations are nowhere on Priya's pages.
"""

from datetime import timedelta

import pytest
from django.template.defaultfilters import date as shown_date
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from coproduce.learning.models import Recommendation
from coproduce.learning.services.charter import Commitment, sign_for_organisation
from coproduce.learning.services.recommendations import record_recommendation
from coproduce.people.models import Organisation
from coproduce.tests.browser.conftest import axe_violations, give_session, new_context
from coproduce.tests.browser.keyboard import heading, press, sign_in_by_emailed_link, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

COMMITMENT = "We will respond to co-produced recommendations within 8 weeks."
LATE = "Put raised kerbs at every bus stop on the ring road."
DUE = "Say at each stop, in large print, when the next step-free bus comes."
ELSEWHERE = "Offer hospital appointments by text message."
ANSWER = "We will add large-print times at the 12 busiest stops by March."


def checked(page: Page) -> Page:
    assert axe_violations(page) == ""
    expect(page.get_by_role("main")).not_to_contain_text(ELSEWHERE)
    return page


def test_priya_answers_a_recommendation_in_time_and_the_project_group_reads_it(
    page: Page, browser: Browser, live_server
):
    world = build_world()
    priya, amina = world.users["priya"], world.users["amina"]
    council = Organisation.objects.get(name="Riverside Council")
    sign_for_organisation(council, commitments=[Commitment(COMMITMENT, 56)], by=priya)
    today = timezone.localdate()
    late = record_recommendation(
        project=world.project, organisation=council, text=LATE, sent_on=today - timedelta(days=70), by=amina
    )
    due = record_recommendation(
        project=world.project, organisation=council, text=DUE, sent_on=today - timedelta(days=10), by=amina
    )
    trust = Organisation.objects.create(name="Northfield NHS Trust")
    record_recommendation(project=world.project, organisation=trust, text=ELSEWHERE, sent_on=today, by=amina)
    page.goto("/")

    # Her home: the council's commitment, and its recommendations with which is late and which is due.
    sign_in_by_emailed_link(page, "priya@example.org", "Hello, Priya")
    home = checked(page).get_by_role("main")
    expect(home).to_contain_text(f"What {council.name} committed to")
    expect(home).to_contain_text(f"{COMMITMENT} (answering recommendations within 56 days)")
    expect(home).to_contain_text("2 waiting for your answer, 1 overdue.")
    expect(home.get_by_role("listitem").filter(has_text=LATE)).to_contain_text(
        f"Overdue: the answer was due on {shown_date(late.response_due)}"
    )
    expect(home.get_by_role("listitem").filter(has_text=DUE)).to_contain_text(
        f"Answer due by {shown_date(due.response_due)}"
    )

    # The recommendations to the council, overdue first, and the one to answer.
    press(page, page.get_by_role("link", name=f"Read and answer the recommendations to {council.name}"))
    expect(heading(page)).to_have_text(f"Recommendations to {council.name}")
    checked(page)
    expect(page.get_by_role("table", name="Answers overdue")).to_contain_text(LATE)
    waiting = page.get_by_role("table", name="Waiting for your answer")
    expect(waiting).to_contain_text(DUE)
    press(page, waiting.get_by_role("link", name=f"Answer the recommendation sent {shown_date(due.sent_on)}"))
    expect(heading(page)).to_have_text(f"Answer a recommendation to {council.name}")
    checked(page)
    expect(page.get_by_role("main")).to_contain_text(DUE)
    expect(page.get_by_role("main")).to_contain_text(f"The answer is due by {shown_date(due.response_due)}.")
    type_into(page, page.get_by_label("What is your organisation’s answer?"), ANSWER)
    press(page, page.get_by_role("button", name="Send the answer"))

    # Answered, and in time, on the list and on her home.
    expect(heading(page)).to_have_text(f"Recommendations to {council.name}")
    expect(page.get_by_text("Thank you. The answer is recorded.")).to_be_visible()
    checked(page)
    answered = page.get_by_role("table", name="Answered")
    expect(answered).to_contain_text(ANSWER)
    expect(answered).to_contain_text(f"Answered on {shown_date(today)}, in time")
    press(page, page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Home"))
    expect(heading(page)).to_have_text("Hello, Priya")
    checked(page)
    expect(page.get_by_role("main")).to_contain_text("1 waiting for your answer, 1 overdue.")
    expect(page.get_by_role("main").get_by_role("listitem").filter(has_text=DUE)).to_contain_text(
        f"Answered on {shown_date(today)}, in time"
    )
    due.refresh_from_db()
    assert (due.responded_on, due.response) == (today, ANSWER)

    # Grace, in the project group that made it, reads the council's answer on the project page.
    member = new_context(browser, live_server.url)
    give_session(member, world.users["grace"], live_server.url)
    grace = member.new_page()
    grace.goto("/")
    expect(heading(grace)).to_have_text("Hello, Grace")
    press(grace, grace.get_by_role("link", name=world.project.title, exact=True))
    expect(heading(grace)).to_have_text(world.project.title)
    assert axe_violations(grace) == ""
    made = grace.get_by_role("region", name="Recommendations to partners")
    expect(made.get_by_role("listitem").filter(has_text=DUE)).to_contain_text(
        f"{council.name} answered on {shown_date(today)}, in time: {ANSWER}"
    )
    expect(made.get_by_role("listitem").filter(has_text=LATE)).to_contain_text(
        f"Overdue: {council.name}’s answer was due on {shown_date(late.response_due)}"
    )
    member.close()
    assert Recommendation.objects.filter(organisation=trust, responded_on__isnull=True).count() == 1
