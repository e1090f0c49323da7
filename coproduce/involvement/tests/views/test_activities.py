"""The coordinator's list, planning and changing an activity, and opening registration."""

from pathlib import Path

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.involvement.choices import RegistrationStatus
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, in_days
from coproduce.involvement.tests.views.helpers import (
    ERROR_SUMMARY,
    LIST_MAX_QUERIES,
    ClientFor,
    activity_data,
    date_parts,
    png,
    with_picture,
)
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


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


def test_manage_activity_links_back_to_its_project(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    # The defect: the page named its project only as a caption, so a coordinator who came from the
    # project's checklist had to find the project again through the menu.
    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/")

    assertContains(
        response,
        f'<a class="govuk-link" href="/projects/{workshop.project_id}/">Back to {workshop.project.title}</a>',
    )


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
