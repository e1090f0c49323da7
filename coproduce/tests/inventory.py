"""The page inventory: every URL pattern of the project, with who visits it and in what state.

The browser test scans every entry with axe-core; `test_inventory.py` fails when a URL pattern
exists that the inventory does not cover, so the scanned set cannot silently shrink.
"""

from functools import partial
from types import ModuleType
from typing import Any

from django.urls import URLPattern, URLResolver, get_resolver
from playwright.sync_api import Page

from coproduce.analytics.tests import inventory as analytics_inventory
from coproduce.communications.preferences import Preferences
from coproduce.communications.tests import inventory as communications_inventory
from coproduce.contributions.tests import inventory as contributions_inventory
from coproduce.decisions.tests import inventory as decisions_inventory
from coproduce.easyread.tests import inventory as easyread_inventory
from coproduce.learning.tests import inventory as learning_inventory
from coproduce.newsletters.tests import inventory as newsletters_inventory
from coproduce.payments.tests import inventory as payments_inventory
from coproduce.reports.tests import inventory as reports_inventory
from coproduce.reviews.tests import inventory as reviews_inventory
from coproduce.surveys.tests import inventory as surveys_inventory
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form
from coproduce.tests.world import VALID_TOKEN, awaiting, people_import, started

__all__ = ["ANYONE", "PERSONAS", "Visit", "World", "object_kwargs", "submit_empty_form"]

# Apps that keep their part of the inventory beside their code, in <app>/tests/inventory.py.
APP_INVENTORIES: tuple[ModuleType, ...] = (
    contributions_inventory,
    payments_inventory,
    decisions_inventory,
    learning_inventory,
    communications_inventory,
    easyread_inventory,
    surveys_inventory,
    analytics_inventory,
    newsletters_inventory,
    reviews_inventory,
    reports_inventory,
)


def clear_email_and_submit(page: Page) -> None:
    page.fill("#id_email", "")
    submit_empty_form(page)


def agree_to_first(page: Page) -> None:
    page.locator("main button[value=give]").first.click()
    page.wait_for_load_state()


def answer_equality_questions(page: Page) -> None:
    page.check("#id_religion_0")
    page.check("#id_agree")
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_load_state()


def stop_using_equality_answers(page: Page) -> None:
    answer_equality_questions(page)
    page.get_by_role("button", name="Stop using my answers").click()
    page.wait_for_load_state()


def choose_unknown_format(page: Page) -> None:
    page.goto("/people/export/?format=pdf")
    page.wait_for_load_state()


def ask_for_link(page: Page) -> None:
    page.goto("/accounts/sign-in/")
    page.fill("#id_email", "grace@example.org")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()


# Who may use each page; every other signed-in persona is refused with 403, and signed-out people are
# sent to sign in. The project is "Step-free bus stops": Dev is its co-lead, Grace a member and Amina
# its staff lead (as in the `bus_stops` fixture).
ACCESS: dict[str, tuple[str, ...] | str] = {
    "home": ANYONE,
    "co_production": ANYONE,  # Dev, who reads Easy Read, gets the Easy Read version first
    "co_production_easy_read": ANYONE,
    "accessibility": ANYONE,
    "help": ANYONE,
    "accounts:signed_out": ANYONE,
    "people:list": ("amina", "morgan", "priya"),  # Priya sees her own organisation's people
    "people:create": ("amina", "morgan"),
    "people:detail": ("amina", "morgan"),  # someone else's record: Rosa has no sign-in
    "people:access_needs": ("amina", "morgan"),
    "people:consents": ("amina", "morgan"),
    "people:data": ("amina", "morgan"),
    "people:data_json": ("amina", "morgan"),
    "people:delete": ("amina", "morgan"),
    "people:retention": ("amina", "morgan"),
    "people:import_upload": ("amina", "morgan"),
    "people:import_columns": ("amina", "morgan"),
    "people:import_check": ("amina", "morgan"),
    "people:export": ("amina", "morgan"),
    "people:organisations": ("amina", "morgan"),
    "people:organisation_create": ("amina", "morgan"),
    "people:organisation_detail": ("amina", "morgan", "priya"),  # Priya sees her own organisation's page
    "you:details": PERSONAS,
    "you:contact": PERSONAS,
    "you:access_needs": PERSONAS,
    "you:recognition": PERSONAS,
    "you:consents": PERSONAS,
    "you:data": PERSONAS,
    "you:data_json": PERSONAS,
    "you:delete": PERSONAS,
    "equality:mine": PERSONAS,
    "equality:answer": PERSONAS,
    "involvement:opportunities": ANYONE,
    "involvement:detail": ANYONE,
    "involvement:ics": ANYONE,
    "involvement:interest": ANYONE,
    "involvement:yours": PERSONAS,
    "involvement:register": PERSONAS,
    "involvement:withdraw": ("amina", "morgan", "dev"),
    **{
        f"involvement:{name}": ("amina", "morgan")
        for name in (
            "manage",
            "activity_create",
            "manage_activity",
            "activity_edit",
            "publish",
            "roster",
            "roster_add",
            "arrangements",
            "mark_ready",
            "attendance",
        )
    },
    "projects:list": PERSONAS,
    "projects:propose": PERSONAS,
    "projects:my_ideas": PERSONAS,
    "projects:intake": ("amina", "morgan"),
    "projects:decide_intake": ("amina", "morgan"),
    "projects:assessment": ("amina", "morgan", "dev"),
    "projects:approve_design": ("amina", "morgan"),
    "projects:add_to_group": ("amina", "morgan"),
    "projects:create": ("amina", "morgan"),
    "projects:detail": ("amina", "sam", "morgan", "dev", "grace"),
    "projects:advance": ("amina", "morgan", "dev"),
}


ACTIVITY_PAGES = {
    f"involvement:{name}"
    for name in (
        "detail",
        "ics",
        "easy_read_image",
        "interest",
        "register",
        "manage_activity",
        "activity_edit",
        "publish",
        "roster",
        "roster_add",
        "mark_ready",
        "attendance",
    )
}


def object_kwargs(url_name: str, world: World) -> dict[str, Any]:
    if url_name in (
        "projects:detail",
        "projects:advance",
        "projects:assessment",
        "projects:approve_design",
        "projects:add_to_group",
    ):
        return {"pk": world.project.pk}
    if url_name == "projects:decide_intake":
        return {"pk": world.idea.pk}
    if url_name in ("involvement:withdraw", "involvement:arrangements"):
        return {"pk": world.registration.pk}
    if url_name in ACTIVITY_PAGES:
        return {"pk": world.activity.pk}
    if url_name in ("people:detail", "people:access_needs", "people:consents", "people:data", "people:data_json"):
        return {"pk": world.person.pk}
    if url_name == "people:delete":
        return {"pk": world.person.pk}
    if url_name in ("people:import_columns", "people:import_check"):
        return {"pk": people_import(world).pk}
    if url_name == "people:organisation_detail":
        return {"pk": world.users["priya"].person.organisation_id}
    for app in APP_INVENTORIES:
        kwargs = app.object_kwargs(url_name, world)
        if kwargs is not None:
            return kwargs
    return {}


# File downloads: the permission matrix checks who may have them; there is no page to scan.
DOWNLOADS = {
    "you:data_json": "the JSON download linked from you:data",
    "people:data_json": "the JSON download linked from people:data",
    "involvement:ics": "the calendar file linked from involvement:detail",
    "involvement:easy_read_image": "the Easy Read picture shown on involvement pages (404 without one)",
}


def _visits_by_access() -> list[Visit]:
    """One visit for each page and each persona who may use it (and signed out, for public pages)."""
    visits: list[Visit] = []
    for url_name, who in ACCESS.items():
        personas: tuple[str | None, ...] = (None, *PERSONAS) if who == ANYONE else tuple(who)
        if url_name in DOWNLOADS:
            continue
        visits += [Visit(url_name, persona, kwargs=partial(object_kwargs, url_name)) for persona in personas]
    return visits


# Pages in particular states: forms with errors, empty lists, sign-in pages, links good and bad.
STATE_VISITS = (
    Visit("accounts:sign_in", None),
    Visit("accounts:sign_in", None, state="errors", action=submit_empty_form),
    Visit("accounts:link_sent", None, action=ask_for_link),
    Visit("accounts:sign_in_link", None, kwargs=lambda world: {"token": VALID_TOKEN}),
    Visit("accounts:sign_in_link", None, kwargs=lambda world: {"token": "forged"}, state="forged", status=400),
    Visit("accounts:password_sign_in", None),
    Visit("accounts:password_sign_in", None, state="errors", action=submit_empty_form),
    Visit("people:create", "amina", state="errors", action=submit_empty_form),
    Visit("people:organisation_create", "amina", state="errors", action=submit_empty_form),
    Visit("you:contact", "dev", state="errors", action=clear_email_and_submit),
    Visit("you:delete", "dev", state="errors", action=submit_empty_form),
    Visit(
        "people:delete", "amina", kwargs=lambda world: {"pk": world.person.pk}, state="errors", action=submit_empty_form
    ),
    Visit("people:detail", "amina", kwargs=lambda world: {"pk": awaiting(world).pk}, state="awaiting-confirmation"),
    Visit("people:data", "amina", kwargs=lambda world: {"pk": world.users["dev"].person.pk}, state="member"),
    Visit("people:import_upload", "amina", state="errors", action=submit_empty_form),
    Visit(
        "people:import_columns",
        "amina",
        kwargs=lambda world: {"pk": people_import(world, mapped=False).pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "people:import_check", "amina", kwargs=lambda world: {"pk": people_import(world, clean=True).pk}, state="clean"
    ),
    Visit("people:export", "amina", state="errors", action=choose_unknown_format),
    Visit("equality:answer", "dev", state="errors", action=submit_empty_form),
    Visit(
        "equality:mine", "grace", state="answered", start_at="/you/equality/answer/", action=answer_equality_questions
    ),
    Visit(
        "equality:mine",
        "grace",
        state="withdrawn",
        start_at="/you/equality/answer/",
        action=stop_using_equality_answers,
    ),
    Visit("you:access_needs", "dev", state="errors", action=submit_empty_form),
    Visit("you:recognition", "grace", state="errors", action=submit_empty_form),
    Visit("you:consents", "dev", state="agreed", action=agree_to_first),
    Visit(
        "people:access_needs",
        "amina",
        kwargs=lambda world: {"pk": world.person.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "people:consents",
        "amina",
        kwargs=lambda world: {"pk": world.person.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit("people:detail", "dev", kwargs=lambda world: {"pk": world.users["dev"].person.pk}, state="own"),
    Visit("projects:list", "tom", state="empty"),
    Visit("projects:create", "amina", state="errors", action=submit_empty_form),
    Visit("projects:propose", "dev", state="errors", action=submit_empty_form),
    Visit("involvement:yours", "tom", state="empty"),
    Visit(
        "involvement:interest",
        None,
        kwargs=lambda world: {"pk": world.activity.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit("involvement:activity_create", "amina", state="errors", action=submit_empty_form),
    Visit(
        "involvement:attendance",
        "amina",
        kwargs=lambda world: {"pk": started(world.activity).pk},
        state="errors",
        action=submit_empty_form,
    ),
    *(
        Visit(
            f"involvement:{name}",
            persona,
            kwargs=lambda world: {"pk": world.activity.pk},
            state="errors",
            action=submit_empty_form,
        )
        for name, persona in (
            ("register", "dev"),
            ("mark_ready", "amina"),
            ("roster_add", "amina"),
        )
    ),
    Visit("projects:my_ideas", "tom", state="empty"),
    Visit(
        "projects:decide_intake",
        "amina",
        kwargs=lambda world: {"pk": world.idea.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "projects:assessment",
        "dev",
        kwargs=lambda world: {"pk": world.project.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit(
        "projects:approve_design",
        "amina",
        kwargs=lambda world: {"pk": world.project.pk},
        state="refused",
        action=submit_empty_form,
    ),
    Visit(
        "projects:add_to_group",
        "amina",
        kwargs=lambda world: {"pk": world.project.pk},
        state="errors",
        action=submit_empty_form,
    ),
    Visit("projects:advance", "amina", kwargs=lambda world: {"pk": world.last_stage_project.pk}, state="last-stage"),
    # The refusal page, reached the way people reach it.
    Visit("people:list", "grace", state="forbidden", status=403),
)

for app in APP_INVENTORIES:
    ACCESS.update(app.ACCESS)
    DOWNLOADS.update(app.DOWNLOADS)
    STATE_VISITS += app.STATE_VISITS

VISITS: tuple[Visit, ...] = (*_visits_by_access(), *STATE_VISITS)


# URL patterns that are not pages: each names the page whose form sends to it.
NOT_PAGES = {
    "accounts:sign_out": "the Sign out button in the header of every signed-in page",
    "people:confirm": "the Confirm button on people:detail for someone awaiting confirmation",
    "equality:withdraw": "the Stop using my answers button on equality:mine",
}
for app in APP_INVENTORIES:
    NOT_PAGES.update(app.NOT_PAGES)

# URL names whose permissions have their own tests (POST-only, or 404 unless something exists).
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = tuple(
    name for app in APP_INVENTORIES for name in app.PERMISSIONS_TESTED_ELSEWHERE
)

# Pages that only exist when something goes wrong, scanned by path.
ERROR_PATHS = {"404": "/no-such-page/"}

# Each page is scanned as it looks by default, and with the display preferences that change it most
# (larger text and higher contrast together), set the way a visitor sets them, by the cookie.
DISPLAYS = {
    "standard": Preferences(),
    "large-text-high-contrast": Preferences(large_text=True, high_contrast=True),
}

# How many (page, role, state, display) scans the browser run made when the suite's budget was set
# (ADR 0011). Pages are added, never dropped to save time: the set may grow and must not shrink.
SCANS_AT_LEAST = 1441


def scan_count() -> int:
    """The (page, role, state, display) scans the browser run makes: every visit in every display, and
    each error page."""
    return len(VISITS) * len(DISPLAYS) + len(ERROR_PATHS)


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
