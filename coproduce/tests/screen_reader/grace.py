"""Grace's journey (she is blind and uses a keyboard and Orca), heard through a real screen reader.

Run by `make screen-reader` (scripts/screen-reader.sh), which starts Xvfb, the accessibility bus and Orca
with its debug log, then names this file to pytest: its name does not start with ``test_``, so the normal
suite never collects it. Chromium is shown on the virtual display with its accessibility tree on, and is
driven by keyboard alone. After each action the driver waits for Orca to fall quiet and keeps what it said,
writes the whole transcript, then fails on any defect a listener would hear (see transcript.defects).
"""

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect, sync_playwright

from coproduce.payments.services.offers import make_offers
from coproduce.surveys.services import open_round_for_activity
from coproduce.tests.browser.conftest import CHROMIUM
from coproduce.tests.browser.keyboard import choose, heading, move_focus_to, press, tick, type_into
from coproduce.tests.browser.test_payments_journey import WALKABOUT, after_the_walkabout
from coproduce.tests.browser.test_surveys_journey import STANDARD
from coproduce.tests.screen_reader.transcript import Step, defects, speech_lines, transcript

pytestmark = [pytest.mark.screen_reader, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct-horse-battery-staple"
# Orca has said all it will about an action once it has been quiet this long (seconds).
QUIET = 1.2
# The longest wait for the first thing said, and for a whole step (seconds).
FIRST_WORD = 5.0
LONGEST = 20.0


class Orca:
    """What Orca says, step by step, read from the end of its debug log."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.offset = log.stat().st_size
        self.steps: list[Step] = []

    def _new_lines(self) -> list[str]:
        with self.log.open("rb") as log:
            log.seek(self.offset)
            text = log.read()
        complete = text[: text.rfind(b"\n") + 1]
        self.offset += len(complete)
        return speech_lines(complete.decode("utf-8", errors="replace"))

    def hear(self, name: str, **expected: object) -> Step:
        """Wait until Orca has fallen quiet after an action, and keep what it said as the step ``name``."""
        said: list[str] = []
        started = last_word = time.monotonic()
        while True:
            time.sleep(0.2)
            now = time.monotonic()
            if new := self._new_lines():
                said.extend(new)
                last_word = now
            waited_enough = now - last_word >= QUIET if said else now - started >= FIRST_WORD
            if waited_enough or now - started >= LONGEST:
                break
        step = Step(name, said, **expected)  # type: ignore[arg-type]
        self.steps.append(step)
        return step


@pytest.fixture
def orca() -> Orca:
    log = os.environ.get("ORCA_DEBUG_LOG")
    if not log:
        pytest.fail("Run this with `make screen-reader`: it starts Orca and sets ORCA_DEBUG_LOG.")
    return Orca(Path(log))


@pytest.fixture
def window(live_server, tmp_path: Path) -> Iterator[BrowserContext]:
    """Chromium on the virtual display, one window, with the accessibility tree Orca reads."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            tmp_path / "profile",
            executable_path=CHROMIUM,
            headless=False,
            args=["--force-renderer-accessibility", "--no-sandbox", "--disable-gpu", "--no-first-run"],
            base_url=live_server.url,
            viewport={"width": 1024, "height": 800},
        )
        context.set_default_timeout(10_000)
        yield context
        context.close()


def test_grace_hears_her_journey_without_defects(window: BrowserContext, orca: Orca):
    world, walkabout = after_the_walkabout()
    make_offers(walkabout, by=world.users["amina"])
    open_round_for_activity(walkabout, by=world.users["amina"])
    page = window.pages[0] if window.pages else window.new_page()
    try:
        walk(page, orca)
    finally:
        written = Path(os.environ.get("SCREEN_READER_TRANSCRIPT", "data/screen-reader/transcript.txt"))
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_text(transcript(orca.steps), encoding="utf-8")
    heard = [defect for step in orca.steps for defect in defects(step)]
    assert heard == [], "\n".join(heard)


def into_the_page(orca: Orca) -> None:
    """Move the keyboard from the address bar into the page with F6, as a person would.

    Playwright's key presses reach the page but not the window around it, so without this Chromium's
    own focus stays in the address bar (or the tab strip) and tells Orca nothing of the page. F6 moves
    through the address bar, the tab strip and the page: press it until Orca hears the page take focus."""
    start = orca.log.stat().st_size
    for _ in range(4):
        subprocess.run(["/usr/bin/xdotool", "key", "F6"], check=True)
        time.sleep(1.0)
        with orca.log.open("rb") as log:
            log.seek(start)
            if b"state-changed:focused for [document web" in log.read():
                return
    raise AssertionError("F6 did not move the keyboard into the page")


def orca_says_a_password_is_invalid() -> bool:
    """Whether the installed Orca says "invalid entry" for a password field in error.

    Chromium gives the password field in error the states "required" and "invalid entry" (Orca's debug log
    lists them as it takes focus), but Orca 43's speech format for a password text names neither state,
    as its format for an entry does: so no markup makes it say them. The walk asks the Orca it runs with,
    so that a later Orca that says them is held to it."""
    # Orca runs with Debian's Python (pyatspi is not in the project's); from "/" so no "orca" here shadows it.
    answer = subprocess.run(
        [
            "/usr/bin/python3",
            "-c",
            "import pyatspi; from orca.formatting import formatting; "
            "print('invalid' in formatting['speech'][pyatspi.ROLE_PASSWORD_TEXT]['unfocused'])",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    return answer.stdout.strip() == "True"


def menu_link(page: Page, name: str) -> Locator:
    return page.get_by_role("navigation", name="Main menu").get_by_role("link", name=name, exact=True)


def summary_link(page: Page, name: str) -> Locator:
    """A link of the error summary: a person follows it to the field it names, as GOV.UK intends."""
    return page.locator(".govuk-error-summary").get_by_role("link", name=name)


def follow(page: Page, orca: Orca, link: Locator, title: str, *, step: str) -> None:
    """Follow ``link`` (or press a button) to the page headed ``title``, and hear it as the step ``step``."""
    press(page, link)
    expect(heading(page)).to_have_text(title)
    orca.hear(step)


def walk(page: Page, orca: Orca) -> None:
    """Grace's journey from the home page, moving by links and buttons only, as she would."""
    orca.hear("Chromium opens")
    page.goto("/")
    expect(heading(page)).to_have_text("Coproduce")
    into_the_page(orca)
    orca.hear("Arrive at Coproduce")
    sign_in(page, orca)
    payments(page, orca)
    display_settings(page, orca)
    get_involved(page, orca)
    survey(page, orca)
    concern(page, orca)


def sign_in(page: Page, orca: Orca) -> None:
    follow(page, orca, page.get_by_role("button", name="Sign in"), "Sign in", step="Open sign in")
    follow(
        page,
        orca,
        page.get_by_role("link", name="Sign in with a password instead"),
        "Sign in with a password",
        step="Open sign in with a password",
    )

    password_invalid_said = orca_says_a_password_is_invalid()
    press(page, page.get_by_role("button", name="Sign in"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    orca.hear("Sign in with nothing filled in", error_summary=True)
    press(page, summary_link(page, "Enter your email address"))
    expect(page.get_by_label("Email address")).to_be_focused()
    orca.hear(
        "Follow the summary's link to the email address", invalid_field=True, error_message="Enter your email address"
    )
    page.keyboard.type("grace@example.org")
    move_focus_to(page, page.get_by_label("Password"))
    orca.hear("Tab to the password", invalid_field=password_invalid_said, error_message="Enter your password")

    wrong = "Enter a correct email address and password."
    page.keyboard.type("not-my-password")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text(wrong)
    orca.hear("Sign in with the wrong password", error_summary=True)
    press(page, summary_link(page, wrong))
    expect(page.get_by_label("Email address")).to_be_focused()
    orca.hear("Follow the summary's link to the email address", invalid_field=True, error_message=wrong)
    move_focus_to(page, page.get_by_label("Password"))
    orca.hear("Tab to the password", invalid_field=password_invalid_said, error_message=wrong)

    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Hello, Grace")
    orca.hear("Sign in with the right password")


def payments(page: Page, orca: Orca) -> None:
    follow(page, orca, page.get_by_role("link", name="Your payments"), "Your payments", step="Open your payments")
    press(page, page.get_by_role("link", name=WALKABOUT, exact=True))
    expect(page.get_by_role("main")).to_contain_text("£50.00")
    orca.hear("Open the payment for the walkabout")


def display_settings(page: Page, orca: Orca) -> None:
    follow(
        page,
        orca,
        page.get_by_role("contentinfo").get_by_role("link", name="Change how pages look"),
        "Change how pages look",
        step="Open display settings from the foot of the page",
    )
    tick(page, page.get_by_label("Larger text"))
    press(page, page.get_by_role("button", name="Save display settings"))
    expect(page.get_by_role("region", name="Success")).to_contain_text("Your display settings are saved.")
    orca.hear("Save display settings", once=["Your display settings are saved."])


def get_involved(page: Page, orca: Orca) -> None:
    follow(page, orca, menu_link(page, "Get involved"), "Get involved", step="Open Get involved from the main menu")
    move_focus_to(page, page.get_by_label("Project stage"))
    page.keyboard.type("Design")
    expect(page.get_by_label("Project stage")).to_have_value("design")
    press(page, page.get_by_role("button", name="Find activities"))
    expect(page.get_by_role("heading", name="1 activity open to join")).to_be_focused()
    orca.hear("Find design activities", once=["1 activity open to join"])


def survey(page: Page, orca: Orca) -> None:
    follow(page, orca, menu_link(page, "Home"), "Hello, Grace", step="Go home from the main menu")
    follow(
        page, orca, page.get_by_role("link", name="Surveys to answer"), "Surveys for you", step="Open surveys for you"
    )
    follow(
        page,
        orca,
        page.get_by_role("link", name=f"Answer the survey about {WALKABOUT}"),
        f"Survey: {WALKABOUT}",
        step="Open the survey about the walkabout",
    )
    for question in STANDARD:
        choose(page, page.get_by_role("group", name=question).get_by_role("radio", name="Agree", exact=True))
    orca.hear("Answer the questions")
    press(page, page.get_by_role("button", name="Send answers"))
    expect(page.get_by_role("region", name="Success")).to_contain_text("Thank you for your answers.")
    orca.hear("Send the answers", once=["Thank you for your answers."])


def concern(page: Page, orca: Orca) -> None:
    follow(page, orca, menu_link(page, "Home"), "Hello, Grace", step="Go home from the main menu")
    follow(page, orca, page.get_by_role("link", name="Your concerns"), "Your concerns", step="Open your concerns")
    follow(page, orca, page.get_by_role("link", name="Raise a concern"), "Raise a concern", step="Open raise a concern")

    choose(page, page.get_by_role("radio", name="A person, for example a member of staff"))
    type_into(page, page.get_by_label("What is your concern?"), "I was not given the papers before the meeting.")
    choose(page, page.get_by_role("radio", name="No. Send it anonymously"))
    orca.hear("Fill in the concern, leaving out who it is about")
    missing = "Say who your concern is about"
    press(page, page.get_by_role("button", name="Send concern"))
    expect(page.locator(".govuk-error-summary")).to_contain_text(missing)
    orca.hear("Send the concern without saying who it is about", error_summary=True)
    press(page, summary_link(page, missing))
    who = page.get_by_label("Who is it about? (if it is about a person)")
    expect(who).to_be_focused()
    orca.hear("Follow the summary's link to who it is about", invalid_field=True, error_message=missing)

    page.keyboard.type("the receptionist")
    press(page, page.get_by_role("button", name="Send concern"))
    expect(heading(page)).to_have_text("Concern sent anonymously")
    reference = page.locator(".govuk-panel__body strong").inner_text()
    orca.hear("Send the concern anonymously", once=[reference])
