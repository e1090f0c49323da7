"""One live server, one browser tab and the inventory world, shared by the tests of each module here.

For the modules that visit the inventory's pages one by one (the axe-core scans in every display, the
pages without JavaScript, the sample of looks): see ADR 0011. Each xdist worker builds the inventory
world once per module and keeps a snapshot of the database; before every test the snapshot is put back,
so each test sees exactly the world it would see on its own, and whatever a test writes (a form it
sends, objects its URL needs) is gone before the next. The personas' sessions are in the snapshot, so
signing in is giving the browser a cookie. One tab serves the module: before each test it stops the
last page and drops every cookie, which is all the state these pages keep in a browser (they use no
web storage).

A test asks for ``site`` and ``db``. ``db`` takes the place of pytest-django's own fixture of that name
in this folder: it is how pytest-django knows the tests need the test database, without its transaction
around each test or its emptying of every table after each one. A module sets ``JAVASCRIPT = False`` to
browse with JavaScript turned off.
"""

from collections.abc import Iterator

import pytest
from django.test.utils import modify_settings, override_settings
from playwright.sync_api import Browser
from pytest_django.live_server_helper import LiveServer

from coproduce.conftest import TEST_SETTINGS
from coproduce.tests.browser.conftest import new_context, session_key
from coproduce.tests.browser.inventory.shared import Site, Snapshot
from coproduce.tests.world import build_world

HOST = "localhost"


@pytest.fixture(scope="session")
def shared_server(django_db_setup, django_db_blocker) -> Iterator[LiveServer]:
    """A live server for this folder's tests, one per worker, as pytest-django's own ``live_server`` is.

    Not that fixture itself: asking for it makes every test empty every table afterwards. Kept for the
    whole run, like that one, because a server stopped after each module can leave a request thread
    that ends after the database connection stopped being shared with it.
    """
    with django_db_blocker.unblock():
        server = LiveServer(HOST)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def site(
    request: pytest.FixtureRequest, shared_server: LiveServer, django_db_blocker, browser: Browser
) -> Iterator[Site]:
    with (
        django_db_blocker.unblock(),
        override_settings(**TEST_SETTINGS),
        modify_settings(ALLOWED_HOSTS={"append": HOST}),
    ):
        # What the tests before this module left, put back at the end even if building the world fails,
        # so that the worker's next tests start from it rather than from half a world.
        found = Snapshot()
        try:
            world = build_world()
            sessions = {key: session_key(user) for key, user in world.users.items()}
            built = Snapshot()
            javascript = getattr(request.module, "JAVASCRIPT", True)
            context = new_context(browser, shared_server.url, javascript=javascript)
            try:
                yield Site(shared_server.url, context.new_page(), world, sessions, built, javascript)
            finally:
                context.close()
                built.close()
        finally:
            found.restore()
            found.close()


@pytest.fixture
def db(site: Site, django_db_blocker) -> Iterator[None]:
    """Database access for one test, starting from the world as built, in a signed-out tab."""
    with django_db_blocker.unblock():
        site.start_afresh()
        yield
