"""A review, by keyboard alone, with axe-core on every page reached (issue 8, item 5).

A member of the project group gives her self-assessment (first sent empty, to see the errors); the
coordinator, whose own answer is two ladder rungs higher, sees the gap flagged in words on the review
page, and closes the review with what was learned and the actions agreed.
"""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from coproduce.model import LadderRung
from coproduce.reviews.choices import CUBE, ReviewKind, ReviewStatus
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.reviews.services import Answers, record_self_assessment
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, press, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_member_takes_part_and_the_coordinator_sees_the_gap_and_closes(page: Page, sign_in_as, live_server):
    world = build_world()
    today = timezone.localdate()
    review = Review.objects.create(
        project=world.project,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=91),
        period_end=today - timedelta(days=1),
        due_on=today + timedelta(days=27),
    )
    amina = world.users["amina"]
    record_self_assessment(
        review,
        person=amina.person,
        answers=Answers(rung=LadderRung.CO_DESIGN.value, voice=4, ways=4, concerns=4, change=4),
        by=amina,
    )

    # Grace, a member of the project group, finds the review and takes part.
    sign_in_as(world.users["grace"])
    page.goto("/reviews/")
    expect(heading(page)).to_have_text("Reviews")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=re.compile("^Take part")))
    expect(heading(page)).to_have_text("Take part: Quarterly review: Step-free bus stops")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    assert axe_violations(page) == ""
    assert not SelfAssessment.objects.filter(participant__person=world.users["grace"].person).exists()

    choose(page, page.get_by_role("radio", name=re.compile("^Consultation:")))
    for question in CUBE:
        group = page.get_by_role("group", name=question.question)
        choose(page, group.get_by_role("radio", name="3: In between"))
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_text("You have taken part in this review. Thank you.")).to_be_visible()
    assert axe_violations(page) == ""

    # Amina opens the review: the two sides are two rungs apart, said in words with both figures.
    page.context.clear_cookies()
    sign_in_as(amina)
    page.goto("/reviews/")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=re.compile("^Open")))
    expect(heading(page)).to_have_text("Quarterly review: Step-free bus stops")
    expect(page.get_by_text("The two sides see this differently.")).to_contain_text(
        "The member side’s middle answer is Consultation. The staff side’s middle answer is Co-design."
    )
    assert axe_violations(page) == ""

    press(page, page.get_by_role("link", name="Close the review"))
    expect(heading(page)).to_have_text("Close the review")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("What we learned"), "Members feel less listened to than staff think.")
    type_into(page, page.get_by_label("Actions agreed"), "Amina and Dev plan a session on how decisions are made.")
    press(page, page.get_by_role("button", name="Close the review"))
    expect(page.get_by_text("The review is closed.")).to_be_visible()
    expect(heading(page)).to_have_text("Quarterly review: Step-free bus stops")
    assert axe_violations(page) == ""
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED
    assert review.closed_by == amina
