"""What people contributed, the answer each got, and how they were thanked."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import CreditPreference, Person
from coproduce.projects.models import Project


class ContributionKind(models.TextChoices):
    IDEA = "idea", "An idea"
    FEEDBACK = "feedback", "Feedback"
    CONCERN = "concern", "A concern"
    INSIGHT = "insight", "Lived-experience insight"
    DOCUMENT_REVIEW = "document_review", "A review of a document"
    DESIGN = "design", "A design"


# Each kind as a noun that follows "Grace Okafor's", as in "Answer Grace Okafor's idea" (the labels
# above begin with "a" or "an", which cannot follow a possessive).
KIND_NOUNS: dict[str, str] = {
    ContributionKind.IDEA: "idea",
    ContributionKind.FEEDBACK: "feedback",
    ContributionKind.CONCERN: "concern",
    ContributionKind.INSIGHT: "lived-experience insight",
    ContributionKind.DOCUMENT_REVIEW: "review of a document",
    ContributionKind.DESIGN: "design",
}


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
            # Reports, reviews and indicators count what was said in a period across all projects.
            models.Index(fields=["recorded_at"], name="contribution_recorded_idx"),
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

    @property
    def kind_noun(self) -> str:
        """The kind as a noun after a possessive: "idea", "concern", "review of a document"."""
        return KIND_NOUNS[self.kind]


class Outcome(models.TextChoices):
    """What became of a contribution: "You said, we did"."""

    ADOPTED = "adopted", "Adopted"
    PARTLY_ADOPTED = "partly_adopted", "Partly adopted"
    NOT_ADOPTED = "not_adopted", "Not adopted"
    UNDER_CONSIDERATION = "under_consideration", "Still under consideration"


# Outcomes that mean the idea changed something: the person's "Your ideas that changed things" page.
CHANGED_THINGS = (Outcome.ADOPTED, Outcome.PARTLY_ADOPTED)


class ContributionResponse(models.Model):
    """One answer to a contribution. Answers are kept as history: the latest one is the current answer."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="responses")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    # What was done with it, or (for "not adopted") why not: told to the person (value 2).
    explanation = models.TextField(blank=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    responded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-responded_at", "-id"]
        indexes = [
            models.Index(fields=["contribution", "responded_at"], name="response_contribution_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(outcome__in=Outcome.values), name="response_outcome_valid"),
            # Openness and honesty (value 2): "not adopted" always says why.
            models.CheckConstraint(
                condition=~models.Q(outcome=Outcome.NOT_ADOPTED) | ~models.Q(explanation=""),
                name="response_not_adopted_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} for contribution {self.contribution_id}"


class ThanksMethod(models.TextChoices):
    EMAIL = "email", "Email"
    LETTER = "letter", "Thank-you letter"
    EASY_READ_CARD = "easy_read_card", "Easy Read thank-you card"
    CERTIFICATE = "certificate", "Certificate of involvement"
    REPORT_CREDIT = "report_credit", "Credit in a report"


class Thanks(models.Model):
    """How, when and by whom a person was thanked for taking part in an activity (step 3)."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="thanks")
    method = models.CharField(max_length=20, choices=ThanksMethod.choices)
    thanked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    thanked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "thanks"
        ordering = ["thanked_at", "id"]
        indexes = [models.Index(fields=["attendance", "thanked_at"], name="thanks_attendance_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(method__in=ThanksMethod.values), name="thanks_method_valid"),
            # Thanking the same way twice is a slip, not a second thank-you.
            models.UniqueConstraint(fields=["attendance", "method"], name="thanks_one_per_method"),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} for attendance {self.attendance_id}"
