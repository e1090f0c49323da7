"""What people contributed, the answer each got, and how they were thanked."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduce.involvement.models import Activity
from coproduce.people.models import CreditPreference, Person
from coproduce.projects.models import Project


class ContributionKind(models.TextChoices):
    IDEA = "idea", "An idea"
    FEEDBACK = "feedback", "Feedback"
    CONCERN = "concern", "A concern"
    INSIGHT = "insight", "Lived-experience insight"
    DOCUMENT_REVIEW = "document_review", "A review of a document"
    DESIGN = "design", "A design"


class Contribution(models.Model):
    """Something a person contributed to a project: recorded by them, or by a coordinator for them."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contributions")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="contributions")
    # Blank when it was not made at an activity (for example an idea sent in by email).
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    kind = models.CharField(max_length=20, choices=ContributionKind.choices)
    summary = models.TextField()
    # How to name the person for this contribution; blank means their usual credit choice.
    credit = models.CharField(max_length=20, choices=CreditPreference.choices, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [
            models.Index(fields=["project", "recorded_at"], name="contribution_project_idx"),
            models.Index(fields=["person", "recorded_at"], name="contribution_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=ContributionKind.values), name="contribution_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(credit="") | models.Q(credit__in=CreditPreference.values),
                name="contribution_credit_valid",
            ),
            models.CheckConstraint(condition=~models.Q(summary=""), name="contribution_summary_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from person {self.person_id}"
