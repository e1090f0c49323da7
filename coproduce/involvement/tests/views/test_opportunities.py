"""Get involved: the public list, an activity's page, its calendar file and picture."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory
from coproduce.involvement.tests.views.helpers import ERROR_SUMMARY, LIST_MAX_QUERIES, ClientFor, with_picture
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def test_opportunities_are_public_and_in_plain_language_with_easy_read(client: Client, workshop: Activity) -> None:
    with_picture(workshop)
    ActivityFactory.create(title="Private planning meeting", is_open=False)

    response = client.get("/get-involved/")

    assertContains(response, '<h1 class="govuk-heading-l">Get involved</h1>')
    assertContains(response, f'<a class="govuk-link" href="/get-involved/{workshop.pk}/">Bus stop design workshop</a>')
    assertContains(response, "1 activity open to join")
    assertContains(response, "Workshop, in person, at Riverside Community Centre, 1 Mill Lane")
    assertContains(response, "2 places, 0 taken")
    assertContains(response, "Step-free bus stops (design stage)")
    assertContains(
        response,
        f'<img src="/get-involved/{workshop.pk}/easy-read-picture/" alt="A bus stop with a ramp" width="200">',
    )
    assertContains(response, "We will talk about bus stops.<br>You can say what you think.")
    assertNotContains(response, "Private planning meeting")


def test_opportunities_can_be_filtered_by_stage_format_and_time(client: Client, workshop: Activity) -> None:
    ActivityFactory.create(title="Looking back together", stage="evaluation")

    response = client.get("/get-involved/", {"stage": "evaluation", "activity_format": "", "when": "30"})

    assertContains(response, "Looking back together")
    assertNotContains(response, "Bus stop design workshop")
    assertContains(response, '<option value="evaluation" selected>Evaluation</option>', html=True)


def test_opportunities_filtered_say_how_many_were_found_in_the_page_title(client: Client, workshop: Activity) -> None:
    ActivityFactory.create(title="Looking back together", stage="evaluation")

    filtered = client.get("/get-involved/", {"stage": "evaluation", "activity_format": "", "when": ""})
    everything = client.get("/get-involved/", {"stage": "", "activity_format": "", "when": ""})

    assertContains(filtered, "<title>1 activity matches your filters – Get involved – Coproduce</title>")
    assertContains(everything, "<title>Get involved – Coproduce</title>")


def test_opportunities_filter_leads_straight_to_the_results_heading(client: Client, workshop: Activity) -> None:
    response = client.get("/get-involved/", {"stage": "design"})

    assertContains(response, '<form method="get" action="#results"')
    assertContains(
        response, '<h2 class="govuk-heading-m" id="results" tabindex="-1">1 activity open to join</h2>', html=True
    )


def test_opportunities_explain_and_ignore_a_filter_that_is_not_in_the_list(client: Client, workshop: Activity) -> None:
    response = client.get("/get-involved/", {"stage": "someday"})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "Choose a stage from the list")
    assertContains(response, "Bus stop design workshop")
    assertContains(response, "<title>Error: Get involved – Coproduce</title>")
    # The error summary takes focus, so the results heading is not a second place to land.
    assertNotContains(response, 'id="results"')


def test_opportunities_say_so_when_nothing_matches(client: Client, db) -> None:
    response = client.get("/get-involved/")

    assertContains(response, "0 activities open to join")
    assertContains(response, "There are no activities open to join that match.")


def test_opportunities_show_a_member_where_they_are_registered(
    dev: User, grace: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)
    other = ActivityFactory.create(title="Waiting one", capacity=1)
    RegistrationFactory.create(activity=other, person=dev.person, status=RegistrationStatus.WAITING)

    response = client_for(dev).get("/get-involved/")

    assertContains(response, '<strong class="govuk-tag govuk-tag--green">You are registered</strong>', count=1)
    assertContains(response, '<strong class="govuk-tag govuk-tag--yellow">You are on the waiting list</strong>')
    assertContains(response, "See the activities you registered for")


def test_opportunities_are_split_into_pages(client: Client, db) -> None:
    ActivityFactory.create_batch(25)

    first = client.get("/get-involved/")
    second = client.get("/get-involved/", {"page": 2})

    assertContains(first, "Page 1 of 2")
    assert first.content.decode().count('<h3 class="govuk-heading-s') == 20
    assert second.content.decode().count('<h3 class="govuk-heading-s') == 5


def test_the_next_page_of_opportunities_opens_at_the_results_not_the_top_of_the_page(client: Client, db) -> None:
    """The filters said "#results" after filtering, but the page links went back to the top, so the
    header and filters were heard again before the next activities."""
    ActivityFactory.create_batch(25)

    first = client.get("/get-involved/", {"stage": "design"}).content.decode()
    second = client.get("/get-involved/", {"stage": "design", "page": "2"}).content.decode()

    assert 'href="?stage=design&amp;page=2#results" rel="next"' in first
    assert 'href="?stage=design&amp;page=1#results" rel="prev"' in second


@pytest.mark.parametrize("count", [3, 40])
def test_opportunities_stay_within_a_fixed_number_of_queries(
    django_assert_max_num_queries, dev: User, client_for: ClientFor, count: int
) -> None:
    for activity in ActivityFactory.create_batch(count):
        with_picture(activity)
        RegistrationFactory.create(activity=activity, person=dev.person)
    client = client_for(dev)

    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        response = client.get("/get-involved/")

    assert response.status_code == 200


# --- An activity --------------------------------------------------------------------------


def test_activity_page_tells_people_signed_out_how_to_take_part(client: Client, workshop: Activity) -> None:
    response = client.get(f"/get-involved/{workshop.pk}/")

    assertContains(response, '<h1 class="govuk-heading-l">Bus stop design workshop</h1>')
    assertContains(response, "We plan the new bus stops together.")
    assertContains(response, "Step-free entrance. Hearing loop in the main hall.")
    assertContains(response, "2 of 2 left")
    assertContains(
        response, f'<a class="govuk-link" href="/get-involved/{workshop.pk}/calendar.ics">Add Bus stop design workshop'
    )
    assertContains(response, f'href="/accounts/sign-in/?next=/get-involved/{workshop.pk}/">sign in</a>')
    assertContains(response, f'<a class="govuk-link" href="/get-involved/{workshop.pk}/interested/">')


def test_activity_page_shows_when_in_plain_words(client: Client, bus_stops: Project) -> None:
    start = timezone.make_aware(datetime(timezone.localdate().year + 1, 3, 2, 10, 0))
    activity = ActivityFactory.create(project=bus_stops, starts_at=start, ends_at=start + timedelta(hours=2))

    response = client.get(f"/get-involved/{activity.pk}/")

    assertContains(response, f"{start:%A} 2 March {start.year}, 10am to midday")


def test_activity_page_offers_a_member_a_register_button(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/")

    assertContains(response, f'<form method="post" action="/get-involved/{workshop.pk}/register/" novalidate>')
    assertContains(response, 'Register<span class="govuk-visually-hidden"> for Bus stop design workshop</span>')
    assertContains(response, "tell us your access needs</a>")


def test_activity_page_sent_people_to_access_needs_with_no_way_back_and_now_passes_the_activity(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/")

    assertContains(
        response, f'href="/you/access-needs/?next=/get-involved/{workshop.pk}/">tell us your access needs</a>'
    )


def test_activity_page_offers_the_waiting_list_when_full(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)

    response = client_for(dev).get(f"/get-involved/{workshop.pk}/")

    assertContains(response, "Full. You can join the waiting list.")
    assertContains(response, "Join the waiting list<span")


def test_activity_page_tells_a_member_they_are_registered(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(dev).get(f"/get-involved/{workshop.pk}/")

    assertContains(response, "You are registered. We will send you a reminder 2 days before.")
    assertContains(response, f'href="/get-involved/registrations/{registration.pk}/withdraw/">Withdraw from')
    assertNotContains(response, "/register/")


def test_activity_page_tells_a_member_where_they_are_on_the_waiting_list(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WAITING)

    response = client_for(dev).get(f"/get-involved/{workshop.pk}/")

    assertContains(response, "You are on the waiting list. You are number 1.")


def test_activity_page_shows_the_easy_read_summary_and_picture(client: Client, workshop: Activity) -> None:
    with_picture(workshop)

    response = client.get(f"/get-involved/{workshop.pk}/")

    assertContains(response, '<h2 class="govuk-heading-m">Easy Read</h2>')
    assertContains(response, 'alt="A bus stop with a ramp"')


def test_activity_page_links_coordinators_to_manage_it(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/get-involved/{workshop.pk}/")

    assertContains(response, f'href="/get-involved/manage/{workshop.pk}/">Manage Bus stop design workshop</a>')


@pytest.mark.parametrize("persona", [None, "tom", "priya"])
def test_activity_page_not_open_is_not_found_for_people_outside_the_project(
    request: pytest.FixtureRequest, client: Client, client_for: ClientFor, bus_stops: Project, persona: str | None
) -> None:
    activity = ActivityFactory.create(project=bus_stops, is_open=False)
    browser = client if persona is None else client_for(request.getfixturevalue(persona))

    response = browser.get(f"/get-involved/{activity.pk}/")

    assert response.status_code == 404


def test_activity_page_not_open_is_shown_to_the_project_group(
    grace: User, bus_stops: Project, client_for: ClientFor
) -> None:
    activity = ActivityFactory.create(project=bus_stops, is_open=False)

    response = client_for(grace).get(f"/get-involved/{activity.pk}/")

    assertContains(response, "Registration for this activity is not open.")


# --- The calendar file and the picture ----------------------------------------------------


def test_calendar_file_downloads_for_an_open_activity(client: Client, workshop: Activity) -> None:
    response = client.get(f"/get-involved/{workshop.pk}/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="activity-{workshop.pk}.ics"'
    text = response.content.decode()
    starts = workshop.starts_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"\r\nDTSTART:{starts}\r\n" in text
    assert "\r\nSUMMARY:Bus stop design workshop\r\n" in text
    assert f"\r\nURL:http://testserver/get-involved/{workshop.pk}/\r\n" in text


@pytest.mark.parametrize("persona", [None, "tom"])
def test_calendar_file_of_a_private_activity_is_refused(
    request: pytest.FixtureRequest, client: Client, client_for: ClientFor, persona: str | None
) -> None:
    activity = ActivityFactory.create(is_open=False)
    browser = client if persona is None else client_for(request.getfixturevalue(persona))

    response = browser.get(f"/get-involved/{activity.pk}/calendar.ics")

    assert response.status_code == 404


def test_calendar_file_of_a_private_activity_is_given_to_a_coordinator(amina: User, client_for: ClientFor) -> None:
    activity = ActivityFactory.create(is_open=False)

    response = client_for(amina).get(f"/get-involved/{activity.pk}/calendar.ics")

    assert response.status_code == 200


def test_easy_read_picture_is_served_through_the_app(client: Client, workshop: Activity, media_in_tmp: Path) -> None:
    with_picture(workshop)

    response = client.get(f"/get-involved/{workshop.pk}/easy-read-picture/")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response.getvalue().startswith(b"\x89PNG")
    assert Path(workshop.easy_read_image.path).is_relative_to(media_in_tmp)


def test_easy_read_picture_of_a_private_activity_is_refused(client: Client, tom: User, client_for: ClientFor) -> None:
    activity = with_picture(ActivityFactory.create(is_open=False))

    assert client.get(f"/get-involved/{activity.pk}/easy-read-picture/").status_code == 404
    assert client_for(tom).get(f"/get-involved/{activity.pk}/easy-read-picture/").status_code == 404


def test_easy_read_picture_that_does_not_exist_is_not_found(client: Client, workshop: Activity) -> None:
    assert client.get(f"/get-involved/{workshop.pk}/easy-read-picture/").status_code == 404
