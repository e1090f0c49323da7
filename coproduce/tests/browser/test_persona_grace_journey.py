"""Grace's journey, from signing in to a result, by keyboard alone with larger text: axe-core on every page,
and the reflow check (320 px wide) on each of her pages once larger text is on (issue 17).

Grace is blind, uses a screen reader and has chosen larger text. She signs in, turns on larger text from
her home page, reads where her bus fare claim is up to, raises a concern about a member of staff
anonymously and keeps the reference she is given once. A coordinator answers it; Grace, signed out, reads
the answer with her reference, reaching the page from the home page by Get help, as she was told. She
signs in again and answers the survey she is asked to answer.
"""

import re
from decimal import Decimal

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect

from coproduce.communications.preferences import Preferences
from coproduce.communications.queries import saved_preferences
from coproduce.decisions.choices import ConcernAbout, ConcernStatus
from coproduce.decisions.models import Concern
from coproduce.payments.choices import ClaimStatus
from coproduce.payments.models import Claim, PaymentOffer
from coproduce.payments.services.claims import add_expense, submit_claim
from coproduce.payments.services.offers import decide_offer, make_offers
from coproduce.surveys.models import SurveyAnswer
from coproduce.surveys.services import open_round_for_activity
from coproduce.tests.browser.conftest import axe_violations, give_session, new_context
from coproduce.tests.browser.inventory.reflow import reflow_faults
from coproduce.tests.browser.keyboard import (
    choose,
    heading,
    press,
    sign_in_by_emailed_link,
    tick,
    type_into,
)
from coproduce.tests.browser.test_payments_journey import WALKABOUT, after_the_walkabout
from coproduce.tests.browser.test_surveys_journey import STANDARD, answer_all

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery-staple"
WHO = "The receptionist at the community centre"
CONCERN = "The receptionist moved my white cane without asking, so I could not find it."
ANSWER = "We are sorry. We have talked to the receptionist: nobody moves a cane without asking."


def fits(page: Page, title: str) -> None:
    """The page Grace expects, with larger text on, that does not scroll sideways and that axe-core passes."""
    expect(heading(page)).to_have_text(title)
    expect(page.locator("html")).to_have_class(re.compile(r"\bapp-display--large-text\b"))
    assert reflow_faults(page) == ""
    assert axe_violations(page) == ""


def sign_in_with_password(page: Page) -> None:
    """From the home page, signed out: Sign in, then with her password this time."""
    press(page, page.get_by_role("button", name="Sign in"))
    fits(page, "Sign in")
    press(page, page.get_by_role("link", name="Sign in with a password instead"))
    fits(page, "Sign in with a password")
    type_into(page, page.get_by_label("Email address"), "grace@example.org")
    type_into(page, page.get_by_label("Password"), PASSWORD)
    page.keyboard.press("Enter")
    fits(page, "Hello, Grace")


def sign_out(page: Page) -> None:
    press(page, page.get_by_role("button", name="Sign out"))
    expect(page.get_by_role("main")).to_contain_text("signed out")


def home(page: Page) -> None:
    press(page, page.get_by_role("link", name="Coproduce", exact=True))


def test_grace_reads_her_claim_raises_a_concern_anonymously_reads_the_answer_and_answers_a_survey(
    page: Page, browser: Browser, live_server
):
    world, walkabout = after_the_walkabout()
    amina, grace = world.users["amina"], world.users["grace"]
    make_offers(walkabout, by=amina)
    # Grace said no to payment for her time and claimed her bus fare; it is waiting for approval.
    decide_offer(PaymentOffer.objects.get(attendance__person=grace.person), method="decline", by=grace)
    attendance = walkabout.attendances.get(person=grace.person)
    add_expense(attendance, kind="travel", amount=Decimal("6.40"), description="Bus there and back", by=grace)
    submit_claim(attendance, by=grace)
    survey = open_round_for_activity(walkabout, by=amina)
    page.goto("/")

    # 1. She signs in by an emailed link and, from her home page, turns on larger text.
    sign_in_by_emailed_link(page, "grace@example.org", "Hello, Grace")
    press(page, page.get_by_role("link", name="Change how pages look"))
    expect(heading(page)).to_have_text("Change how pages look")
    tick(page, page.get_by_label("Larger text"))
    press(page, page.get_by_role("button", name="Save display settings"))
    expect(page.get_by_role("region", name="Success")).to_contain_text("Your display settings are saved.")
    fits(page, "Change how pages look")
    home(page)
    fits(page, "Hello, Grace")

    # 2. Her claim: where it is up to, and the money in pounds and pence, with no empty cell said as "None".
    expect(page.get_by_role("main")).to_contain_text("Your payments: 1 claim not paid yet")
    press(page, page.get_by_role("link", name=re.compile("^Your payments")))
    fits(page, "Your payments")
    claims = page.get_by_role("table", name="Your claims, newest first")
    expect(claims.get_by_role("row", name=re.compile(WALKABOUT))).to_contain_text("£6.40")
    expect(claims.get_by_role("row", name=re.compile(WALKABOUT))).to_contain_text("Waiting for approval")
    press(page, claims.get_by_role("link", name=WALKABOUT))
    fits(page, f"Claim for {WALKABOUT}")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Waiting for approval")
    items = page.get_by_role("table", name="What is claimed")
    expect(items.get_by_role("row", name=re.compile("Travel"))).to_contain_text("£6.40")
    expect(items.get_by_role("row", name=re.compile("Travel"))).to_contain_text("No receipt")
    expect(main).to_contain_text("Total: £6.40")
    expect(main).not_to_contain_text("None")

    # 3. A concern about a member of staff, anonymously; sent empty first.
    home(page)
    press(page, page.get_by_role("link", name=re.compile("^Your concerns")))
    fits(page, "Your concerns")
    press(page, page.get_by_role("link", name="Raise a concern"))
    fits(page, "Raise a concern")
    press(page, page.get_by_role("button", name="Send concern"))
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Choose what your concern is about")
    expect(summary).to_contain_text("Say what your concern is")
    expect(page.get_by_label("What is your concern?")).to_have_attribute("aria-invalid", "true")
    assert page.title().startswith("Error: ")
    fits(page, "Raise a concern")
    choose(page, page.get_by_label("A person, for example a member of staff"))
    type_into(page, page.get_by_label("Who is it about? (if it is about a person)"), WHO)
    type_into(page, page.get_by_label("What is your concern?"), CONCERN)
    choose(page, page.get_by_label(re.compile("^No. Send it anonymously")))
    press(page, page.get_by_role("button", name="Send concern"))
    fits(page, "Concern sent anonymously")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    expect(page.get_by_role("main")).to_contain_text("This is the only time we show it.")
    expect(page.get_by_role("main")).to_contain_text("it is linked from Get help, at the bottom of every page")
    sign_out(page)

    # 4. Amina answers it, on her own computer.
    coordinator = new_context(browser, live_server.url)
    give_session(coordinator, amina, live_server.url)
    desk = coordinator.new_page()
    desk.goto("/")
    assert axe_violations(desk) == ""
    press(desk, desk.get_by_role("link", name=re.compile("^Concerns raised")))
    expect(heading(desk)).to_have_text("Concerns")
    assert axe_violations(desk) == ""
    press(desk, desk.get_by_role("link", name=re.compile(re.escape(f"A person ({WHO})"))))
    expect(heading(desk)).to_have_text("Respond to a concern")
    expect(desk.get_by_role("main")).to_contain_text(CONCERN)
    expect(desk.get_by_role("main")).not_to_contain_text("Grace")
    assert axe_violations(desk) == ""
    type_into(desk, desk.get_by_label("Your response"), ANSWER)
    press(desk, desk.get_by_role("button", name="Save response"))
    expect(desk.get_by_text("The person who sent the concern can read it with their reference.")).to_be_visible()
    assert axe_violations(desk) == ""
    coordinator.close()

    # 5. Signed out, Grace finds the page for her reference from the home page, and reads the answer.
    home(page)
    fits(page, "Coproduce")
    press(page, page.get_by_role("link", name="Get help"))
    fits(page, "Get help")
    press(page, page.get_by_role("link", name="read the answer to a concern"))
    fits(page, "Read the answer to a concern")
    # Typed as she heard it: in lower case.
    type_into(page, page.get_by_label(re.compile("reference", re.I)), reference.lower())
    press(page, page.get_by_role("button", name="Show the answer"))
    fits(page, "Your concern")
    expect(page.get_by_role("main")).to_contain_text("Answered")
    expect(page.get_by_role("main")).to_contain_text(ANSWER)

    # 6. She signs in again, with her password, and answers the survey she is asked to answer.
    home(page)
    sign_in_with_password(page)
    press(page, page.get_by_role("link", name=re.compile("^Surveys to answer")))
    fits(page, "Surveys for you")
    press(page, page.get_by_role("link", name=f"Answer the survey about {WALKABOUT}"))
    fits(page, f"Survey: {WALKABOUT}")
    answer_all(page, STANDARD, "Agree")
    press(page, page.get_by_role("button", name="Send answers"))
    expect(page.get_by_role("region", name="Success")).to_have_text(re.compile("Thank you for your answers."))
    fits(page, "Surveys for you")

    assert saved_preferences(grace) == Preferences(large_text=True)
    concern = Concern.objects.get()
    assert (concern.about, concern.about_person, concern.is_anonymous) == (ConcernAbout.PERSON, WHO, True)
    assert (concern.raised_by, concern.status, concern.response) == (None, ConcernStatus.ANSWERED, ANSWER)
    assert Claim.objects.get(attendance=attendance).status == ClaimStatus.SUBMITTED
    assert SurveyAnswer.objects.filter(round=survey).count() == 1
    assert len(mail.outbox) == 1
