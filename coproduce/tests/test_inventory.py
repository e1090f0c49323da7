from django.urls import URLResolver, get_resolver

from coproduce.tests.inventory import DOWNLOADS, NOT_PAGES, SCANS_AT_LEAST, VISITS, scan_count, url_names


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


def test_the_scanned_set_never_shrinks():
    assert scan_count() >= SCANS_AT_LEAST, "A page, role, state or display has left the inventory (ADR 0011)"


def test_every_visit_is_a_distinct_page_role_and_state():
    # Two visits with the same id would be one scan counted twice in the browser run's total.
    assert len({visit.id for visit in VISITS}) == len(VISITS)
