"""The "Get involved" pages and the coordinator's pages for running activities."""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import Role, User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, Attendance, InterestRequest, NeedArrangement, Registration
from coproduce.involvement.tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    RegistrationFactory,
    give_needs,
    in_days,
)
from coproduce.people.models import Need, Person
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]

ERROR_SUMMARY = '<h2 class="govuk-error-summary__title">There is a problem</h2>'
# The most queries a list page may make, however many activities or people there are.
LIST_MAX_QUERIES = 6
# The roster also records that it was seen (an audit event) and reads people, needs and arrangements.
ROSTER_MAX_QUERIES = 10


def png(name: str = "bus.png") -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def with_picture(activity: Activity) -> Activity:
    activity.easy_read_image.save("bus.png", png(), save=False)
    activity.easy_read_image_alt = "A bus stop with a ramp"
    activity.easy_read_summary = "We will talk about bus stops.\nYou can say what you think."
    activity.save()
    return activity


def date_parts(name: str, moment: datetime, time_text: str) -> dict[str, str]:
    local = timezone.localtime(moment)
    return {
        f"{name}_day": str(local.day),
        f"{name}_month": str(local.month),
        f"{name}_year": str(local.year),
        f"{name}_time": time_text,
    }


def activity_data(project: Project, **overrides: Any) -> dict[str, Any]:
    start = in_days(14)
    data: dict[str, Any] = {
        "project": project.pk,
        "title": "Bus stop design workshop",
        "kind": "workshop",
        "stage": "design",
        "description": "We plan the new bus stops together.",
        "easy_read_summary": "",
        "easy_read_image_alt": "",
        "format": "in_person",
        **date_parts("starts_at", start, "10am"),
        **date_parts("ends_at", start, "12:30pm"),
        "venue": "Riverside Community Centre",
        "venue_access": "Step-free entrance",
        "capacity": "12",
        "planned_rung": "co_design",
        "channels": ["email_list", "partner_organisations"],
        "targeted_groups": "Young carers",
    }
    data.update(overrides)
    return data


# --- Get involved -------------------------------------------------------------------------


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


def test_opportunities_explain_and_ignore_a_filter_that_is_not_in_the_list(client: Client, workshop: Activity) -> None:
    response = client.get("/get-involved/", {"stage": "someday"})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "Choose a stage from the list")
    assertContains(response, "Bus stop design workshop")


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
    assertContains(response, 'href="/you/access-needs/">tell us your access needs</a>')


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


# --- Registering and withdrawing ----------------------------------------------------------


def test_register_page_asks_to_confirm(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/register/")

    assertContains(response, '<h1 class="govuk-heading-l">Register for Bus stop design workshop?</h1>')
    assertContains(response, "Yes, register me</button>")
    assert Registration.objects.count() == 0


def test_register_gives_a_member_a_place(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    client = client_for(dev)

    response = client.post(f"/get-involved/{workshop.pk}/register/")

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    assert Registration.objects.get().status == RegistrationStatus.REGISTERED
    assertContains(
        client.get(f"/get-involved/{workshop.pk}/"),
        "You are registered for Bus stop design workshop. We have sent you an email.",
    )


def test_register_puts_a_member_on_the_waiting_list_when_full(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    client = client_for(dev)

    client.post(f"/get-involved/{workshop.pk}/register/")

    assert Registration.objects.get(person=dev.person).status == RegistrationStatus.WAITING
    assertContains(client.get(f"/get-involved/{workshop.pk}/"), "Bus stop design workshop is full. You are on the")


def test_register_refuses_twice_with_an_error_summary(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(dev).post(f"/get-involved/{workshop.pk}/register/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#confirm-register">You are already registered for this activity.</a>')
    assert Registration.objects.count() == 1


def test_register_for_a_closed_activity_the_person_can_see_is_refused_with_a_message(
    grace: User, bus_stops: Project, client_for: ClientFor
) -> None:
    activity = ActivityFactory.create(project=bus_stops, is_open=False)

    response = client_for(grace).post(f"/get-involved/{activity.pk}/register/")

    assertContains(response, "Registration for this activity is closed.")
    assert Registration.objects.count() == 0


def test_register_is_refused_to_a_user_without_a_record(workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(UserFactory.create(role=Role.MEMBER)).post(f"/get-involved/{workshop.pk}/register/")

    assert response.status_code == 403
    assert Registration.objects.count() == 0


def test_register_sends_people_signed_out_to_sign_in(client: Client, workshop: Activity) -> None:
    response = client.post(f"/get-involved/{workshop.pk}/register/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
    assert Registration.objects.count() == 0


def test_withdraw_page_asks_to_confirm(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(dev).get(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(response, '<h1 class="govuk-heading-l">Withdraw from Bus stop design workshop?</h1>')
    assertContains(response, "Yes, withdraw</button>")


def test_withdraw_takes_a_member_off_and_moves_the_next_person_up(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    mine = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop)
    waiting = RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    client = client_for(dev)

    response = client.post(f"/get-involved/registrations/{mine.pk}/withdraw/")

    assertRedirects(response, "/get-involved/yours/", fetch_redirect_response=False)
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == (RegistrationStatus.WITHDRAWN, RegistrationStatus.REGISTERED)
    assertContains(client.get("/get-involved/yours/"), "You have withdrawn from Bus stop design workshop.")


def test_withdraw_refuses_someone_elses_registration(
    dev: User, grace: User, workshop: Activity, client_for: ClientFor
) -> None:
    graces = RegistrationFactory.create(activity=workshop, person=grace.person)

    page = client_for(dev).get(f"/get-involved/registrations/{graces.pk}/withdraw/")
    post = client_for(dev).post(f"/get-involved/registrations/{graces.pk}/withdraw/")

    assert (page.status_code, post.status_code) == (403, 403)
    graces.refresh_from_db()
    assert graces.status == RegistrationStatus.REGISTERED


def test_withdraw_of_a_registration_that_does_not_exist_is_not_found(dev: User, client_for: ClientFor) -> None:
    assert client_for(dev).get("/get-involved/registrations/99999/withdraw/").status_code == 404


def test_withdraw_by_a_coordinator_goes_back_to_the_roster(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=PersonFactory.create(full_name="Rosa Lind"))
    client = client_for(amina)

    page = client.get(f"/get-involved/registrations/{registration.pk}/withdraw/")
    response = client.post(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(page, '<h1 class="govuk-heading-l">Withdraw Rosa Lind?</h1>')
    assertRedirects(response, f"/get-involved/manage/{workshop.pk}/roster/", fetch_redirect_response=False)


def test_withdraw_twice_is_refused_with_a_message(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WITHDRAWN)

    response = client_for(dev).post(f"/get-involved/registrations/{registration.pk}/withdraw/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "This registration has already been withdrawn.")


def test_your_activities_lists_places_and_waiting_but_not_withdrawals(
    dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=ActivityFactory.create(title="Gone"), person=dev.person, status="withdrawn")
    past = ActivityFactory.create(title="Last year's review", starts_at=in_days(-30), ends_at=in_days(-30, hour=12))
    RegistrationFactory.create(activity=past, person=dev.person)

    response = client_for(dev).get("/get-involved/yours/")

    assertContains(response, "Bus stop design workshop</a>")
    assertContains(response, f'href="/get-involved/registrations/{registration.pk}/withdraw/">Withdraw')
    assertContains(response, '<h2 class="govuk-heading-m">Past activities</h2>')
    assertContains(response, "Last year&#x27;s review</a>")
    assertNotContains(response, "Gone")


def test_your_activities_says_when_there_is_nothing(tom: User, client_for: ClientFor) -> None:
    response = client_for(tom).get("/get-involved/yours/")

    assertContains(response, "You have not registered for anything coming up.")


# --- Telling us you are interested, without an account ------------------------------------


def test_interest_form_has_a_labelled_honeypot_hidden_from_everyone(client: Client, workshop: Activity) -> None:
    response = client.get(f"/get-involved/{workshop.pk}/interested/")

    assertContains(response, '<h1 class="govuk-heading-l">Tell us you are interested</h1>')
    assertContains(response, '<div class="govuk-visually-hidden" aria-hidden="true">')
    assertContains(response, '<label for="id_website">Leave this empty</label>')
    assertContains(response, 'tabindex="-1"')


def test_interest_creates_a_person_for_a_coordinator_to_confirm(client: Client, workshop: Activity) -> None:
    response = client.post(
        f"/get-involved/{workshop.pk}/interested/",
        {"full_name": "Olu Ade", "email": "olu@example.org", "phone": "", "website": ""},
        REMOTE_ADDR="203.0.113.9",
    )

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    person = Person.objects.get(full_name="Olu Ade")
    assert (person.awaiting_confirmation, person.user) == (True, None)
    assert Registration.objects.get(person=person).status == RegistrationStatus.INTERESTED
    assert InterestRequest.objects.get().ip_address == "203.0.113.9"
    assertContains(client.get(f"/get-involved/{workshop.pk}/"), "Thank you. We will contact you to confirm your place.")


def test_interest_filled_in_by_a_robot_writes_nothing_but_looks_the_same(client: Client, workshop: Activity) -> None:
    people_before = Person.objects.count()

    response = client.post(
        f"/get-involved/{workshop.pk}/interested/",
        {"full_name": "Spam Bot", "email": "bot@example.org", "phone": "", "website": "http://spam.example"},
    )

    assertRedirects(response, f"/get-involved/{workshop.pk}/", fetch_redirect_response=False)
    assert Person.objects.count() == people_before
    assert (Registration.objects.count(), InterestRequest.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


def test_interest_beyond_the_hourly_limit_is_refused_with_a_plain_message(client: Client, workshop: Activity) -> None:
    for _ in range(5):
        InterestRequest.objects.create(ip_address="127.0.0.1")
    people_before = Person.objects.count()

    response = client.post(
        f"/get-involved/{workshop.pk}/interested/", {"full_name": "Olu Ade", "email": "olu@example.org"}
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "We have had a lot of forms from your internet connection in the last hour.")
    assert Person.objects.count() == people_before


def test_interest_with_nothing_filled_in_explains_what_is_needed(client: Client, workshop: Activity) -> None:
    people_before = Person.objects.count()

    response = client.post(f"/get-involved/{workshop.pk}/interested/", {})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_full_name">Enter your name</a>')
    assertContains(response, '<a href="#id_email">Enter an email address or a phone number, so we can contact you</a>')
    assert Person.objects.count() == people_before


def test_interest_page_tells_people_signed_in_to_register(dev: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(dev).get(f"/get-involved/{workshop.pk}/interested/")

    assertContains(response, '<h1 class="govuk-heading-l">You are signed in</h1>')
    assertNotContains(response, "Leave this empty")


def test_interest_in_a_private_activity_is_not_found(client: Client) -> None:
    activity = ActivityFactory.create(is_open=False)

    assert client.get(f"/get-involved/{activity.pk}/interested/").status_code == 404


# --- Coordinators: the list, planning and changing an activity ----------------------------


def test_manage_lists_every_activity_for_coordinators(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    ActivityFactory.create(title="Private planning meeting", is_open=False)
    RegistrationFactory.create(activity=workshop)

    response = client_for(amina).get("/get-involved/manage/")

    assertContains(response, "2 activities</caption>")
    assertContains(response, f'href="/get-involved/manage/{workshop.pk}/">Bus stop design workshop</a>')
    assertContains(response, "Private planning meeting")
    assertContains(response, '<td class="govuk-table__cell govuk-table__cell--numeric">1 of 2</td>')


@pytest.mark.parametrize("count", [3, 40])
def test_manage_stays_within_a_fixed_number_of_queries(
    django_assert_max_num_queries, amina: User, client_for: ClientFor, count: int
) -> None:
    ActivityFactory.create_batch(count)
    client = client_for(amina)

    with django_assert_max_num_queries(LIST_MAX_QUERIES):
        response = client.get("/get-involved/manage/")

    assert response.status_code == 200


def test_activity_create_chooses_the_project_from_the_link(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    response = client_for(amina).get(f"/get-involved/manage/new/?project={bus_stops.pk}")

    assertContains(response, '<h1 class="govuk-heading-l">Plan an activity</h1>')
    assertContains(response, f'<option value="{bus_stops.pk}" selected>Step-free bus stops</option>', html=True)
    assertContains(response, 'enctype="multipart/form-data"')
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">When does it start?</legend>'
    )


def test_activity_create_saves_and_warns_about_narrow_outreach(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    client = client_for(amina)

    response = client.post(
        "/get-involved/manage/new/", activity_data(bus_stops, channels=["email_list", "social_media"])
    )

    activity = Activity.objects.get()
    assertRedirects(response, f"/get-involved/manage/{activity.pk}/", fetch_redirect_response=False)
    assert (activity.title, activity.capacity, activity.created_by) == ("Bus stop design workshop", 12, amina)
    assert timezone.localtime(activity.starts_at).hour == 10
    assert timezone.localtime(activity.ends_at).strftime("%H:%M") == "12:30"
    page = client.get(f"/get-involved/manage/{activity.pk}/")
    assertContains(page, "Bus stop design workshop is saved. Open it for registration when it is ready.")
    assertContains(page, "All the ways you chose to tell people are online.")


def test_activity_create_warns_when_fewer_than_two_ways_are_chosen(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    client = client_for(amina)
    client.post("/get-involved/manage/new/", activity_data(bus_stops, channels=["posters"]))

    page = client.get(f"/get-involved/manage/{Activity.objects.get().pk}/")

    assertContains(page, "You chose 1 way to tell people. Try to use at least 2, so that more kinds of people hear")


def test_activity_create_with_nothing_filled_in_explains_each_problem(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).post("/get-involved/manage/new/", {})

    assertContains(response, ERROR_SUMMARY)
    for message in (
        "Choose the project",
        "Enter the name of the activity",
        "Choose what kind of activity it is",
        "Say what the activity is about",
        "Choose how it will happen",
        "Enter the date and time it starts",
        "Enter the date and time it ends",
        "Choose how much power people will share",
    ):
        assertContains(response, message)
    assertContains(response, '<a href="#id_starts_at">Enter the date and time it starts</a>')
    assertContains(response, '<a href="#id_kind_0">Choose what kind of activity it is</a>')
    assert Activity.objects.count() == 0


def test_activity_create_refuses_a_start_in_the_past(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    past = in_days(-3)
    data = activity_data(bus_stops, **date_parts("starts_at", past, "10am"), **date_parts("ends_at", past, "11am"))

    response = client_for(amina).post("/get-involved/manage/new/", data)

    assertContains(response, '<a href="#id_starts_at">The start must be in the future</a>')
    assert Activity.objects.count() == 0


def test_activity_create_refuses_an_end_before_the_start(
    amina: User, bus_stops: Project, client_for: ClientFor
) -> None:
    data = activity_data(bus_stops, ends_at_time="9am")

    response = client_for(amina).post("/get-involved/manage/new/", data)

    assertContains(response, '<a href="#id_ends_at">The end must be after the start</a>')
    assert Activity.objects.count() == 0


def test_activity_create_refuses_places_below_one(amina: User, bus_stops: Project, client_for: ClientFor) -> None:
    response = client_for(amina).post("/get-involved/manage/new/", activity_data(bus_stops, capacity="0"))

    assertContains(response, '<a href="#id_capacity">The number of places must be 1 or more</a>')
    assert Activity.objects.count() == 0


def test_activity_create_saves_an_easy_read_picture_with_its_description(
    amina: User, bus_stops: Project, client_for: ClientFor, media_in_tmp: Path
) -> None:
    data = activity_data(bus_stops, easy_read_image=png(), easy_read_image_alt="A bus stop with a ramp")

    client_for(amina).post("/get-involved/manage/new/", data)

    activity = Activity.objects.get()
    name = str(activity.easy_read_image.name)
    assert name.startswith("involvement/easy-read/")
    assert name.endswith(".png")
    assert Path(activity.easy_read_image.path).is_relative_to(media_in_tmp)
    assert activity.easy_read_image_alt == "A bus stop with a ramp"


def test_activity_create_refuses_a_picture_without_a_description(
    amina: User, bus_stops: Project, client_for: ClientFor, media_in_tmp: Path
) -> None:
    response = client_for(amina).post("/get-involved/manage/new/", activity_data(bus_stops, easy_read_image=png()))

    assertContains(response, '<a href="#id_easy_read_image_alt">Describe the picture for people who cannot see it</a>')
    assert Activity.objects.count() == 0
    assert not (media_in_tmp / "involvement").exists()


def test_activity_edit_refuses_fewer_places_than_people_registered(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create_batch(2, activity=workshop)
    data = activity_data(workshop.project, capacity="1")

    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/edit/", data)

    assertContains(
        response,
        '<a href="#id_capacity">2 people are already registered, so the number of places must be 2 or more</a>',
    )
    workshop.refresh_from_db()
    assert workshop.capacity == 2


def test_activity_edit_shows_the_current_details_and_outreach(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    workshop.outreach.create(channel="posters")

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/edit/")

    assertContains(response, '<h1 class="govuk-heading-l">Change Bus stop design workshop</h1>')
    assertContains(response, 'value="posters" checked')
    assertContains(response, 'name="starts_at_time" type="text" value="10am"')
    assertNotContains(response, 'name="project"')


def test_activity_edit_replaces_the_picture_and_removes_the_old_file(
    amina: User, workshop: Activity, client_for: ClientFor, django_capture_on_commit_callbacks
) -> None:
    old_path = Path(with_picture(workshop).easy_read_image.path)
    data = activity_data(workshop.project, easy_read_image=png("new.png"), easy_read_image_alt="A new picture")

    with django_capture_on_commit_callbacks(execute=True):
        client_for(amina).post(f"/get-involved/manage/{workshop.pk}/edit/", data)

    workshop.refresh_from_db()
    assert workshop.easy_read_image_alt == "A new picture"
    assert Path(workshop.easy_read_image.path).exists()
    assert not old_path.exists()


def test_activity_edit_can_remove_the_picture(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    with_picture(workshop)
    data = activity_data(workshop.project, remove_easy_read_image="on", easy_read_image_alt="A bus stop with a ramp")

    client_for(amina).post(f"/get-involved/manage/{workshop.pk}/edit/", data)

    workshop.refresh_from_db()
    assert (workshop.easy_read_image.name, workshop.easy_read_image_alt) == ("", "")


def test_manage_activity_shows_where_it_is_up_to(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create(activity=workshop)
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.INTERESTED)
    workshop.outreach.create(channel="posters")
    workshop.outreach.create(channel="email_list")

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/")

    assertContains(response, "Open. It shows on Get involved.")
    assertContains(response, "1 registered of 2 places, 0 waiting, 1 interested but not confirmed, 0 attended")
    assertContains(response, "Our email list, Posters and leaflets")
    assertContains(response, f'href="/get-involved/manage/{workshop.pk}/ready/">Mark as ready</a>')
    assertNotContains(response, "govuk-warning-text")


# --- Opening for registration -------------------------------------------------------------


def test_publish_opens_an_activity_for_registration(amina: User, client_for: ClientFor) -> None:
    activity = ActivityFactory.create(is_open=False)
    client = client_for(amina)

    page = client.get(f"/get-involved/manage/{activity.pk}/registration/")
    response = client.post(f"/get-involved/manage/{activity.pk}/registration/", {"is_open": "yes"})

    assertContains(page, f"Open {activity.title} for registration?</h1>")
    assertContains(page, '<input type="hidden" name="is_open" value="yes"')
    assertRedirects(response, f"/get-involved/manage/{activity.pk}/", fetch_redirect_response=False)
    activity.refresh_from_db()
    assert activity.is_open is True


def test_publish_closes_registration(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    client_for(amina).post(f"/get-involved/manage/{workshop.pk}/registration/", {"is_open": "no"})

    workshop.refresh_from_db()
    assert workshop.is_open is False


def test_publish_refuses_an_activity_that_has_started(amina: User, client_for: ClientFor) -> None:
    activity = ActivityFactory.create(is_open=False, starts_at=in_days(-1), ends_at=in_days(-1, hour=12))

    response = client_for(amina).post(f"/get-involved/manage/{activity.pk}/registration/", {"is_open": "yes"})

    assertContains(response, "This activity has already started, so it cannot open for registration")
    activity.refresh_from_db()
    assert activity.is_open is False


def test_publish_without_a_choice_explains(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/registration/", {})

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, "Choose whether to open or close registration")


# --- The roster ---------------------------------------------------------------------------


def test_roster_shows_each_persons_access_needs_and_formats(
    amina: User, dev: User, grace: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    devs = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop, person=grace.person)
    NeedArrangement.objects.create(registration=devs, need="step_free", status="met", updated_by=amina)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, '<h1 class="govuk-heading-l">Who is coming to Bus stop design workshop</h1>')
    assertContains(response, '<h3 class="govuk-summary-card__title">Devendra Patel</h3>')
    assertContains(response, "<strong>Easy Read</strong>")
    assertContains(response, '<dt class="govuk-summary-list__key">Step-free access</dt>')
    assertContains(response, '<strong class="govuk-tag govuk-tag--green">Met</strong>')
    assertContains(response, '<strong class="govuk-tag govuk-tag--grey">Not looked at yet</strong>')
    assertContains(response, "No access needs told to us")
    assertContains(response, "1 access need is not met yet.")
    assertContains(response, f'href="/get-involved/manage/registrations/{devs.pk}/support/">Update support')


def test_roster_records_that_it_was_seen_without_the_needs(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person)

    client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    event = AuditEvent.objects.get(action="activity.roster_viewed")
    assert (event.actor, event.target_id, event.payload) == (amina, str(workshop.pk), {})


def test_roster_warns_when_papers_go_out_too_late(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.LARGE_PRINT)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    Activity.objects.filter(pk=workshop.pk).update(
        papers_issued_on=timezone.localdate(workshop.starts_at) - timedelta(days=2)
    )

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, "Papers go out 2 days before the activity. 1 person needs papers in another format")


def test_roster_lists_waiting_and_interested_people(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    olu = PersonFactory.create(full_name="Olu Ade", email="olu@example.org", awaiting_confirmation=True)
    RegistrationFactory.create(activity=workshop, person=olu, status=RegistrationStatus.INTERESTED)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, '<h2 class="govuk-heading-m">Waiting list (1)</h2>')
    assertContains(response, '<h2 class="govuk-heading-m">Interested, not confirmed yet (1)</h2>')
    assertContains(response, '<td class="govuk-table__cell">olu@example.org</td>')
    assertContains(response, f'href="/get-involved/manage/{workshop.pk}/roster/add/?person={olu.pk}">Add')


@pytest.mark.parametrize("count", [3, 40])
def test_roster_stays_within_a_fixed_number_of_queries(
    django_assert_max_num_queries, amina: User, workshop: Activity, client_for: ClientFor, count: int
) -> None:
    Activity.objects.filter(pk=workshop.pk).update(capacity=None)
    for number in range(count):
        registration = RegistrationFactory.create(activity=workshop)
        if number % 2:
            give_needs(registration.person, Need.EASY_READ, Need.BSL_INTERPRETER)
            NeedArrangement.objects.create(registration=registration, need="easy_read", status="met", updated_by=amina)
    client = client_for(amina)

    with django_assert_max_num_queries(ROSTER_MAX_QUERIES):
        response = client.get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, f"Registered ({count})")


# --- Support for one person ---------------------------------------------------------------


@pytest.fixture
def devs_place(dev: User, workshop: Activity) -> Registration:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    return RegistrationFactory.create(activity=workshop, person=dev.person)


def test_arrangements_page_asks_about_each_need(amina: User, devs_place: Registration, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/get-involved/manage/registrations/{devs_place.pk}/support/")

    assertContains(response, '<h1 class="govuk-heading-l">Support for Devendra Patel</h1>')
    assertContains(response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Easy Read</legend>')
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Step-free access</legend>'
    )
    assertContains(response, "If step-free access cannot be met, say why")


def test_arrangements_are_saved_and_the_person_is_told(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    client = client_for(amina)

    response = client.post(
        f"/get-involved/manage/registrations/{devs_place.pk}/support/",
        {"status_easy_read": "met", "status_step_free": "cannot_be_met", "reason_step_free": "The lift is broken."},
    )

    assertRedirects(response, f"/get-involved/manage/{devs_place.activity_id}/roster/", fetch_redirect_response=False)
    assert dict(devs_place.arrangements.values_list("need", "status")) == {
        "easy_read": "met",
        "step_free": "cannot_be_met",
    }
    assertContains(
        client.get(f"/get-involved/manage/{devs_place.activity_id}/roster/"),
        "Support for Devendra Patel is saved. We will email them to say what cannot be met, and why.",
    )


def test_arrangements_tell_the_coordinator_to_phone_someone_without_email(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    give_needs(rosa, Need.BRAILLE)
    registration = RegistrationFactory.create(activity=workshop, person=rosa)
    client = client_for(amina)

    client.post(
        f"/get-involved/manage/registrations/{registration.pk}/support/",
        {"status_braille": "cannot_be_met", "reason_braille": "No braille printer."},
    )

    assertContains(
        client.get(f"/get-involved/manage/{workshop.pk}/roster/"),
        "Rosa Lindqvist has no email address, so tell them yourself what cannot be met.",
    )


def test_arrangements_refuse_cannot_be_met_without_a_reason(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        f"/get-involved/manage/registrations/{devs_place.pk}/support/",
        {"status_easy_read": "met", "status_step_free": "cannot_be_met", "reason_step_free": ""},
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_reason_step_free">Say why this cannot be met. We will tell the person.</a>')
    assert NeedArrangement.objects.count() == 0


def test_arrangements_for_a_withdrawn_registration_are_not_found(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    Registration.objects.filter(pk=devs_place.pk).update(status=RegistrationStatus.WITHDRAWN)

    response = client_for(amina).get(f"/get-involved/manage/registrations/{devs_place.pk}/support/")

    assert response.status_code == 404


def test_arrangements_page_for_someone_with_no_needs(amina: User, grace: User, workshop: Activity, client_for) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=grace.person)

    response = client_for(amina).get(f"/get-involved/manage/registrations/{registration.pk}/support/")

    assertContains(response, "No access needs told to us.")
    assertNotContains(response, "Save support")


# --- Adding someone -----------------------------------------------------------------------


def test_roster_add_registers_someone_who_phoned(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    response = client.post(f"/get-involved/manage/{workshop.pk}/roster/add/", {"person": rosa.pk})

    assertRedirects(response, f"/get-involved/manage/{workshop.pk}/roster/", fetch_redirect_response=False)
    assert Registration.objects.get(person=rosa).status == RegistrationStatus.REGISTERED
    assertContains(client.get(f"/get-involved/manage/{workshop.pk}/roster/"), "Rosa Lindqvist is registered.")


def test_roster_add_chooses_the_interested_person_from_the_link(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    olu = PersonFactory.create(full_name="Olu Ade", awaiting_confirmation=True)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/add/?person={olu.pk}")

    assertContains(response, f'<option value="{olu.pk}" selected>Olu Ade</option>', html=True)


def test_roster_add_refuses_someone_already_registered(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/roster/add/", {"person": dev.person.pk})

    assertContains(response, '<a href="#id_person">Devendra Patel is already registered for this activity.</a>')


def test_roster_add_without_a_choice_explains(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/roster/add/", {})

    assertContains(response, '<a href="#id_person">Choose who is coming</a>')
    assert Registration.objects.count() == 0


# --- The ready gate -----------------------------------------------------------------------


def test_mark_ready_lists_the_needs_not_met(amina: User, devs_place: Registration, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertContains(response, '<h1 class="govuk-heading-l">Mark Bus stop design workshop as ready?</h1>')
    assertContains(response, "<li>Devendra Patel: Easy Read (not looked at yet).")
    assertContains(response, "<li>Devendra Patel: Step-free access (not looked at yet).")


def test_mark_ready_is_refused_while_needs_are_not_met(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<a href="#open-needs">This activity cannot be marked ready yet. 2 access needs are not met. '
        "Mark each need as met, or say why it cannot be met.</a>",
    )
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_mark_ready_once_every_need_is_met_or_explained(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    NeedArrangement.objects.create(registration=devs_place, need="easy_read", status="met", updated_by=amina)
    NeedArrangement.objects.create(
        registration=devs_place,
        need="step_free",
        status=ArrangementStatus.CANNOT_BE_MET,
        reason="The lift is broken.",
        updated_by=amina,
    )
    client = client_for(amina)

    response = client.post(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertRedirects(response, f"/get-involved/manage/{devs_place.activity_id}/", fetch_redirect_response=False)
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is True
    assertContains(client.get(f"/get-involved/manage/{devs_place.activity_id}/"), "Bus stop design workshop is ready.")


# --- Attendance ---------------------------------------------------------------------------


def test_attendance_page_lists_registered_people_to_tick(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(
        activity=workshop, person=PersonFactory.create(full_name="Left Early"), status="withdrawn"
    )

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/attendance/")

    assertContains(response, '<h1 class="govuk-heading-l">Who attended Bus stop design workshop</h1>')
    assertContains(response, f'value="{dev.person.pk}"')
    assertContains(response, ">Devendra Patel</label>")
    assertNotContains(response, ">Left Early</label>")
    assertContains(response, 'name="minutes" value="120"')
    assertContains(response, "Nobody has been recorded yet.")


def test_attendance_records_ticked_people_and_someone_from_the_paper_sheet(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    response = client.post(
        f"/get-involved/manage/{workshop.pk}/attendance/",
        {
            "people": [dev.person.pk],
            "someone_else": rosa.pk,
            "role": "participant",
            "minutes": "110",
            "from_paper": "on",
        },
    )

    assertRedirects(response, f"/get-involved/manage/{workshop.pk}/attendance/", fetch_redirect_response=False)
    rows = list(Attendance.objects.order_by("person__full_name").values_list("person__full_name", "minutes"))
    assert rows == [("Devendra Patel", 110), ("Rosa Lindqvist", 110)]
    assert all(Attendance.objects.values_list("recorded_from_paper", flat=True))
    page = client.get(f"/get-involved/manage/{workshop.pk}/attendance/")
    assertContains(page, "Attendance saved for 2 people.")
    assertContains(page, "2 people attended</caption>")
    assertContains(page, "From a paper sheet, by Amina")


def test_attendance_with_nobody_chosen_explains(amina: User, dev: User, workshop: Activity, client_for) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(amina).post(
        f"/get-involved/manage/{workshop.pk}/attendance/", {"role": "participant", "minutes": "0"}
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_people_0">Choose who came</a>')
    assertContains(response, '<a href="#id_minutes">The time must be 1 minute or more</a>')
    assert Attendance.objects.count() == 0


def test_attendance_when_nobody_registered_chooses_from_everyone(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    page = client.get(f"/get-involved/manage/{workshop.pk}/attendance/")
    empty = client.post(f"/get-involved/manage/{workshop.pk}/attendance/", {"role": "observer", "minutes": "60"})
    client.post(
        f"/get-involved/manage/{workshop.pk}/attendance/",
        {"someone_else": rosa.pk, "role": "observer", "minutes": "60"},
    )

    assertContains(page, '<label class="govuk-label govuk-label--s" for="id_someone_else">Who came?</label>')
    assertContains(empty, '<a href="#id_someone_else">Choose who came</a>')
    assert Attendance.objects.get().role == "observer"


def test_attendance_table_shows_what_was_recorded(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    AttendanceFactory.create(
        activity=workshop, person=PersonFactory.create(full_name="Rosa Lindqvist"), role="co_facilitator", minutes=90
    )

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/attendance/")

    assertContains(response, '<td class="govuk-table__cell">Rosa Lindqvist</td>')
    assertContains(response, '<td class="govuk-table__cell">Co-facilitator</td>')
    assertContains(response, '<td class="govuk-table__cell govuk-table__cell--numeric">90</td>')


# --- Who may use the coordinator pages ----------------------------------------------------

COORDINATOR_PAGES = (
    "involvement:manage",
    "involvement:activity_create",
    "involvement:manage_activity",
    "involvement:activity_edit",
    "involvement:publish",
    "involvement:roster",
    "involvement:roster_add",
    "involvement:mark_ready",
    "involvement:attendance",
    "involvement:arrangements",
)


def coordinator_url(name: str, activity: Activity, registration: Registration) -> str:
    if name in ("involvement:manage", "involvement:activity_create"):
        return reverse(name)
    if name == "involvement:arrangements":
        return reverse(name, kwargs={"pk": registration.pk})
    return reverse(name, kwargs={"pk": activity.pk})


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_coordinator_pages_are_refused_to_everyone_else(
    request: pytest.FixtureRequest, client_for: ClientFor, devs_place: Registration, name: str, persona: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)
    client = client_for(request.getfixturevalue(persona))

    get, post = client.get(url), client.post(url, {})

    assert (get.status_code, post.status_code) == (403, 403)
    assert "You cannot see this page" in get.content.decode()


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
@pytest.mark.parametrize("persona", ["amina", "morgan"])
def test_coordinator_pages_open_for_coordinators_and_admins(
    request: pytest.FixtureRequest, client_for: ClientFor, devs_place: Registration, name: str, persona: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)

    response = client_for(request.getfixturevalue(persona)).get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("name", COORDINATOR_PAGES)
def test_coordinator_pages_send_people_signed_out_to_sign_in(
    client: Client, devs_place: Registration, name: str
) -> None:
    url = coordinator_url(name, devs_place.activity, devs_place)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next={url}"
