"""The display preferences page, the classes it puts on every page, and the readability panel."""

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.communications.models import DisplayPreferences
from coproduce.communications.preferences import COOKIE_NAME, Preferences
from coproduce.communications.tests.test_readability import HARD, PLAIN
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.involvement.tests.views.helpers import activity_data
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]


def html_tag(response: Any) -> str:
    content = response.content.decode()
    start = content.index("<html")
    return content[start : content.index(">", start) + 1]


def test_signed_out_people_can_open_the_page_from_the_footer(client: Client) -> None:
    home = client.get("/")
    assertContains(home, '<a class="govuk-link" href="/display/">Change how pages look</a>', html=True)

    response = client.get("/display/")

    assertContains(response, '<h1 class="govuk-heading-l">Change how pages look</h1>')
    assertContains(response, "We keep your choice in a cookie on this device.")
    assert html_tag(response) == '<html lang="en-GB" class="govuk-template">'


def test_signed_out_choice_is_kept_in_a_cookie_and_applied_to_every_page(client: Client) -> None:
    response = client.post("/display/", {"choices": ["large-text", "high-contrast"]})

    assertRedirects(response, "/display/", fetch_redirect_response=False)
    cookie = response.cookies[COOKIE_NAME]
    assert cookie.value == "large-text.high-contrast"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert DisplayPreferences.objects.count() == 0
    page = client.get("/display/")
    assertContains(page, "Your display settings are saved.")
    assertContains(page, 'value="large-text" checked')
    assert "app-display--large-text app-display--high-contrast" in html_tag(client.get("/get-involved/"))


def test_a_cookie_with_unknown_values_puts_only_known_classes_on_the_page(client: Client) -> None:
    client.cookies[COOKIE_NAME] = 'more-spacing."><script>alert(1)</script>.dyslexia-font'

    response = client.get("/")

    assert html_tag(response) == (
        '<html lang="en-GB" class="govuk-template app-display--more-spacing app-display--dyslexia-font">'
    )
    assertNotContains(response, "alert(1)")


def test_signed_in_choice_is_saved_with_the_account(dev: User, client_for: ClientFor) -> None:
    client = client_for(dev)

    response = client.post("/display/", {"choices": ["large-text", "more-spacing", "reduce-motion"]})

    assertRedirects(response, "/display/", fetch_redirect_response=False)
    assert DisplayPreferences.objects.get(user=dev).to_preferences() == Preferences(
        large_text=True, more_spacing=True, reduce_motion=True
    )
    expected = "app-display--large-text app-display--more-spacing app-display--reduce-motion"
    assert expected in html_tag(client.get("/projects/"))


def test_saved_preferences_follow_the_person_to_a_new_sign_in(grace: User, client_for: ClientFor) -> None:
    DisplayPreferences.objects.create(user=grace, high_contrast=True)

    fresh_device = client_for(grace)
    response = fresh_device.get("/")

    assert html_tag(response) == '<html lang="en-GB" class="govuk-template app-display--high-contrast">'
    assertContains(fresh_device.get("/display/"), "We keep your choice with your account")


def test_signed_in_without_saved_preferences_uses_the_cookie(tom: User, client_for: ClientFor) -> None:
    client = client_for(tom)
    client.cookies[COOKIE_NAME] = "large-text"

    assert "app-display--large-text" in html_tag(client.get("/"))


def test_unticking_everything_gives_the_standard_look(dev: User, client_for: ClientFor) -> None:
    DisplayPreferences.objects.create(user=dev, large_text=True)
    client = client_for(dev)

    response = client.post("/display/", {})

    assert response.cookies[COOKIE_NAME].value == ""
    assert DisplayPreferences.objects.get(user=dev).to_preferences() == Preferences()
    page = client.get("/display/")
    assertContains(page, "Pages now have the standard look.")
    assert html_tag(page) == '<html lang="en-GB" class="govuk-template">'


def test_an_unknown_choice_is_an_error_and_nothing_is_saved(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post("/display/", {"choices": ["comic-sans"]})

    assert response.status_code == 200
    assertContains(response, "<title>Error: Change how pages look – Coproduce</title>", html=False)
    assertContains(response, '<a href="#id_choices_0">Choose from the list</a>')
    assert COOKIE_NAME not in response.cookies
    assert not DisplayPreferences.objects.exists()


def test_pages_cost_no_extra_query_for_a_signed_in_person(dev: User, tom: User, client_for: ClientFor) -> None:
    DisplayPreferences.objects.create(user=dev, large_text=True)
    with_preferences, without = client_for(dev), client_for(tom)
    with_preferences.get("/")  # anything the first page does once per session
    without.get("/")

    # Preferences come from the session, filled in at sign-in: no query of their own on each page.
    with CaptureQueriesContext(connection) as dev_queries:
        response = with_preferences.get("/display/")
    with CaptureQueriesContext(connection) as tom_queries:
        without.get("/display/")

    assert "app-display--large-text" in html_tag(response)
    assert len(dev_queries) == len(tom_queries)
    assert not any("communications_displaypreferences" in query["sql"] for query in dev_queries.captured_queries)


# --- The readability panel on the activity form ------------------------------------------


def test_check_readability_shows_panels_and_saves_nothing(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    data = activity_data(bus_stops, description=HARD, easy_read_summary=PLAIN, check_readability="1")

    response = client_for(amina).post("/get-involved/manage/new/", data)

    assert response.status_code == 200
    assert not Activity.objects.exists()
    assertNotContains(response, "There is a problem")
    assertContains(response, '<h2 class="govuk-notification-banner__title" id="readability-checked-title">')
    assertContains(
        response,
        '<a class="govuk-notification-banner__link" href="#readability-description">'
        "Description: may be hard to read</a>",
        html=True,
    )
    assertContains(response, "Readability: Description")
    assertContains(response, "Its reading ease is -44: aim for 60 or more.")
    assertContains(response, "1 sentence is longer than 25 words.")
    assertContains(response, "(26 words)")
    assertContains(response, "This text should be easy to read.")  # the Easy Read summary
    content = response.content.decode()
    # Each panel comes right after its field.
    assert content.index('id="id_description"') < content.index('id="readability-description"')
    assert content.index('id="readability-description"') < content.index('id="id_easy_read_summary"')


def test_check_readability_with_an_empty_form_says_there_is_nothing_to_check(
    amina: User, client_for: ClientFor
) -> None:
    response = client_for(amina).post("/get-involved/manage/new/", {"check_readability": "1"})

    assertContains(response, "There is no text to check yet. Nothing is saved.")
    assertNotContains(response, "There is a problem")
    assertNotContains(response, "<title>Error:")


def test_a_failed_save_shows_the_errors_and_the_readability(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    data = activity_data(bus_stops, description=HARD, capacity="0")

    response = client_for(amina).post("/get-involved/manage/new/", data)

    assertContains(response, "There is a problem")
    assertContains(response, "Readability: Description")
    assert not Activity.objects.exists()


def test_the_panel_warns_but_never_blocks_a_save(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).post("/get-involved/manage/new/", activity_data(bus_stops, description=HARD))

    activity = Activity.objects.get()
    assertRedirects(response, f"/get-involved/manage/{activity.pk}/", fetch_redirect_response=False)
    assert activity.description == HARD


def test_check_readability_on_the_edit_page_keeps_the_saved_text(amina: User, client_for: ClientFor) -> None:
    activity = ActivityFactory.create(description="Old words.")
    data = activity_data(activity.project, description=PLAIN, check_readability="1")

    response = client_for(amina).post(f"/get-involved/manage/{activity.pk}/edit/", data)

    assertContains(response, "Readability: Description")
    activity.refresh_from_db()
    assert activity.description == "Old words."
