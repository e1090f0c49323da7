from django.urls import URLResolver, get_resolver

from coproduce.tests.inventory import DOWNLOADS, NOT_PAGES, VISITS, url_names


def test_inventory_covers_every_url_pattern():
    covered = {visit.url_name for visit in VISITS} | set(NOT_PAGES) | set(DOWNLOADS)

    missing = url_names() - covered

    assert missing == set(), f"Add these URL patterns to coproduce/tests/inventory.py: {sorted(missing)}"


def test_inventory_names_only_real_url_patterns():
    unknown = ({visit.url_name for visit in VISITS} | set(NOT_PAGES) | set(DOWNLOADS)) - url_names()

    assert unknown == set()


def test_every_url_pattern_is_named():
    # Includes (like "accounts/") have no name; everything else must, so the inventory can see it.
    unnamed = [
        str(p.pattern)
        for p in get_resolver().url_patterns
        if not isinstance(p, URLResolver) and not getattr(p, "name", None)
    ]

    assert unnamed == []
