"""Activities people take part in, who registered, their access arrangements, and who attended."""

import uuid
from datetime import datetime
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Coalesce, Now
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.choices import (
    ARRANGED_NEED_CHOICES,
    FORMATS_WITH_VENUE,
    ActivityFormat,
    ActivityKind,
    ActivityStage,
    ArrangementStatus,
    AttendanceRole,
    OutreachChannel,
    RegistrationStatus,
)
from coproduce.model import LadderRung
from coproduce.people.models import Person
from coproduce.projects.models import Project


def easy_read_image_path(activity: "Activity", filename: str) -> str:
    # A random name: the file's own name may say something about the person who made it, and the
    # picture is only ever served through a view that checks who may see it.
    suffix = PurePath(filename).suffix.lower()
    return f"involvement/easy-read/{uuid.uuid4().hex}{suffix}"


class ActivityQuerySet(models.QuerySet["Activity"]):
    def open_for_registration(self, now: datetime | None = None) -> "ActivityQuerySet":
        """Published activities that have not started yet: the "Get involved" list."""
        return self.filter(is_open=True, starts_at__gt=now or timezone.now())

    def with_counts(self) -> "ActivityQuerySet":
        """Each activity's places taken and people waiting, counted for the activities fetched only
        (a subquery each, not a join grouped over every activity that matches)."""
        return self.annotate(
            registered_count=_registrations(RegistrationStatus.REGISTERED),
            waiting_count=_registrations(RegistrationStatus.WAITING),
        )


def _registrations(status: str) -> Coalesce:
    registrations = (
        Registration.objects.filter(activity=models.OuterRef("pk"), status=status)
        .order_by()
        .values("activity")
        .annotate(n=models.Count("pk"))
        .values("n")
    )
    return Coalesce(models.Subquery(registrations, output_field=models.IntegerField()), 0)


class Activity(models.Model):
    """A meeting, workshop, focus group or other activity in which people take part in a project."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="activities")
    stage = models.CharField(max_length=20, choices=ActivityStage.choices)
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    title = models.CharField(max_length=200)
    description = models.TextField()
    easy_read_summary = models.TextField(blank=True)
    easy_read_image = models.ImageField(upload_to=easy_read_image_path, blank=True, max_length=200)
    easy_read_image_alt = models.CharField(max_length=300, blank=True)
    format = models.CharField(max_length=20, choices=ActivityFormat.choices)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    venue = models.CharField(max_length=300, blank=True)
    venue_access = models.TextField(blank=True)
    # Blank: no limit on places (for example a survey).
    capacity = models.PositiveIntegerField(null=True, blank=True)
    planned_rung = models.CharField(max_length=20, choices=LadderRung.choices)
    papers_issued_on = models.DateField(null=True, blank=True)
    adjustments_deadline = models.DateField(null=True, blank=True)
    targeted_groups = models.TextField(blank=True)
    is_open = models.BooleanField(default=False)
    is_ready = models.BooleanField(default=False)
    ready_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "activities"
        ordering = ["starts_at", "id"]
        indexes = [
            # "Get involved": open activities, soonest first (a partial index, so SQLite uses it too).
            models.Index(
                fields=["starts_at", "id"], condition=models.Q(is_open=True), name="activity_open_soonest_idx"
            ),
            models.Index(fields=["project", "starts_at"], name="activity_project_start_idx"),
            # Reports, reviews and indicators count what happened in a period across all projects.
            models.Index(fields=["starts_at"], name="activity_start_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=ActivityStage.values), name="activity_stage_valid"),
            models.CheckConstraint(condition=models.Q(kind__in=ActivityKind.values), name="activity_kind_valid"),
            models.CheckConstraint(condition=models.Q(format__in=ActivityFormat.values), name="activity_format_valid"),
            models.CheckConstraint(
                condition=models.Q(planned_rung__in=LadderRung.values), name="activity_planned_rung_valid"
            ),
            models.CheckConstraint(condition=~models.Q(title=""), name="activity_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gte=1), name="activity_capacity_positive"
            ),
            # A picture without words shuts out people who cannot see it.
            models.CheckConstraint(
                condition=models.Q(easy_read_image="") | ~models.Q(easy_read_image_alt=""),
                name="activity_easy_read_image_has_alt",
            ),
            models.CheckConstraint(
                condition=models.Q(is_ready=False) | models.Q(ready_at__isnull=False),
                name="activity_ready_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def has_venue(self) -> bool:
        return self.format in FORMATS_WITH_VENUE

    @property
    def duration_minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    def has_started(self, now: datetime | None = None) -> bool:
        return self.starts_at <= (now or timezone.now())


class Outreach(models.Model):
    """One way the coordinator tells people about an activity (step 2: a range of people)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="outreach")
    channel = models.CharField(max_length=30, choices=OutreachChannel.choices)

    class Meta:
        verbose_name_plural = "outreach"
        ordering = ["channel"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "channel"], name="outreach_unique_channel"),
            models.CheckConstraint(
                condition=models.Q(channel__in=OutreachChannel.values), name="outreach_channel_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.get_channel_display()


class RegistrationQuerySet(models.QuerySet["Registration"]):
    def registered(self) -> "RegistrationQuerySet":
        return self.filter(status=RegistrationStatus.REGISTERED)

    def waiting_in_order(self) -> "RegistrationQuerySet":
        """The waiting list, first come first served."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("joined_at", "id")

    def of_user(self, user: User | AnonymousUser) -> "RegistrationQuerySet":
        if not user.is_authenticated:
            return self.none()
        return self.filter(person__user=user)


class Registration(models.Model):
    """A person's place (or place on the waiting list) at an activity. One per person and activity."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="registrations")
    status = models.CharField(max_length=20, choices=RegistrationStatus.choices)
    # When they last asked for a place: the waiting list is in this order.
    joined_at = models.DateTimeField(default=timezone.now)
    status_changed_at = models.DateTimeField(default=timezone.now)
    # Who made the registration: the person themselves, or a coordinator for them. Empty for
    # someone without an account who said they were interested.
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Set when the reminder before the activity went, so a reminder is never sent twice.
    reminder_sent_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["joined_at", "id"]
        indexes = [models.Index(fields=["activity", "status", "joined_at"], name="registration_queue_idx")]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="registration_one_per_person"),
            models.CheckConstraint(
                condition=models.Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"Registration of person {self.person_id} for activity {self.activity_id}"

    @property
    def is_active(self) -> bool:
        return self.status in {RegistrationStatus.REGISTERED, RegistrationStatus.WAITING}


class NeedArrangement(models.Model):
    """How one of a registered person's access needs is being met for one activity."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="arrangements")
    need = models.CharField(max_length=30, choices=ARRANGED_NEED_CHOICES)
    status = models.CharField(max_length=20, choices=ArrangementStatus.choices)
    # Told to the person when a need cannot be met.
    reason = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["need"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "need"], name="need_arrangement_unique"),
            models.CheckConstraint(
                condition=models.Q(status__in=ArrangementStatus.values), name="need_arrangement_status_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(need__in=[value for value, _ in ARRANGED_NEED_CHOICES]),
                name="need_arrangement_need_valid",
            ),
            # The person is always told why: a need that cannot be met has a reason.
            models.CheckConstraint(
                condition=~models.Q(status=ArrangementStatus.CANNOT_BE_MET) | ~models.Q(reason=""),
                name="need_arrangement_refusal_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"Arrangement for registration {self.registration_id}"


class Attendance(models.Model):
    """Who took part in an activity, in what role and for how long: the involvement record."""

    activity = models.ForeignKey(Activity, on_delete=models.PROTECT, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances")
    role = models.CharField(max_length=20, choices=AttendanceRole.choices, default=AttendanceRole.PARTICIPANT)
    minutes = models.PositiveIntegerField()
    recorded_from_paper = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "attendance"
        ordering = ["person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "person"], name="attendance_one_per_person"),
            models.CheckConstraint(condition=models.Q(role__in=AttendanceRole.values), name="attendance_role_valid"),
            models.CheckConstraint(condition=models.Q(minutes__gte=1), name="attendance_minutes_positive"),
        ]

    def __str__(self) -> str:
        return f"Attendance of person {self.person_id} at activity {self.activity_id}"


class InterestRequest(models.Model):
    """One "I am interested" form sent without an account, kept to limit how many come from one address."""

    ip_address = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [models.Index(fields=["ip_address", "requested_at"], name="interest_request_ip_idx")]

    def __str__(self) -> str:
        return f"Interest request at {self.requested_at}"
