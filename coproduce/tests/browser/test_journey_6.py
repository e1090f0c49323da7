"""Journey 6 of product.md, end to end, by keyboard alone, with axe-core on every page reached.

"At the quarterly review, participants answer a short experience survey; the dashboard shows each value
and step with its indicators and trend; the coordinator generates the progress report and the 'You said,
we did' page; each contributor gets a personal digest in their preferred format."

On one set of data: Dev and Grace, who attended the bus stops walkabout, answer its experience survey;
Dev (member side) and Amina (staff side) take part in the project's quarterly review, and Amina sees
the gap between the two sides and closes the review; Amina asks for the figures to be worked out again,
the worker works them out, and she reads the project's dashboard; she opens the project's progress
report and its PDF and Easy Read versions, and publishes the "We asked, you said, we did" page, which
a signed-out visitor reads; she sends the quarter's digests: Dev gets an Easy Read email, Grace a
plain-text email, and Rosa, who asked for post, a letter on "Letters to post".
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import BrowserContext, Locator, Page, expect

from coproduce.analytics.indicators.quarters import current_quarter as current_indicator_quarter
from coproduce.analytics.models import IndicatorValue
from coproduce.analytics.services import ensure_reference_data
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import ContactPreferences, Message
from coproduce.contributions.models import Outcome
from coproduce.involvement.models import Attendance
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.model import STEPS, VALUES
from coproduce.people.models import CreditPreference, Person
from coproduce.people.models.person import ContactRoute
from coproduce.reports.models import Digest, YouSaidWeDidPage
from coproduce.reports.periods import current_quarter
from coproduce.reports.tests.conftest import _moment, answer, say
from coproduce.reviews.choices import CUBE, ReviewKind, ReviewStatus
from coproduce.reviews.models import Review, SelfAssessment
from coproduce.surveys.choices import Answer
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion
from coproduce.surveys.services import open_round_for_activity
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, type_into
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text
from coproduce.tests.worker import run_worker
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)

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


def switch_to(context: BrowserContext, sign_in_as, page: Page, user, url: str) -> None:
    context.clear_cookies()
    sign_in_as(user)
    page.goto(url)


def answer_all(page: Page, questions: list[str], choice: str) -> None:
    for question in questions:
        choose(page, page.get_by_role("group", name=question).get_by_role("radio", name=choice, exact=True))


def download(page: Page, link_name: str) -> bytes:
    move_focus_to(page, page.get_by_role("link", name=link_name))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    with open(info.value.path(), "rb") as file:
        return file.read()


def take_part_in_review(page: Page, rung: str, cube_answer: str) -> None:
    """From the reviews list, take part in the one open review (first sent empty, to see the errors)."""
    expect(heading(page)).to_have_text("Reviews")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name=re.compile("^Take part")))
    expect(heading(page)).to_have_text("Take part: Quarterly review: Step-free bus stops")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page).to_have_title(re.compile("^Error: "))
    assert axe_violations(page) == ""
    choose(page, page.get_by_role("radio", name=re.compile(f"^{rung}:")))
    for question in CUBE:
        choose(page, page.get_by_role("group", name=question.question).get_by_role("radio", name=cube_answer))
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_text("You have taken part in this review. Thank you.")).to_be_visible()
    assert axe_violations(page) == ""


def section(page: Page, title: str) -> Locator:
    return page.get_by_role("region", name=title)


def test_journey_6_review_dashboard_report_and_digests(
    page: Page, context: BrowserContext, sign_in_as, live_server
) -> None:
    # The shared test machine can be very slow; allow more than the default 10 seconds per step.
    context.set_default_timeout(60_000)

    # --- One set of data -------------------------------------------------------------------------
    world = build_world()
    ensure_reference_data()
    users = world.users
    amina, dev, grace = users["amina"], users["dev"], users["grace"]
    rosa = world.person
    Person.objects.filter(pk=rosa.pk).update(
        contact_route=ContactRoute.POST, postal_address="12 Mill Lane\nRiverside\nRV1 2AB"
    )
    rosa.refresh_from_db()
    ContactPreferences.objects.update_or_create(
        person=grace.person, defaults={"message_format": MessageFormat.PLAIN_TEXT}
    )
    grace.person.credit_preference = CreditPreference.ANONYMOUS
    grace.person.save()

    starts = _moment()
    walkabout = ActivityFactory.create(
        project=world.project,
        title="Bus stop walkabout",
        starts_at=starts,
        ends_at=starts + timedelta(minutes=30),
        planned_rung="co_design",
        is_open=False,
        created_by=amina,
    )
    assert walkabout.ends_at <= timezone.now(), "the walkabout must be over before its survey opens"
    for person in (dev.person, grace.person, rosa):
        Attendance.objects.create(activity=walkabout, person=person, minutes=60, recorded_by=amina)
    benches = say(grace.person, world.project, "Put a bench at every stop.", by=amina, activity=walkabout)
    taps = say(grace.person, world.project, "Gold taps at every stop.", by=amina, activity=walkabout)
    ramps = say(dev.person, world.project, "Ramps onto the buses.", by=amina, activity=walkabout)
    shelters = say(rosa, world.project, "Shelters from the rain.", by=amina, activity=walkabout)
    answer(benches, Outcome.ADOPTED, "Benches are ordered for all 12 stops.", by=amina)
    answer(taps, Outcome.NOT_ADOPTED, "The budget cannot pay for taps.", by=amina)
    answer(ramps, Outcome.ADOPTED, "The bus company will fit ramps.", by=amina)
    answer(shelters, Outcome.ADOPTED, "Shelters are going up at six stops.", by=amina)
    survey_round = open_round_for_activity(walkabout, by=amina)

    today = timezone.localdate()
    review = Review.objects.create(
        project=world.project,
        kind=ReviewKind.QUARTERLY,
        period_start=today - timedelta(days=91),
        period_end=today - timedelta(days=1),
        due_on=today + timedelta(days=27),
    )
    period = current_quarter()

    # --- 1. Dev and Grace answer the experience survey -------------------------------------------
    switch_to(context, sign_in_as, page, dev, "/surveys/")
    expect(heading(page)).to_have_text("Surveys for you")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Answer the survey about Bus stop walkabout"))
    expect(heading(page)).to_have_text("Survey: Bus stop walkabout")
    assert axe_violations(page) == ""
    answer_all(page, EASY_READ, "Yes, a lot")
    press(page, page.get_by_role("button", name="Send my answers"))
    expect(page.get_by_text("Thank you. We got your answers.")).to_be_visible()
    assert axe_violations(page) == ""

    switch_to(context, sign_in_as, page, grace, "/surveys/")
    expect(heading(page)).to_have_text("Surveys for you")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("link", name="Answer the survey about Bus stop walkabout"))
    expect(heading(page)).to_have_text("Survey: Bus stop walkabout")
    assert axe_violations(page) == ""
    answer_all(page, STANDARD, "Agree")
    press(page, page.get_by_role("button", name="Send answers"))
    expect(heading(page)).to_have_text("Surveys for you")
    assert axe_violations(page) == ""
    assert sorted(SurveyAnswer.objects.filter(round=survey_round).values_list("listened", flat=True)) == sorted(
        [Answer.STRONGLY_AGREE, Answer.AGREE]
    )
    assert SurveyCompletion.objects.filter(round=survey_round).count() == 2

    # --- 2. The quarterly review: Dev (member side) and Amina (staff side) take part --------------
    switch_to(context, sign_in_as, page, dev, "/reviews/")
    take_part_in_review(page, "Consultation", "3: In between")
    switch_to(context, sign_in_as, page, amina, "/reviews/")
    take_part_in_review(page, "Co-design", "3: In between")
    assert SelfAssessment.objects.filter(participant__review=review).count() == 2

    # Amina opens the review: the gap between the two sides is flagged in words; she closes it.
    page.goto("/reviews/")
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
    assert axe_violations(page) == ""
    review.refresh_from_db()
    assert review.status == ReviewStatus.CLOSED
    assert review.closed_by == amina

    # --- 3. The dashboard, after the figures are worked out again ----------------------------------
    page.goto("/how-are-we-doing/")
    expect(heading(page)).to_have_text("How are we doing?")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Refresh now"))
    expect(page.get_by_text("The figures are being worked out again.").first).to_be_visible()
    run_worker()
    quarter = current_indicator_quarter()
    listened = IndicatorValue.objects.get(
        key="felt_listened_to", project=world.project, period_start=quarter.start, period_end=quarter.end
    )
    assert (listened.numerator, listened.denominator) == (2, 2)

    project = page.get_by_label("Project", exact=True)
    move_focus_to(page, project)
    page.keyboard.type(world.project.title)
    expect(project.locator("option:checked")).to_have_text(world.project.title)
    press(page, page.get_by_role("button", name="Show these figures"))
    expect(page.locator(".govuk-caption-l")).to_have_text(f"{world.project.title}, {quarter.label}")
    expect(page.get_by_text("The figures are being worked out again.")).to_have_count(0)
    expect(page.get_by_text("Figures as of")).to_be_visible()
    assert axe_violations(page) == ""
    # Each value and each step has its section.
    for value in VALUES:
        expect(section(page, f"Value {value.number}: {value.title}")).to_be_visible()
    for step in STEPS:
        expect(section(page, f"Step {step.number}: {step.title}")).to_be_visible()
    # "Felt listened to", with its chart and table: two answers are too few to show, so [c].
    indicator = page.locator("#indicator-felt_listened_to").locator("xpath=..")
    press(page, indicator.locator("summary").filter(has_text="Chart and table by quarter"))
    expect(indicator.get_by_role("img")).to_have_accessible_name(
        "People who felt listened to: chart of the last 4 quarters"
    )
    table = indicator.get_by_role("table", name="People who felt listened to, by quarter")
    expect(table.get_by_role("row", name=quarter.short_label)).to_contain_text("[c]")
    expect(indicator).to_contain_text("Not enough answers yet")
    expect(indicator).to_contain_text(
        f"People who felt listened to, {quarter.label}: [c] (hidden to protect privacy). Target"
    )
    expect(indicator).to_contain_text("By quarter:")
    expect(page.get_by_text("[c] means a number is hidden")).to_be_visible()
    # Every indicator shown has a chart and a table.
    charts = page.locator("main svg[role=img]")
    expect(charts).not_to_have_count(0)
    expect(page.locator("main table.govuk-table")).to_have_count(charts.count())

    # --- 4. The progress report, its other formats, and "You said, we did" -----------------------
    page.goto(reverse("reports:project", kwargs={"pk": world.project.pk}))
    expect(heading(page)).to_have_text(f"Progress report for {world.project.title}")
    assert axe_violations(page) == ""
    expect(page.get_by_text("The budget cannot pay for taps.")).to_be_visible()
    pdf = download(page, "Download this report as a PDF")
    assert pdf.startswith(b"%PDF")
    assert pdf_is_tagged(pdf)
    assert "The budget cannot pay for taps." in pdf_text(pdf)
    easy_pdf = download(page, "Download the Easy Read summary as a PDF")
    assert easy_pdf.startswith(b"%PDF")
    assert "We did not use some ideas. We said why." in pdf_text(easy_pdf)
    press(page, page.get_by_role("link", name="Read the Easy Read summary"))
    expect(heading(page)).to_have_text(f"Progress report for {world.project.title}")
    expect(page.get_by_text("We did not use some ideas. We said why.")).to_be_visible()
    assert axe_violations(page) == ""
    page.go_back()
    expect(heading(page)).to_have_text(f"Progress report for {world.project.title}")

    press(page, page.get_by_role("link", name='Publish a "You said, we did" page'))
    expect(heading(page)).to_have_text('"You said, we did" page')
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Introduction"), "We asked what would make the bus stops easier to use.")
    press(page, page.get_by_role("button", name="Publish page"))
    expect(page.get_by_text("The page is published.")).to_be_visible()
    assert axe_violations(page) == ""
    assert YouSaidWeDidPage.objects.get(project=world.project).is_published

    context.clear_cookies()
    page.goto(reverse("reports:you_said_we_did", kwargs={"pk": world.project.pk}))
    expect(heading(page)).to_have_text("We asked, you said, we did")
    expect(page.get_by_text("We asked what would make the bus stops easier to use.")).to_be_visible()
    expect(page.get_by_text("Put a bench at every stop.")).to_be_visible()
    expect(page.get_by_text("Why we did not do it")).to_be_visible()
    expect(page.get_by_text("The budget cannot pay for taps.")).to_be_visible()
    assert "Grace" not in page.content()
    assert axe_violations(page) == ""

    # --- 5. Digests: each contributor in their own format ----------------------------------------
    mail.outbox.clear()
    switch_to(context, sign_in_as, page, amina, reverse("reports:digests"))
    expect(heading(page)).to_have_text("Send digests")
    assert axe_violations(page) == ""
    choose(page, page.get_by_role("radio", name=period.label))
    press(page, page.get_by_role("button", name="Send digests"))
    expect(page.get_by_text(f"Digests for {period.label} are being sent.")).to_be_visible()
    assert axe_violations(page) == ""
    run_worker()

    assert set(Digest.objects.values_list("person_id", flat=True)) == {dev.person.pk, grace.person.pk, rosa.pk}
    emails = {email.to[0]: email for email in mail.outbox if "ideas" in str(email.subject)}
    assert set(emails) == {dev.person.email, grace.person.email}

    # Dev: Easy Read, in short sentences, with an HTML version set for Easy Read.
    to_dev = emails[dev.person.email]
    assert to_dev.subject == "What we did with your ideas"
    assert "You said: Ramps onto the buses." in to_dev.body
    assert "We did it." in to_dev.body
    assert isinstance(to_dev, EmailMultiAlternatives)
    html = str(to_dev.alternatives[0][0])
    assert "line-height: 1.6" in html
    assert "Ramps onto the buses." in html
    assert Message.objects.get(person=dev.person, topic="digest").format == MessageFormat.EASY_READ

    # Grace: plain text only, the standard wording, with why the taps were not adopted.
    to_grace = emails[grace.person.email]
    assert to_grace.subject == f"What happened to your ideas: {period.label}"
    assert "Why: The budget cannot pay for taps." in to_grace.body
    assert not getattr(to_grace, "alternatives", None)
    assert Message.objects.get(person=grace.person, topic="digest").format == MessageFormat.PLAIN_TEXT

    # Rosa asked for post: her digest waits on "Letters to post".
    letter = Message.objects.get(person=rosa, topic="digest")
    assert (letter.route, letter.status) == (MessageRoute.POST, MessageStatus.WAITING_FOR_POST)
    page.goto("/")
    press(page, page.get_by_role("link", name="Letters to post"))
    expect(heading(page)).to_have_text("Post to send")
    letters = page.get_by_role("table", name="Letters waiting")
    expect(letters.get_by_role("row", name=re.compile("Rosa Lindqvist"))).to_contain_text(
        f"What happened to your ideas: {period.label}"
    )
    expect(page.get_by_role("link", name="Download the letters (PDF)")).to_be_visible()
    assert axe_violations(page) == ""
