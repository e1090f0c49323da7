"""The page inventory: every URL pattern of the project, with who visits it and in what state.

The browser test scans every entry with axe-core; `test_inventory.py` fails when a URL pattern
exists that the inventory does not cover, so the scanned set cannot silently shrink.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from playwright.sync_api import Page

from coproduce.accounts.models import SignInLink, User, hash_token
from coproduce.conftest import PERSONA_BY_KEY, make_persona
from coproduce.model import Stage
from coproduce.people.models import Person
from coproduce.projects.models import Membership, Project, ProjectRole

VALID_TOKEN = "inventory-valid-token"


@dataclass
class World:
    """The objects the inventory's pages are about."""

    users: dict[str, User]
    project: Project
    last_stage_project: Project
    person: Person


def build_world() -> World:
    users = {key: make_persona(persona) for key, persona in PERSONA_BY_KEY.items()}
    project = Project.objects.create(
        title="Step-free bus stops", summary="Making bus stops work for everyone.", created_by=users["amina"]
    )
    Membership.objects.create(project=project, person=users["dev"].person, role=ProjectRole.CO_LEAD)
    Membership.objects.create(project=project, person=users["amina"].person, role=ProjectRole.STAFF_LEAD)
    last = Project.objects.create(
        title="Day centre review", summary="What worked.", stage=Stage.EVALUATION, created_by=users["amina"]
    )
    person = Person.objects.create(full_name="Rosa Lindqvist", kind="member", phone="01632 960000")
    now = timezone.now()
    SignInLink.objects.create(
        user=users["grace"], token_hash=hash_token(VALID_TOKEN), created_at=now, expires_at=now + timedelta(minutes=15)
    )
    return World(users=users, project=project, last_stage_project=last, person=person)


def submit_empty_form(page: Page) -> None:
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state()


def ask_for_link(page: Page) -> None:
    page.goto("/accounts/sign-in/")
    page.fill("#id_email", "grace@example.org")
    page.locator("main button[type=submit]").click()
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


VISITS: tuple[Visit, ...] = (
    Visit("home", None),
    Visit("home", "dev"),
    Visit("home", "amina"),
    Visit("co_production", None),
    Visit("accessibility", None),
    Visit("help", None),
    Visit("accounts:sign_in", None),
    Visit("accounts:sign_in", None, state="errors", action=submit_empty_form),
    Visit("accounts:link_sent", None, action=ask_for_link),
    Visit("accounts:sign_in_link", None, kwargs=lambda world: {"token": VALID_TOKEN}),
    Visit("accounts:sign_in_link", None, kwargs=lambda world: {"token": "forged"}, state="forged", status=400),
    Visit("accounts:password_sign_in", None),
    Visit("accounts:password_sign_in", None, state="errors", action=submit_empty_form),
    Visit("accounts:signed_out", None),
    Visit("people:list", "amina"),
    Visit("people:create", "amina"),
    Visit("people:create", "amina", state="errors", action=submit_empty_form),
    Visit("people:detail", "amina", kwargs=lambda world: {"pk": world.person.pk}),
    Visit("people:detail", "dev", kwargs=lambda world: {"pk": world.users["dev"].person.pk}, state="own"),
    Visit("projects:list", "amina"),
    Visit("projects:list", "dev"),
    Visit("projects:list", "tom", state="empty"),
    Visit("projects:create", "amina"),
    Visit("projects:create", "amina", state="errors", action=submit_empty_form),
    Visit("projects:detail", "dev", kwargs=lambda world: {"pk": world.project.pk}),
    Visit("projects:detail", "amina", kwargs=lambda world: {"pk": world.project.pk}),
    Visit("projects:advance", "amina", kwargs=lambda world: {"pk": world.project.pk}),
    Visit("projects:advance", "amina", kwargs=lambda world: {"pk": world.last_stage_project.pk}, state="last-stage"),
    # Error pages, reached the way people reach them.
    Visit("people:list", "grace", state="forbidden", status=403),
)

# URL patterns that are not pages: each names the page whose form sends to it.
NOT_PAGES = {
    "accounts:sign_out": "the Sign out button in the header of every signed-in page",
}

# Pages that only exist when something goes wrong, scanned by path.
ERROR_PATHS = {"404": "/no-such-page/"}


def url_names(patterns: list[URLPattern | URLResolver] | None = None, namespace: str = "") -> set[str]:
    """Every named URL pattern of the project, as "namespace:name"."""
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= url_names(pattern.url_patterns, inner)
        elif pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names
