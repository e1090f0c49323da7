"""What the records cannot say for themselves: report narratives, "You said, we did" pages, digests sent."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from coproduce.people.models import Person
from coproduce.projects.models import Project


class ReportNarrative(models.Model):
    """The parts of a progress report a lead writes: the aim (if the project has none), how far
    involvement influenced the work, and reflections. ``project`` is blank for the organisation report."""

    project = models.ForeignKey(Project, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    aim = models.TextField(blank=True)
    influence = models.TextField(blank=True)
    reflections = models.TextField(blank=True)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="narrative_period_ordered"),
            models.UniqueConstraint(
                fields=["project", "period_start", "period_end"],
                condition=Q(project__isnull=False),
                name="narrative_one_per_project_period",
            ),
            models.UniqueConstraint(
                fields=["period_start", "period_end"],
                condition=Q(project__isnull=True),
                name="narrative_one_per_organisation_period",
            ),
        ]

    def __str__(self) -> str:
        return f"Narrative {self.period_start} to {self.period_end}"


class YouSaidWeDidPage(models.Model):
    """A project's public "We asked, you said, we did" page. Unpublished pages are seen only by leads."""

    project = models.OneToOneField(Project, on_delete=models.CASCADE, related_name="you_said_we_did_page")
    intro = models.TextField(blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True, published_by__isnull=True)
                | Q(published_at__isnull=False, published_by__isnull=False),
                name="you_said_we_did_published_with_who",
            )
        ]

    def __str__(self) -> str:
        return f"You said, we did: {self.project}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class Digest(models.Model):
    """A personal digest sent to one contributor for one period: never twice for the same period."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="digests")
    period_start = models.DateField()
    period_end = models.DateField()
    contributions = models.PositiveIntegerField()
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "period_start", "period_end"], name="digest_once_per_period"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="digest_period_ordered"),
            models.CheckConstraint(condition=Q(contributions__gte=1), name="digest_has_contributions"),
        ]

    def __str__(self) -> str:
        return f"Digest {self.period_start} to {self.period_end}"
