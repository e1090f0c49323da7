"""Every page in the inventory, in a real Chromium, with zero axe-core violations, and none wider than 320px.

Each page is scanned twice: as it looks by default, and with the display preferences that change it
most (larger text and higher contrast together), set the way a visitor sets them, by the cookie.

The visits share one live server, one tab and one build of the inventory world, put back as built
before each visit (conftest.py here, ADR 0011). In the same visit the tab is narrowed to 320 CSS pixels
and the page must not scroll sideways (WCAG 1.4.10 reflow, reflow.py here).
"""

import pytest
from django.urls import reverse

from coproduce.communications.preferences import COOKIE_NAME
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.inventory.reflow import reflow_faults
from coproduce.tests.browser.inventory.shared import Site
from coproduce.tests.inventory import DISPLAYS, ERROR_PATHS, VISITS, Visit


@pytest.mark.parametrize("display", DISPLAYS)
@pytest.mark.parametrize("visit", VISITS, ids=[visit.id for visit in VISITS])
def test_page_has_no_accessibility_violations(visit: Visit, display: str, site: Site, db, record_property):
    page, world = site.page, site.world
    preferences = DISPLAYS[display]
    if preferences:
        site.set_cookie(COOKIE_NAME, preferences.cookie_value)
    site.sign_in(visit.persona)
    path = reverse(visit.url_name, kwargs=visit.kwargs(world))

    response = page.goto(visit.start_at or path)
    if visit.action is not None:
        visit.action(page)
    if visit.start_at is not None:
        assert page.url.endswith(path), f"The action should lead to {path}, not {page.url}"

    assert response is not None
    if visit.action is None:
        assert response.status == visit.status
    assert page.title().endswith("– Coproduce")
    if visit.state == "errors":
        assert page.title().startswith("Error:")
        assert page.locator(".govuk-error-summary").is_visible()
    applied = {name for name in (page.locator("html").get_attribute("class") or "").split() if "app-display" in name}
    # A visit's action may choose more preferences (the display page's own states); never fewer.
    assert applied >= set(preferences.html_classes.split())
    if visit.action is None:
        assert applied == set(preferences.html_classes.split())
    assert axe_violations(page) == ""
    assert reflow_faults(page) == ""
    record_property("axe_scan", f"{visit.id}:{display}")


@pytest.mark.parametrize("name", sorted(ERROR_PATHS))
def test_error_page_has_no_accessibility_violations(name: str, site: Site, db, record_property):
    response = site.page.goto(ERROR_PATHS[name])

    assert response is not None
    assert response.status == int(name)
    assert axe_violations(site.page) == ""
    assert reflow_faults(site.page) == ""
    record_property("axe_scan", f"error-{name}:standard")
