"""What the tests in this folder share: a snapshot of the test database, and the site they visit.

The browser tests run on SQLite's in-memory test database, which the live server shares with the test
(one connection). SQLite's online backup copies every page of one database into another, so a module
builds its world once, keeps a copy, and puts that copy back before each test in a few milliseconds.
"""

import sqlite3
from dataclasses import dataclass

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.sqlite3.base import DatabaseWrapper as SQLiteDatabaseWrapper
from playwright.sync_api import Page

from coproduce.tests.inventory import World


def shared_test_database() -> sqlite3.Connection:
    """The open connection to SQLite's in-memory test database, which the live server shares."""
    wrapper = connections[DEFAULT_DB_ALIAS]
    if not isinstance(wrapper, SQLiteDatabaseWrapper) or not wrapper.is_in_memory_db():
        raise RuntimeError("Snapshots need SQLite's in-memory test database (the browser tests run on SQLite).")
    if wrapper.in_atomic_block:
        raise RuntimeError("Take or restore a snapshot outside any transaction.")
    wrapper.ensure_connection()
    return wrapper.connection


class Snapshot:
    """A copy of the whole test database as it is now."""

    def __init__(self) -> None:
        self._copy = sqlite3.connect(":memory:", check_same_thread=False)
        shared_test_database().backup(self._copy)

    def restore(self) -> None:
        """Make the test database exactly what it was when the snapshot was taken."""
        self._copy.backup(shared_test_database())

    def close(self) -> None:
        self._copy.close()


@dataclass
class Site:
    """The live server, the inventory world as built, and the one tab that visits it."""

    url: str
    page: Page
    world: World
    sessions: dict[str, str]
    built: Snapshot
    javascript: bool

    def start_afresh(self) -> None:
        """Stop anything the last page still loads, forget every cookie, put the world back as built.

        The tab stays on the last page rather than going to about:blank: leaving the site for a blank
        page and coming back makes Chromium start a new renderer process, which takes longer than a
        visit.
        """
        if self.javascript and self.page.url != "about:blank":
            self.page.evaluate("window.stop()")
        self.page.context.clear_cookies()
        self.built.restore()

    def set_cookie(self, name: str, value: str) -> None:
        self.page.context.add_cookies([{"name": name, "value": value, "url": self.url}])

    def sign_in(self, persona: str | None) -> None:
        """Sign the tab in as one of the personas (None: stay signed out)."""
        if persona is not None:
            self.set_cookie(settings.SESSION_COOKIE_NAME, self.sessions[persona])
