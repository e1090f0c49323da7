"""Projects, the stage each is at, and the people who belong to each."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Now

from coproduce.accounts.models import STAFF_ROLES, User
from coproduce.model import Stage, next_stage
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


class ProjectQuerySet(models.QuerySet["Project"]):
    def visible_to(self, user: User | AnonymousUser) -> "ProjectQuerySet":
        """Staff see every project; everyone else sees the projects they belong to."""
        if not user.is_authenticated:
            return self.none()
        if isinstance(user, User) and user.role in STAFF_ROLES:
            return self
        return self.filter(memberships__person__user=user).distinct()


class Project(models.Model):
    title = models.CharField(max_length=200)
    summary = models.TextField()
    stage = models.CharField(max_length=20, choices=Stage.choices, default=Stage.DESIGN)
    stage_changed_at = models.DateTimeField(db_default=Now())
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["stage", "title"], name="project_stage_title_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(stage__in=Stage.values), name="project_stage_valid"),
            models.CheckConstraint(condition=~models.Q(title=""), name="project_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def next_stage(self) -> Stage | None:
        return next_stage(Stage(self.stage))


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
