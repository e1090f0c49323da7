"""The newsletters pages in the page inventory (merged by coproduce/tests/inventory.py)."""

from typing import Any

from coproduce.tests.inventory_types import ANYONE, PERSONAS, Visit, World, submit_empty_form  # noqa: F401

ACCESS: dict[str, tuple[str, ...] | str] = {}
DOWNLOADS: dict[str, str] = {}
NOT_PAGES: dict[str, str] = {}
PERMISSIONS_TESTED_ELSEWHERE: tuple[str, ...] = ()
STATE_VISITS: tuple[Visit, ...] = ()


def object_kwargs(url_name: str, world: World) -> dict[str, Any] | None:
    return None
