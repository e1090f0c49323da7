"""Recording attendance."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.tests.factories import AttendanceFactory, RegistrationFactory
from coproduce.involvement.tests.views.helpers import ERROR_SUMMARY, ClientFor
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_attendance_page_lists_registered_people_to_tick(
    amina: User, dev: User, held_workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=held_workshop, person=dev.person)
    RegistrationFactory.create(
        activity=held_workshop, person=PersonFactory.create(full_name="Left Early"), status="withdrawn"
    )

    response = client_for(amina).get(f"/get-involved/manage/{held_workshop.pk}/attendance/")

    assertContains(response, '<h1 class="govuk-heading-l">Who attended Bus stop design workshop</h1>')
    assertContains(response, f'value="{dev.person.pk}"')
    assertContains(response, ">Devendra Patel</label>")
    assertNotContains(response, ">Left Early</label>")
    assertContains(response, 'name="minutes" value="120"')
    assertContains(response, "Nobody has been recorded yet.")


def test_attendance_records_ticked_people_and_someone_from_the_paper_sheet(
    amina: User, dev: User, held_workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=held_workshop, person=dev.person)
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    response = client.post(
        f"/get-involved/manage/{held_workshop.pk}/attendance/",
        {
            "people": [dev.person.pk],
            "someone_else": rosa.pk,
            "role": "participant",
            "minutes": "110",
            "from_paper": "on",
        },
    )

    assertRedirects(response, f"/get-involved/manage/{held_workshop.pk}/attendance/", fetch_redirect_response=False)
    rows = list(Attendance.objects.order_by("person__full_name").values_list("person__full_name", "minutes"))
    assert rows == [("Devendra Patel", 110), ("Rosa Lindqvist", 110)]
    assert all(Attendance.objects.values_list("recorded_from_paper", flat=True))
    page = client.get(f"/get-involved/manage/{held_workshop.pk}/attendance/")
    assertContains(page, "Attendance saved for 2 people.")
    assertContains(page, "2 people attended</caption>")
    assertContains(page, "From a paper sheet, by Amina")


def test_attendance_with_nobody_chosen_explains(amina: User, dev: User, held_workshop: Activity, client_for) -> None:
    RegistrationFactory.create(activity=held_workshop, person=dev.person)

    response = client_for(amina).post(
        f"/get-involved/manage/{held_workshop.pk}/attendance/", {"role": "participant", "minutes": "0"}
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_people_0">Choose who came</a>')
    assertContains(response, '<a href="#id_minutes">The time must be 1 minute or more</a>')
    assert Attendance.objects.count() == 0


def test_attendance_when_nobody_registered_chooses_from_everyone(
    amina: User, held_workshop: Activity, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    page = client.get(f"/get-involved/manage/{held_workshop.pk}/attendance/")
    empty = client.post(f"/get-involved/manage/{held_workshop.pk}/attendance/", {"role": "observer", "minutes": "60"})
    client.post(
        f"/get-involved/manage/{held_workshop.pk}/attendance/",
        {"someone_else": rosa.pk, "role": "observer", "minutes": "60"},
    )

    assertContains(page, '<label class="govuk-label govuk-label--s" for="id_someone_else">Who came?</label>')
    assertContains(empty, '<a href="#id_someone_else">Choose who came</a>')
    assert Attendance.objects.get().role == "observer"


def test_attendance_table_shows_what_was_recorded(amina: User, held_workshop: Activity, client_for: ClientFor) -> None:
    AttendanceFactory.create(
        activity=held_workshop,
        person=PersonFactory.create(full_name="Rosa Lindqvist"),
        role="co_facilitator",
        minutes=90,
    )

    response = client_for(amina).get(f"/get-involved/manage/{held_workshop.pk}/attendance/")

    assertContains(response, '<td class="govuk-table__cell">Rosa Lindqvist</td>')
    assertContains(response, '<td class="govuk-table__cell">Co-facilitator</td>')
    assertContains(response, '<td class="govuk-table__cell govuk-table__cell--numeric">90</td>')
