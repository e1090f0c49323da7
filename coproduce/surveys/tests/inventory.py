"""The surveys pages in the page inventory (merged by coproduce/tests/inventory.py).

ACCESS: url name -> personas who may use it (or ANYONE). object_kwargs: the URL kwargs for one of this
app's url names (None for names of other apps). STATE_VISITS: pages in particular states. DOWNLOADS:
files, not pages. NOT_PAGES: POST-only endpoints, each naming the page whose form sends to it.
PERMISSIONS_TESTED_ELSEWHERE: url names whose permissions have their own tests (POST-only, 404 unless
something exists), left out of the generic matrix test.
"""

from typing import Any

from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World  # noqa: F401

ACCESS: dict[str, tuple[str, ...] | str] = {}
STATE_VISITS: tuple[Visit, ...] = ()
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    return None
