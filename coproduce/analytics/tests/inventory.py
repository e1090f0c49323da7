"""The analytics pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.
"""

from typing import Any

from coproduce.analytics.services import ensure_reference_data, refresh_indicators
from coproduce.analytics.tests.factories import under_represented_world
from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

# Only the data lead sees representation (issue 8); the data lead and admins load reference figures.
ACCESS: dict[str, tuple[str, ...] | str] = {
    # Coordinators, admins and the data lead; project leads (Dev co-leads the world's project).
    "analytics:dashboard": PERSONAS,
    "analytics:representation": ("sam",),
    "analytics:outreach_action": ("sam",),
    "analytics:reference_figures": ("sam", "morgan"),
}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {"analytics:dashboard_refresh": "analytics:dashboard"}
# Per-role tests in analytics/tests/test_dashboard.py (test_who_may_ask_for_a_refresh).
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ("analytics:dashboard_refresh",)


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    if not url_name.startswith("analytics:"):
        return None
    # Tests that flush the database remove the Census figures the migration loaded.
    ensure_reference_data()
    if url_name == "analytics:outreach_action":
        return {"dimension": "sex", "category": "female"}
    return {}


def with_a_gap(world: World) -> dict[str, Any]:
    """40 people took part, 5 of them women: women are fewer than expected."""
    ensure_reference_data()
    under_represented_world(world.project, world.users["amina"])
    return {}


def with_figures(world: World) -> dict[str, Any]:
    """The dashboard with figures worked out, including small ones shown as [c]."""
    ensure_reference_data()
    refresh_indicators(projects=True)
    return {}


STATE_VISITS: tuple[Visit, ...] = (
    Visit("analytics:dashboard", "amina", state="with-figures", kwargs=with_figures),
    Visit("analytics:representation", "sam", state="with-gap", kwargs=with_a_gap),
    Visit(
        "analytics:outreach_action",
        "sam",
        state="errors",
        kwargs=lambda world: object_kwargs("analytics:outreach_action", world) or {},
        action=submit_empty_form,
    ),
    Visit(
        "analytics:reference_figures",
        "sam",
        state="errors",
        kwargs=lambda world: object_kwargs("analytics:reference_figures", world) or {},
        action=submit_empty_form,
    ),
)
