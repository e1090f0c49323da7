"""The rules of recording attendance."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import AttendanceRole
from coproduce.involvement.models import Activity, Attendance
from coproduce.involvement.services.attendance import AttendanceRefused, record_attendance
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_record_attendance_records_people_with_and_without_a_sign_in(
    amina: User, dev: User, held_workshop: Activity
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")

    recorded = record_attendance(
        held_workshop,
        people=[dev.person, rosa],
        role=AttendanceRole.PARTICIPANT,
        minutes=120,
        from_paper=True,
        by=amina,
    )

    assert len(recorded) == 2
    rows = list(Attendance.objects.order_by("person__full_name").values_list("person__full_name", "minutes", "role"))
    assert rows == [("Devendra Patel", 120, "participant"), ("Rosa Lindqvist", 120, "participant")]
    assert all(row.recorded_from_paper and row.recorded_by == amina for row in recorded)
    assert AuditEvent.objects.get(action="involvement.attendance_recorded").payload == {"people": 2, "from_paper": True}


def test_record_attendance_changes_a_record_rather_than_adding_another(
    amina: User, dev: User, held_workshop: Activity
) -> None:
    AttendanceFactory.create(activity=held_workshop, person=dev.person, minutes=120)

    record_attendance(
        held_workshop,
        people=[dev.person],
        role=AttendanceRole.CO_FACILITATOR,
        minutes=90,
        from_paper=False,
        by=amina,
    )

    attendance = Attendance.objects.get()
    assert (attendance.role, attendance.minutes, attendance.recorded_by) == ("co_facilitator", 90, amina)


def test_record_attendance_needs_someone(amina: User, held_workshop: Activity) -> None:
    with pytest.raises(ValueError, match="Say who attended"):
        record_attendance(
            held_workshop, people=[], role=AttendanceRole.PARTICIPANT, minutes=60, from_paper=False, by=amina
        )


def test_record_attendance_needs_a_positive_time(amina: User, dev: User, held_workshop: Activity) -> None:
    with pytest.raises(ValueError, match="Minutes must be 1 or more"):
        record_attendance(
            held_workshop, people=[dev.person], role=AttendanceRole.PARTICIPANT, minutes=0, from_paper=False, by=amina
        )


def test_record_attendance_is_refused_to_members(dev: User, held_workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        record_attendance(
            held_workshop, people=[dev.person], role=AttendanceRole.PARTICIPANT, minutes=60, from_paper=False, by=dev
        )

    assert Attendance.objects.count() == 0


def test_attendance_cannot_be_recorded_before_the_activity_starts(amina: User, dev: User, workshop: Activity) -> None:
    """Attendance feeds payments, thanks and certificates: it is a record of what happened."""
    with pytest.raises(AttendanceRefused, match="once the activity has started, on"):
        record_attendance(
            workshop, people=[dev.person], role=AttendanceRole.PARTICIPANT, minutes=60, from_paper=False, by=amina
        )

    assert Attendance.objects.count() == 0


def test_the_attendance_page_says_when_attendance_can_be_recorded_instead_of_offering_the_form(
    amina: User, workshop: Activity, client_for
) -> None:
    page = client_for(amina).get(reverse("involvement:attendance", kwargs={"pk": workshop.pk})).content.decode()

    assert "You can record who attended once the activity has started, on" in page
    assert "Save attendance" not in page


def test_the_attendance_page_offers_the_form_once_the_activity_has_started(
    amina: User, held_workshop: Activity, client_for
) -> None:
    page = client_for(amina).get(reverse("involvement:attendance", kwargs={"pk": held_workshop.pk})).content.decode()

    assert "Save attendance" in page
    assert "once the activity has started" not in page
