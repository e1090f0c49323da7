"""The communications pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests.
"""

from typing import Any

from playwright.sync_api import Page

from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

ACCESS: dict[str, tuple[str, ...] | str] = {
    # Anyone may change how pages look for them, signed in or not.
    "communications:display": ANYONE,
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if url_name.startswith("communications:"):
        return {}
    return None


def tick_every_preference_and_save(page: Page) -> None:
    for box in page.locator("main input[type=checkbox]").all():
        box.check()
    submit_empty_form(page)


def check_readability(page: Page) -> None:
    page.locator("main form button[name=check_readability]").click()
    page.wait_for_load_state()


STATE_VISITS: tuple[Visit, ...] = (
    # Every preference at once, after saving: the page with the success banner, in the combined look.
    Visit("communications:display", None, state="all-preferences", action=tick_every_preference_and_save),
    # The readability panels on the activity form (the panel is this app's; the form is involvement's).
    Visit(
        "involvement:activity_edit",
        "amina",
        kwargs=lambda world: {"pk": world.activity.pk},
        state="readability-checked",
        action=check_readability,
    ),
)
