"""Experience surveys (issue 8, part 4), by keyboard alone, with axe-core on every page reached.

Amina opens a survey for a workshop that ended; Dev, who uses Easy Read, answers in Easy Read
wording; Grace answers; Amina records Tom's answers given by phone; the results hide the small
counts as [c] and explain why.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import BrowserContext, Locator, Page, expect

from coproduce.involvement.models import Activity, Attendance
from coproduce.surveys.choices import Answer
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion, SurveyRound
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, type_into
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def switch_to(context: BrowserContext, sign_in_as, page: Page, user, url: str) -> None:
    context.clear_cookies()
    sign_in_as(user)
    page.goto(url)


def radio(page: Page, question: str, answer: str) -> Locator:
    return page.get_by_role("group", name=question).get_by_role("radio", name=answer, exact=True)


def answer_all(page: Page, questions: list[str], answer: str) -> None:
    for question in questions:
        choose(page, radio(page, question, answer))


STANDARD = [
    "I felt listened to",
    "I could say what I think",
    "I had information in a format I could use",
    "I know what will happen with what I said",
    "I had the support I needed",
]
EASY_READ = [
    "People listened to me.",
    "I could tell people what I think.",
    "I got information in a way I could understand.",
    "I know what will happen next with my ideas.",
    "I got the help I needed.",
]


def test_survey_journey(page: Page, context: BrowserContext, sign_in_as, live_server) -> None:
    # The shared test machine can be very slow; allow more than the default 10 seconds per step.
    context.set_default_timeout(60_000)
    world = build_world()
    users = world.users
    starts = timezone.now() - timedelta(days=2)
    walkabout = Activity.objects.create(
        project=world.project,
        stage="design",
        kind="workshop",
        title="Bus stop walkabout",
        description="We walked to the bus stops together.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        planned_rung="co_design",
        created_by=users["amina"],
    )
    for persona in ("dev", "grace", "tom"):
        Attendance.objects.create(
            activity=walkabout, person=users[persona].person, minutes=120, recorded_by=users["amina"]
        )

    # Amina opens a survey for the walkabout.
    switch_to(context, sign_in_as, page, users["amina"], "/surveys/manage/")
    expect(heading(page)).to_have_text("Experience surveys")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Open survey for Bus stop walkabout"))
    expect(heading(page)).to_have_text("Survey results: Bus stop walkabout")
    assert axe_violations(page) == ""
    survey_round = SurveyRound.objects.get(activity=walkabout)

    # Dev answers in Easy Read wording; first sent empty.
    switch_to(context, sign_in_as, page, users["dev"], "/surveys/")
    expect(heading(page)).to_have_text("Surveys for you")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Answer the survey about Bus stop walkabout"))
    expect(heading(page)).to_have_text("Survey: Bus stop walkabout")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose an answer.")
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == ""
    answer_all(page, EASY_READ, "Yes, a lot")
    type_into(page, page.get_by_label("Do you want to tell us anything else?"), "The bus was late.")
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(heading(page)).to_have_text("Surveys for you")
    expect(page.get_by_text("Thank you. We got your answers.")).to_be_visible()
    assert axe_violations(page) == ""

    # Grace answers in standard wording.
    switch_to(context, sign_in_as, page, users["grace"], f"/surveys/{survey_round.pk}/")
    expect(heading(page)).to_have_text("Survey: Bus stop walkabout")
    assert axe_violations(page) == ""
    answer_all(page, STANDARD, "Agree")
    press(page, page.get_by_role("button", name="Send answers"))
    expect(heading(page)).to_have_text("Surveys for you")

    # Amina records Tom's answers, given by phone.
    switch_to(context, sign_in_as, page, users["amina"], f"/surveys/{survey_round.pk}/results/")
    press(page, page.get_by_role("link", name="Record answers given by phone"))
    expect(heading(page)).to_have_text("Record answers given by phone: Bus stop walkabout")
    assert axe_violations(page) == ""
    person = page.get_by_label("Who gave these answers?")
    move_focus_to(page, person)
    page.keyboard.type("Tom")
    expect(person.locator("option:checked")).to_have_text("Tom Hughes")
    answer_all(page, STANDARD, "Disagree")
    press(page, page.get_by_role("button", name="Record answers"))
    expect(heading(page)).to_have_text("Survey results: Bus stop walkabout")
    assert axe_violations(page) == ""

    # Three answers: every count is small, so hidden, with the note.
    table = page.get_by_role("table", name="Answers to each question")
    expect(table.get_by_role("row", name="I felt listened to")).to_contain_text("[c]")
    expect(page.get_by_text("[c] means a number is hidden")).to_be_visible()
    assert SurveyAnswer.objects.filter(round=survey_round).count() == 3
    assert SurveyAnswer.objects.get(by_phone=True).listened == Answer.DISAGREE
    assert SurveyCompletion.objects.filter(round=survey_round).count() == 3
