from datetime import datetime, timedelta

import factory
from django.utils import timezone

from coproduce.accounts.models import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.involvement.choices import (
    ActivityFormat,
    ActivityKind,
    ActivityStage,
    AttendanceRole,
    RegistrationStatus,
)
from coproduce.involvement.models import Activity, Attendance, Registration
from coproduce.model import LadderRung
from coproduce.people.models import AccessNeed, AccessProfile, Person
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.tests.factories import ProjectFactory


def in_days(days: int, hour: int = 10) -> datetime:
    """A whole hour ``days`` from now, in London time."""
    moment = timezone.localtime() + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    project = factory.SubFactory(ProjectFactory)
    stage = ActivityStage.DESIGN
    kind = ActivityKind.WORKSHOP
    title = factory.Sequence(lambda n: f"Workshop {n}")
    description = "We plan the new bus stops together."
    format = ActivityFormat.IN_PERSON
    starts_at = factory.LazyFunction(lambda: in_days(14))
    ends_at = factory.LazyAttribute(lambda activity: activity.starts_at + timedelta(hours=2))
    venue = "Riverside Community Centre, 1 Mill Lane"
    venue_access = "Step-free entrance. Hearing loop in the main hall."
    planned_rung = LadderRung.CO_DESIGN
    is_open = True
    created_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(PersonFactory)
    status = RegistrationStatus.REGISTERED


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    activity = factory.SubFactory(ActivityFactory)
    person = factory.SubFactory(PersonFactory)
    role = AttendanceRole.PARTICIPANT
    minutes = 120
    recorded_by = factory.SubFactory(UserFactory, role=Role.COORDINATOR)


def give_needs(person: Person, *needs: str, other: str = "", **details: object) -> AccessProfile:
    """Record that ``person`` told us these access needs (as they would on their access needs page)."""
    profile = AccessProfile.objects.create(person=person, other_needs=other, **details)
    AccessNeed.objects.bulk_create([AccessNeed(profile=profile, need=need) for need in needs])
    return profile
