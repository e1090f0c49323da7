"""Playwright driving Debian's Chromium against the live test server, and the axe-core scan.

These tests are never skipped: if Chromium is missing they fail, because a page that has not been
checked in a browser has not been checked.
"""

import shutil
from collections.abc import Callable, Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from coproduce.accounts.models import User

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices (landmarks, headings, regions).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium.")
    # Playwright gives each launch a fresh, empty profile of its own.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def new_context(browser: Browser, base_url: str, *, javascript: bool = True) -> BrowserContext:
    """A fresh browser profile (no cookies) at a laptop's size, for the live server at ``base_url``."""
    context = browser.new_context(
        base_url=base_url, viewport={"width": 1024, "height": 800}, java_script_enabled=javascript
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser: Browser, live_server) -> Iterator[BrowserContext]:
    context = new_context(browser, live_server.url)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def session_key(user: User) -> str:
    """A real signed-in session for ``user``, as the value of its session cookie."""
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def give_session(context: BrowserContext, user: User, url: str) -> None:
    """Sign the browser context in as ``user`` by giving it a real session cookie."""
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session_key(user), "url": url}])


@pytest.fixture
def sign_in_as(context: BrowserContext, live_server) -> Callable[[User], None]:
    return lambda user: give_session(context, user, live_server.url)


def axe_violations(page: Page) -> str:
    """Run axe-core on the page and return a readable report of its violations ("" when there are none)."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    return "" if results.violations_count == 0 else results.generate_report()
