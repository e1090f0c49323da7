"""Approving a design once people were involved early: the involvement app feeds the rule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.involvement.models import Activity, Attendance
from coproduce.model import LadderRung, Stage
from coproduce.projects.models import Lifecycle
from coproduce.projects.queries import actual_rungs, first_involvement_stage, has_early_involvement
from coproduce.projects.services import DesignApprovalRefused, approve_design


def workshop(project, *, stage: str, by) -> Activity:
    starts = timezone.now() + timedelta(days=3)
    return Activity.objects.create(
        project=project,
        stage=stage,
        kind="workshop",
        title="Bus stop design workshop",
        description="We plan the new bus stops together.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        capacity=12,
        planned_rung="co_design",
        created_by=by,
    )


def test_approve_design_after_people_took_part_in_a_design_workshop(amina, dev, bus_stops, client_for):
    activity = workshop(bus_stops, stage=Lifecycle.DESIGN, by=amina)
    Attendance.objects.create(activity=activity, person=dev.person, minutes=120, recorded_by=amina)

    approved = approve_design(bus_stops, by=amina)

    assert has_early_involvement(bus_stops) is True
    assert approved.design_approved_at is not None
    assert approved.design_approved_by == amina
    assert AuditEvent.objects.for_target(bus_stops).filter(action="projects.design_approved").count() == 1
    page = client_for(amina).get(f"/projects/{bus_stops.pk}/").content.decode()
    assert f"The design was approved on {timezone.localdate():%-d %B %Y}." in page


def test_approve_design_does_not_count_involvement_from_a_later_stage(amina, dev, bus_stops):
    activity = workshop(bus_stops, stage=Lifecycle.DEVELOPMENT, by=amina)
    Attendance.objects.create(activity=activity, person=dev.person, minutes=60, recorded_by=amina)

    with pytest.raises(DesignApprovalRefused):
        approve_design(bus_stops, by=amina)

    bus_stops.refresh_from_db()
    assert has_early_involvement(bus_stops) is False
    assert bus_stops.design_approved_at is None


def test_project_page_lists_its_activities(amina, bus_stops, client_for):
    activity = workshop(bus_stops, stage=Lifecycle.DESIGN, by=amina)

    page = client_for(amina).get(f"/projects/{bus_stops.pk}/").content.decode()

    assert f'href="/get-involved/manage/{activity.pk}/">Bus stop design workshop</a>' in page
    assert f'href="/get-involved/manage/new/?project={bus_stops.pk}"' in page


def test_actual_rung_is_the_highest_rung_of_the_activities_people_attended(amina, dev, bus_stops):
    consultation = workshop(bus_stops, stage=Lifecycle.DESIGN, by=amina)
    Activity.objects.filter(pk=consultation.pk).update(planned_rung="consultation")
    co_design = workshop(bus_stops, stage=Lifecycle.DESIGN, by=amina)
    unattended = workshop(bus_stops, stage=Lifecycle.DEVELOPMENT, by=amina)
    for activity in (consultation, co_design):
        Attendance.objects.create(activity=activity, person=dev.person, minutes=60, recorded_by=amina)

    rungs = actual_rungs(bus_stops)

    assert rungs[Stage.DESIGN] == LadderRung.CO_DESIGN
    assert rungs[Stage.DEVELOPMENT] is None
    assert unattended.attendances.count() == 0


def test_first_involvement_stage_counts_only_people_with_lived_experience(amina, dev, bus_stops):
    idea_meeting = workshop(bus_stops, stage=Lifecycle.IDEA, by=amina)
    Attendance.objects.create(activity=idea_meeting, person=amina.person, minutes=60, recorded_by=amina)
    design_workshop = workshop(bus_stops, stage=Lifecycle.DESIGN, by=amina)
    Attendance.objects.create(activity=design_workshop, person=dev.person, minutes=60, recorded_by=amina)

    first = first_involvement_stage(bus_stops)

    assert first == Lifecycle.DESIGN
