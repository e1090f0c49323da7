"""The types the page inventory is made of, shared by the core inventory and each app's own."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Registration
from coproduce.people.models import Person
from coproduce.projects.models import Project

PERSONAS = ("amina", "dev", "grace", "tom", "priya", "sam", "morgan")
ANYONE = "anyone"  # a public page: signed-out people and every role may use it


@dataclass
class World:
    """The objects the inventory's pages are about."""

    users: dict[str, User]
    project: Project
    last_stage_project: Project
    idea: Project
    activity: Activity
    registration: Registration
    person: Person


def submit_empty_form(page: Page) -> None:
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state()


@dataclass(frozen=True)
class Visit:
    url_name: str
    persona: str | None  # None: signed out
    kwargs: Callable[[World], dict[str, Any]] = lambda world: {}
    state: str = "default"
    action: Callable[[Page], None] | None = None  # run after loading the page, to reach the state
    status: int = 200
    start_at: str | None = None  # a path to open instead of the URL itself (the action then gets there)
    tags: tuple[str, ...] = field(default=())

    @property
    def id(self) -> str:
        return f"{self.url_name}[{self.persona or 'signed-out'}:{self.state}]"
