"""Projects, where each is in its life, the people who belong to each, and the intake assessment."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Now

from coproduce.accounts.models import STAFF_ROLES, User
from coproduce.model import STAGE_ORDER, STAGES, LadderRung, Stage
from coproduce.people.models import Person


class Lifecycle(models.TextChoices):
    """Where a project is in its life: an idea, one of the four co-production stages, or closed."""

    IDEA = "idea", "Idea"
    DESIGN = Stage.DESIGN.value, Stage.DESIGN.label
    DEVELOPMENT = Stage.DEVELOPMENT.value, Stage.DEVELOPMENT.label
    IMPLEMENTATION = Stage.IMPLEMENTATION.value, Stage.IMPLEMENTATION.label
    EVALUATION = Stage.EVALUATION.value, Stage.EVALUATION.label
    CLOSED = "closed", "Closed"


LIFECYCLE_ORDER: tuple[Lifecycle, ...] = tuple(Lifecycle)

# One plain sentence about each step of the lifecycle. The four co-production stages keep the
# model's own words (coproduce/model.py); idea and closed are the organisation's steps around them.
LIFECYCLE_PLAIN: dict[Lifecycle, str] = {
    Lifecycle.IDEA: "Someone has an idea. We decide together whether to take it on.",
    **{Lifecycle(info.stage.value): info.plain for info in STAGES},
    Lifecycle.CLOSED: "The project has finished. We keep what we learned.",
}


def next_in_lifecycle(stage: Lifecycle) -> Lifecycle | None:
    """Return the step after ``stage``, or ``None`` once the project is closed."""
    index = LIFECYCLE_ORDER.index(Lifecycle(stage))
    return LIFECYCLE_ORDER[index + 1] if index + 1 < len(LIFECYCLE_ORDER) else None


class IntakeStatus(models.TextChoices):
    """What has happened to an idea that someone proposed. Blank for projects a coordinator started."""

    SUBMITTED = "submitted", "Waiting for a decision"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Not taken forward"


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: User | AnonymousUser) -> "ProjectQuerySet":
        """Staff see every project; everyone else sees the projects they belong to."""
        if not user.is_authenticated:
            return self.none()
        if isinstance(user, User) and user.role in STAFF_ROLES:
            return self
        return self.filter(memberships__person__user=user).distinct()

    def taken_on(self) -> "ProjectQuerySet":
        """Every project except ideas still waiting in the intake queue or not taken forward."""
        return self.exclude(intake_status__in=[IntakeStatus.SUBMITTED, IntakeStatus.DECLINED])

    def waiting_for_intake(self) -> "ProjectQuerySet":
        """Ideas that people proposed and that wait for a coordinator's decision."""
        return self.filter(intake_status=IntakeStatus.SUBMITTED)


class Project(models.Model):
    title = models.CharField(max_length=200)
    summary = models.TextField()
    # A coordinator's project starts at design unless they choose idea; a proposed idea starts at idea.
    stage = models.CharField(max_length=20, choices=Lifecycle.choices, default=Lifecycle.DESIGN)
    stage_changed_at = models.DateTimeField(db_default=Now())
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    # Set only for ideas proposed through the intake queue.
    intake_status = models.CharField(max_length=20, choices=IntakeStatus.choices, blank=True, default="")
    proposed_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposed_projects"
    )
    intake_decided_at = models.DateTimeField(null=True, blank=True)
    intake_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Told to the person who proposed the idea, so "not taken forward" always has a reason (value 2).
    decline_reason = models.TextField(blank=True)
    design_approved_at = models.DateTimeField(null=True, blank=True)
    design_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        indexes = [
            models.Index(fields=["stage", "title"], name="project_stage_title_idx"),
            models.Index(fields=["intake_status", "created_at"], name="project_intake_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=Lifecycle.values), name="project_stage_valid"),
            models.CheckConstraint(condition=~models.Q(title=""), name="project_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(intake_status__in=["", *IntakeStatus.values]), name="project_intake_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(intake_status=IntakeStatus.DECLINED) | ~models.Q(decline_reason=""),
                name="project_declined_has_reason",
            ),
            # An idea moves on only once a coordinator has accepted it.
            models.CheckConstraint(
                condition=~models.Q(intake_status__in=[IntakeStatus.SUBMITTED, IntakeStatus.DECLINED])
                | models.Q(stage=Lifecycle.IDEA),
                name="project_undecided_idea_stays_idea",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def next_stage(self) -> Lifecycle | None:
        return next_in_lifecycle(Lifecycle(self.stage))

    @property
    def is_waiting_for_intake(self) -> bool:
        return self.intake_status == IntakeStatus.SUBMITTED

    @property
    def is_declined(self) -> bool:
        return self.intake_status == IntakeStatus.DECLINED


class ProjectRole(models.TextChoices):
    CO_LEAD = "co_lead", "Co-lead (lived experience)"
    STAFF_LEAD = "staff_lead", "Staff lead"
    CHAMPION = "champion", "Co-production champion"
    MEMBER = "member", "Project group member"


class Membership(models.Model):
    """A person's place in a project group."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=ProjectRole.choices, default=ProjectRole.MEMBER)
    joined_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["role", "person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["project", "person", "role"], name="membership_unique_role"),
            models.CheckConstraint(condition=models.Q(role__in=ProjectRole.values), name="membership_role_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} – {self.project}"


class StageChange(models.Model):
    """One step in a project's life, with its date, so the project page can show when each stage began.

    ``from_stage`` is blank for the stage the project started at.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.CharField(max_length=20, choices=Lifecycle.choices, blank=True)
    to_stage = models.CharField(max_length=20, choices=Lifecycle.choices)
    changed_at = models.DateTimeField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    # Why the project moved on although nobody with lived experience took part at the stage it left
    # (blank when people did). Shown on the project page and counted on the dashboard.
    reason_without_involvement = models.TextField(blank=True)

    class Meta:
        ordering = ["changed_at", "id"]
        indexes = [models.Index(fields=["project", "changed_at"], name="stage_change_project_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(from_stage__in=["", *Lifecycle.values]), name="stage_change_from_valid"
            ),
            models.CheckConstraint(condition=models.Q(to_stage__in=Lifecycle.values), name="stage_change_to_valid"),
            models.CheckConstraint(condition=~models.Q(from_stage=models.F("to_stage")), name="stage_change_moves_on"),
        ]

    def __str__(self) -> str:
        return f"{self.project} – {self.get_from_stage_display() or 'start'} to {self.get_to_stage_display()}"


# Coercion is never a plan: TLAP's lowest rung is where nobody is asked, so it is not offered as a
# planned level of involvement. It stays a valid value because a review may find it happened.
PLANNED_RUNGS: tuple[LadderRung, ...] = tuple(rung for rung in LadderRung if rung != LadderRung.COERCION)


class OpportunityAssessment(models.Model):
    """Where co-production can make the most difference in a project, recorded at intake (step 4).

    The four stages are fixed by the co-production model (``coproduce.model.Stage``), not data an
    admin can change, so "can this stage be co-produced?" and "the planned rung" are kept as one
    column per stage rather than in a related table: one row per project, read in one query, each
    value checked by the database, and nothing to keep in step when a stage is ticked or unticked.
    """

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="assessment")
    who_is_affected = models.TextField()
    can_coproduce_design = models.BooleanField(default=False)
    can_coproduce_development = models.BooleanField(default=False)
    can_coproduce_implementation = models.BooleanField(default=False)
    can_coproduce_evaluation = models.BooleanField(default=False)
    what_is_fixed = models.TextField()
    planned_rung_design = models.CharField(max_length=20, choices=LadderRung.choices)
    planned_rung_development = models.CharField(max_length=20, choices=LadderRung.choices)
    planned_rung_implementation = models.CharField(max_length=20, choices=LadderRung.choices)
    planned_rung_evaluation = models.CharField(max_length=20, choices=LadderRung.choices)
    people_to_involve = models.TextField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    planned_rung_design__in=LadderRung.values,
                    planned_rung_development__in=LadderRung.values,
                    planned_rung_implementation__in=LadderRung.values,
                    planned_rung_evaluation__in=LadderRung.values,
                ),
                name="assessment_planned_rungs_valid",
            ),
            models.CheckConstraint(condition=~models.Q(who_is_affected=""), name="assessment_affected_not_empty"),
            models.CheckConstraint(condition=~models.Q(what_is_fixed=""), name="assessment_fixed_not_empty"),
            models.CheckConstraint(condition=~models.Q(people_to_involve=""), name="assessment_people_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Opportunity assessment – {self.project}"

    def can_coproduce(self, stage: Stage) -> bool:
        return bool(getattr(self, f"can_coproduce_{Stage(stage).value}"))

    def planned_rung(self, stage: Stage) -> LadderRung:
        return LadderRung(getattr(self, f"planned_rung_{Stage(stage).value}"))

    @property
    def coproducible_stages(self) -> list[Stage]:
        return [stage for stage in STAGE_ORDER if self.can_coproduce(stage)]

    @property
    def coproducible_stages_text(self) -> str:
        """The stages people can shape, in words: "Design, Development and Evaluation", or "None"."""
        labels = [str(stage.label) for stage in self.coproducible_stages]
        if not labels:
            return "None"
        return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"
