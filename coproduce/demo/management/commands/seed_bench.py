"""Fill an empty database with a national network's worth of records, for `make bench`.

The default scale is the network the product must serve: 100,000 people, 5,000 projects, 50,000
activities, 1,000,000 involvement (attendance) records and 1,000,000 contributions. ``--scale 0.1``
makes a tenth of each. Rows are written in large batches with bulk_create; the data is plausible, not
realistic, and deterministic (the same scale gives the same data).
"""

from collections.abc import Iterator
from datetime import timedelta
from itertools import islice
from typing import Any, TypeVar

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction
from django.utils import timezone

from coproduce.accounts.models import Role, User
from coproduce.contributions.models import Contribution, ContributionKind, ContributionResponse, Outcome
from coproduce.involvement.choices import ActivityFormat, ActivityKind
from coproduce.involvement.models import Activity, Attendance
from coproduce.model import LadderRung
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Lifecycle, Membership, Project, ProjectRole

FULL_SCALE = {"people": 100_000, "projects": 5_000, "activities": 50_000, "attendance": 1_000_000}
BATCH = 5_000
BENCH_COORDINATOR = "bench-coordinator@example.org"
# The representation view is for the data lead only.
BENCH_DATA_LEAD = "bench-data-lead@example.org"

M = TypeVar("M", bound=models.Model)


def in_batches(model: type[M], rows: Iterator[M]) -> int:
    written = 0
    while batch := list(islice(rows, BATCH)):
        model._default_manager.bulk_create(batch, batch_size=BATCH)
        written += len(batch)
    return written


def activity_offset(n: int) -> timedelta:
    """When the n-th activity starts, from now: one in ten is still to come (and open to join) within
    60 days; the others happened over the last 700 days."""
    return timedelta(days=(n % 60) + 1) if n % 10 == 0 else -timedelta(days=(n % 700) + 1)


class Command(BaseCommand):
    help = "Fill an empty database with benchmark data (default: a national network's scale)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 is 100,000 people and 1,000,000 records")

    def handle(self, *args: Any, scale: float, **options: Any) -> None:
        if scale <= 0 or scale > 2:
            raise CommandError("--scale must be more than 0 and at most 2.")
        if Person.objects.exists():
            raise CommandError("The database already has people in it: benchmark data needs an empty database.")
        sizes = {name: max(1, int(count * scale)) for name, count in FULL_SCALE.items()}
        with transaction.atomic():
            self._generate(**sizes)
        # Gather the planner's statistics, as a live database's routine maintenance would have: without
        # them, rows loaded in bulk can send PostgreSQL down plans that take minutes.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def _generate(self, *, people: int, projects: int, activities: int, attendance: int) -> None:
        now = timezone.now()
        coordinator = User.objects.create_user(BENCH_COORDINATOR, None, role=Role.COORDINATOR)
        Person.objects.create(user=coordinator, full_name="Bench Coordinator", kind=PersonKind.STAFF)
        data_lead = User.objects.create_user(BENCH_DATA_LEAD, None, role=Role.DATA_LEAD)
        Person.objects.create(user=data_lead, full_name="Bench Data Lead", kind=PersonKind.STAFF)
        kinds = [PersonKind.MEMBER] * 6 + [PersonKind.CARER] * 2 + [PersonKind.ALLY, PersonKind.STAFF]
        in_batches(
            Person,
            (
                Person(
                    full_name=f"Person {n:06d}",
                    kind=kinds[n % len(kinds)],
                    email=f"person{n}@example.org" if n % 3 else "",
                    phone=f"01632 {n % 1_000_000:06d}" if n % 3 == 0 else "",
                )
                for n in range(people)
            ),
        )
        person_ids = list(Person.objects.exclude(user=coordinator).order_by("pk").values_list("pk", flat=True))
        stages = [stage for stage in Lifecycle.values if stage != Lifecycle.IDEA] + [Lifecycle.IDEA]
        in_batches(
            Project,
            (
                Project(
                    title=f"Project {n:05d}",
                    summary="A project that changes a local service together with the people who use it.",
                    stage=stages[n % len(stages)],
                    created_by=coordinator,
                )
                for n in range(projects)
            ),
        )
        project_ids = list(Project.objects.order_by("pk").values_list("pk", flat=True))
        in_batches(
            Membership,
            (
                Membership(project_id=project_id, person_id=person_ids[(n * 12 + k) % len(person_ids)], role=role)
                for n, project_id in enumerate(project_ids)
                for k, role in enumerate((ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD, *[ProjectRole.MEMBER] * 6))
            ),
        )
        activity_kinds = [ActivityKind.WORKSHOP, ActivityKind.MEETING, ActivityKind.FOCUS_GROUP, ActivityKind.PANEL]
        in_batches(
            Activity,
            (
                Activity(
                    project_id=project_ids[n % len(project_ids)],
                    stage=Lifecycle.DESIGN,
                    kind=activity_kinds[n % len(activity_kinds)],
                    title=f"Activity {n:06d}",
                    description="People who use the service and staff work on it together.",
                    format=ActivityFormat.IN_PERSON if n % 2 else ActivityFormat.ONLINE,
                    venue="Community centre" if n % 2 else "",
                    starts_at=now + activity_offset(n),
                    ends_at=now + activity_offset(n) + timedelta(hours=2),
                    capacity=20,
                    planned_rung=LadderRung.CO_DESIGN,
                    is_open=n % 10 == 0,
                    created_by=coordinator,
                )
                for n in range(activities)
            ),
        )
        activity_ids = list(Activity.objects.order_by("pk").values_list("pk", flat=True))
        per_activity = max(1, attendance // len(activity_ids))
        in_batches(
            Attendance,
            (
                Attendance(
                    activity_id=activity_id,
                    # Distinct people at each activity: consecutive ids from a starting point.
                    person_id=person_ids[(n * 37 + k) % len(person_ids)],
                    minutes=120,
                    recorded_by=coordinator,
                )
                for n, activity_id in enumerate(activity_ids)
                for k in range(min(per_activity, len(person_ids)))
            ),
        )
        contribution_kinds = ContributionKind.values
        # What people said at an activity is recorded when it happened; at an activity still to come,
        # nothing has been said yet, so those contributions were sent in on their own in the past.
        in_batches(
            Contribution,
            (
                Contribution(
                    person_id=person_ids[(n * 37 + k) % len(person_ids)],
                    project_id=project_ids[n % len(project_ids)],
                    activity_id=None if n % 10 == 0 else activity_id,
                    kind=contribution_kinds[(n + k) % len(contribution_kinds)],
                    summary="A step-free route from the bus stop to the entrance.",
                    recorded_by=coordinator,
                    recorded_at=now - timedelta(days=((n + k) % 700) + 1)
                    if n % 10 == 0
                    else starts + timedelta(hours=3),
                )
                for n, activity_id in enumerate(activity_ids)
                for starts in [now + activity_offset(n)]
                for k in range(min(per_activity, len(person_ids)))
            ),
        )
        # Three in four contributions have an answer, most within the response days, some later.
        outcomes = list(Outcome)
        contributions = Contribution.objects.order_by("pk").values_list("pk", "recorded_at").iterator(chunk_size=BATCH)
        in_batches(
            ContributionResponse,
            (
                ContributionResponse(
                    contribution_id=pk,
                    outcome=outcomes[pk % len(outcomes)],
                    explanation="We talked it over with the group and wrote back.",
                    responded_by=coordinator,
                    responded_at=answered,
                )
                for pk, recorded_at in contributions
                for answered in [recorded_at + timedelta(days=7 + pk % 35)]
                if pk % 4 and answered < now
            ),
        )
        self.stdout.write(
            f"Benchmark data: {len(person_ids):,} people, {len(project_ids):,} projects, "
            f"{len(activity_ids):,} activities, {Attendance.objects.count():,} involvement records, "
            f"{Contribution.objects.count():,} contributions ({ContributionResponse.objects.count():,} answered)."
        )
