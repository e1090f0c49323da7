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
from playwright.sync_api import BrowserContext, Page, expect, sync_playwright

from coproduce.payments.services.offers import make_offers
from coproduce.tests.browser.conftest import CHROMIUM
from coproduce.tests.browser.keyboard import heading, move_focus_to, press, tick, type_into
from coproduce.tests.browser.test_payments_journey import WALKABOUT, after_the_walkabout
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


def walk(page: Page, orca: Orca) -> None:
    orca.hear("Chromium opens")
    page.goto("/accounts/sign-in/password/")
    expect(heading(page)).to_have_text("Sign in with a password")
    into_the_page(orca)
    orca.hear("Arrive at sign in with a password")

    press(page, page.get_by_role("button", name="Sign in"))
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    orca.hear("Sign in with nothing filled in", error_summary=True)
    move_focus_to(page, page.get_by_label("Email address"))
    orca.hear("Tab to the email address", invalid_field=True)

    page.keyboard.type("grace@example.org")
    type_into(page, page.get_by_label("Password"), "not-my-password")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a correct email address and password")
    orca.hear("Sign in with the wrong password", error_summary=True)
    # Both fields carry aria-invalid (tested in accounts), but Orca 43 says no state for a password text, so
    # the email address is where "invalid entry" is listened for.
    move_focus_to(page, page.get_by_label("Email address"))
    orca.hear("Shift+Tab back to the email address", invalid_field=True)
    move_focus_to(page, page.get_by_label("Password"))
    orca.hear("Tab to the password")

    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(heading(page)).to_have_text("Hello, Grace")
    orca.hear("Sign in with the right password")

    press(page, page.get_by_role("link", name="Payments to choose"))
    expect(heading(page)).to_have_text("Your payments")
    orca.hear("Open your payments")
    press(page, page.get_by_role("link", name=WALKABOUT, exact=True))
    expect(page.get_by_role("main")).to_contain_text("£50.00")
    orca.hear("Open the payment for the walkabout")

    page.goto("/display/")
    expect(heading(page)).to_have_text("Change how pages look")
    orca.hear("Arrive at display settings")
    tick(page, page.get_by_label("Larger text"))
    press(page, page.get_by_role("button", name="Save display settings"))
    expect(page.get_by_role("region", name="Success")).to_contain_text("Your display settings are saved.")
    orca.hear("Save display settings", once=["Your display settings are saved."])

    page.goto("/get-involved/")
    expect(heading(page)).to_have_text("Get involved")
    orca.hear("Arrive at Get involved")
    move_focus_to(page, page.get_by_label("Project stage"))
    page.keyboard.type("Design")
    expect(page.get_by_label("Project stage")).to_have_value("design")
    press(page, page.get_by_role("button", name="Find activities"))
    expect(page.get_by_role("heading", name="1 activity open to join")).to_be_focused()
    orca.hear("Find design activities", once=["1 activity open to join"])
