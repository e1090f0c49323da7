"""The small world every page of the inventory is visited in: the personas, a project at each stage,
an activity with someone registered, a person awaiting confirmation, a people import.

Built once per browser worker for the page-by-page scans (ADR 0011), and by the journeys.
"""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.models import SignInLink, hash_token
from coproduce.conftest import PERSONA_BY_KEY, make_persona
from coproduce.involvement.models import Activity, Registration
from coproduce.learning.models import Course, TrainingRecord
from coproduce.learning.services.charter import ensure_learning_defaults, sign_charter
from coproduce.people.defaults import ensure_first_notices
from coproduce.people.models import AccessNeed, AccessProfile, Notice, PeopleImport, Person
from coproduce.projects.models import IntakeStatus, Lifecycle, Membership, Project, ProjectRole
from coproduce.tests.inventory_types import World

VALID_TOKEN = "inventory-valid-token"


def restore_first_notices() -> None:
    """Put back the notices the data migration made: tests that flush the database remove them."""
    ensure_first_notices(Notice)


def awaiting(world: World) -> Person:
    """Someone who registered interest on Get involved, without an account."""
    return Person.objects.create(
        full_name="Sunita Rao", kind="member", phone="01632 960111", awaiting_confirmation=True
    )


def people_import(world: World, *, mapped: bool = True, clean: bool = False) -> PeopleImport:
    """A spreadsheet Amina has uploaded: with a problem row unless ``clean``."""
    rows = [["Ruth Evans", "ruth@example.org", "carer"]] + ([] if clean else [["", "not-an-email", "volunteer"]])
    return PeopleImport.objects.create(
        uploaded_by=world.users["amina"],
        filename="members.csv",
        headers=["Name", "Email address", "Involved as"],
        rows=rows,
        mapping={"full_name": 0, "email": 1, "kind": 2} if mapped else {},
    )


def started(activity: Activity) -> Activity:
    """The activity, moved to have started an hour ago (attendance is recorded once it has started)."""
    activity.starts_at = timezone.now() - timedelta(hours=1)
    activity.ends_at = activity.starts_at + timedelta(hours=2)
    Activity.objects.filter(pk=activity.pk).update(starts_at=activity.starts_at, ends_at=activity.ends_at)
    return activity


def ready_to_lead(world: World) -> World:
    """Grace has signed the co-production charter, so she may be a champion; Amina has done "What
    co-production is", so she may be a staff lead (journey 5 covers how both come about)."""
    sign_charter(by=world.users["grace"])
    TrainingRecord.objects.create(
        person=world.users["amina"].person,
        course=Course.objects.get(title="What co-production is"),
        completed_on=timezone.localdate(),
        recorded_by=world.users["amina"],
    )
    return world


def build_world() -> World:
    restore_first_notices()
    ensure_learning_defaults()
    users = {key: make_persona(persona) for key, persona in PERSONA_BY_KEY.items()}
    project = Project.objects.create(
        title="Step-free bus stops", summary="Making bus stops work for everyone.", created_by=users["amina"]
    )
    Membership.objects.create(project=project, person=users["dev"].person, role=ProjectRole.CO_LEAD)
    Membership.objects.create(project=project, person=users["grace"].person, role=ProjectRole.MEMBER)
    Membership.objects.create(project=project, person=users["amina"].person, role=ProjectRole.STAFF_LEAD)
    last = Project.objects.create(
        title="Day centre review", summary="What worked.", stage=Lifecycle.CLOSED, created_by=users["amina"]
    )
    idea = Project.objects.create(
        title="Quiet hours at the library",
        summary="Autistic people need quiet times.",
        stage=Lifecycle.IDEA,
        intake_status=IntakeStatus.SUBMITTED,
        proposed_by=users["dev"].person,
        created_by=users["dev"],
    )
    person = Person.objects.create(full_name="Rosa Lindqvist", kind="member", phone="01632 960000")
    starts = (timezone.localtime() + timedelta(days=14)).replace(hour=10, minute=0, second=0, microsecond=0)
    activity = Activity.objects.create(
        project=project,
        stage="design",
        kind="workshop",
        title="Bus stop design workshop",
        description="We plan the new bus stops together.",
        easy_read_summary="We will talk about bus stops.\nYou can say what you think.",
        format="in_person",
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        venue="Riverside Community Centre",
        venue_access="Step-free entrance.",
        capacity=12,
        planned_rung="co_design",
        is_open=True,
        created_by=users["amina"],
    )
    profile, _ = AccessProfile.objects.get_or_create(person=users["dev"].person)
    AccessNeed.objects.get_or_create(profile=profile, need="easy_read")
    registration = Registration.objects.create(activity=activity, person=users["dev"].person, status="registered")
    now = timezone.now()
    SignInLink.objects.create(
        user=users["grace"], token_hash=hash_token(VALID_TOKEN), created_at=now, expires_at=now + timedelta(minutes=15)
    )
    return World(
        users=users,
        project=project,
        last_stage_project=last,
        idea=idea,
        person=person,
        activity=activity,
        registration=registration,
    )
