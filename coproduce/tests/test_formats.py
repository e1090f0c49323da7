"""Dates are written out in full ("26 November 2026"), in UK time."""

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.projects.models import Project

LONDON = ZoneInfo("Europe/London")


def stage_changed_on(project: Project, moment: datetime) -> None:
    Project.objects.filter(pk=project.pk).update(stage_changed_at=moment)


def test_project_page_writes_the_stage_date_out_in_full(
    amina: User, bus_stops: Project, client_for: Callable[[User], Client]
) -> None:
    stage_changed_on(bus_stops, datetime(2026, 11, 26, 14, 30, tzinfo=LONDON))

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "This project is at the <strong>design</strong> stage, since 26 November 2026.")
    assertNotContains(response, "26 Nov 2026")
    assertNotContains(response, "26/11/2026")


def test_project_list_writes_the_stage_date_out_in_full(
    amina: User, bus_stops: Project, client_for: Callable[[User], Client]
) -> None:
    stage_changed_on(bus_stops, datetime(2026, 11, 26, 14, 30, tzinfo=LONDON))

    response = client_for(amina).get("/projects/")

    assertContains(response, '<td class="govuk-table__cell">26 November 2026</td>')


def test_project_page_shows_the_date_in_london_during_british_summer_time(
    amina: User, bus_stops: Project, client_for: Callable[[User], Client]
) -> None:
    # 23:30 UTC on 31 July is 00:30 on 1 August in London.
    stage_changed_on(bus_stops, datetime(2026, 7, 31, 23, 30, tzinfo=UTC))

    response = client_for(amina).get(f"/projects/{bus_stops.pk}/")

    assertContains(response, "since 1 August 2026.")
    assertNotContains(response, "31 July 2026")
