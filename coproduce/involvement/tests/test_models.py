"""What the database itself refuses, whatever code writes to it."""

from datetime import timedelta

import pytest
from django.db import IntegrityError

from coproduce.accounts.models import User
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, NeedArrangement
from coproduce.involvement.tests.factories import ActivityFactory, AttendanceFactory, RegistrationFactory, in_days

pytestmark = pytest.mark.django_db


def test_activity_must_end_after_it_starts() -> None:
    with pytest.raises(IntegrityError, match="activity_ends_after_start"):
        ActivityFactory.create(starts_at=in_days(3), ends_at=in_days(3) - timedelta(minutes=1))


def test_activity_needs_at_least_one_place() -> None:
    with pytest.raises(IntegrityError, match="activity_capacity_positive"):
        ActivityFactory.create(capacity=0)


def test_activity_picture_needs_a_description() -> None:
    with pytest.raises(IntegrityError, match="activity_easy_read_image_has_alt"):
        ActivityFactory.create(easy_read_image="involvement/easy-read/bus.png", easy_read_image_alt="")


def test_activity_ready_has_a_date(workshop: Activity) -> None:
    with pytest.raises(IntegrityError, match="activity_ready_has_date"):
        Activity.objects.filter(pk=workshop.pk).update(is_ready=True)


def test_one_registration_per_person_and_activity(workshop: Activity, dev: User) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    with pytest.raises(IntegrityError):
        RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WAITING)


def test_a_need_that_cannot_be_met_has_a_reason(amina: User, workshop: Activity) -> None:
    registration = RegistrationFactory.create(activity=workshop)

    with pytest.raises(IntegrityError, match="need_arrangement_refusal_has_reason"):
        NeedArrangement.objects.create(
            registration=registration, need="easy_read", status=ArrangementStatus.CANNOT_BE_MET, updated_by=amina
        )


def test_one_attendance_per_person_and_activity(workshop: Activity, dev: User) -> None:
    AttendanceFactory.create(activity=workshop, person=dev.person)

    with pytest.raises(IntegrityError):
        AttendanceFactory.create(activity=workshop, person=dev.person)


def test_activity_knows_its_length_and_whether_it_has_a_venue() -> None:
    activity = ActivityFactory.build(starts_at=in_days(3), ends_at=in_days(3) + timedelta(minutes=150))

    assert (activity.duration_minutes, activity.has_venue) == (150, True)
