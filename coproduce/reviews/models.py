"""Reviews: a project's quarterly and end-of-stage reviews and the annual organisation review.

People take part from the member side or the staff side; each answers the ladder and Cube
self-assessment separately. The annual review also rates the six UK Standards for Public Involvement.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from coproduce.model import LadderRung
from coproduce.people.models import Person
from coproduce.projects.models import Lifecycle
from coproduce.reviews.choices import SCALE, Rating, ReviewKind, ReviewStatus, Side, Standard


class Review(models.Model):
    # Null: the annual organisation review, which is about the whole organisation.
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(max_length=20, choices=ReviewKind.choices)
    # End of stage reviews: the stage change that ended the stage (one review for each).
    stage_change = models.OneToOneField(
        "projects.StageChange", null=True, blank=True, on_delete=models.CASCADE, related_name="review"
    )
    stage = models.CharField(max_length=20, choices=Lifecycle.choices, blank=True)
    period_start = models.DateField()
    period_end = models.DateField()
    due_on = models.DateField()
    status = models.CharField(max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.OPEN)
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    learned = models.TextField("What we learned", blank=True)
    actions_agreed = models.TextField("Actions agreed", blank=True)
    # When the leads (coordinators, for the annual review) were told the review is due: claimed before
    # sending, so they are told once.
    leads_told_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["status", "due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="review_status_due_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=ReviewKind.values), name="review_kind_valid"),
            models.CheckConstraint(condition=models.Q(status__in=ReviewStatus.values), name="review_status_valid"),
            models.CheckConstraint(condition=models.Q(stage__in=["", *Lifecycle.values]), name="review_stage_valid"),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="review_period_in_order"
            ),
            # The annual review is the organisation's; every other review belongs to a project.
            models.CheckConstraint(
                condition=models.Q(kind=ReviewKind.ANNUAL, project__isnull=True)
                | (~models.Q(kind=ReviewKind.ANNUAL) & models.Q(project__isnull=False)),
                name="review_annual_has_no_project",
            ),
            models.CheckConstraint(
                condition=models.Q(kind=ReviewKind.STAGE_END, stage_change__isnull=False)
                | (~models.Q(kind=ReviewKind.STAGE_END) & models.Q(stage_change__isnull=True)),
                name="review_stage_end_has_change",
            ),
            models.CheckConstraint(
                condition=models.Q(status=ReviewStatus.OPEN, closed_at__isnull=True, closed_by__isnull=True)
                | models.Q(status=ReviewStatus.CLOSED, closed_at__isnull=False, closed_by__isnull=False),
                name="review_closed_has_when_and_who",
            ),
            models.UniqueConstraint(
                fields=["project", "kind", "period_start"],
                condition=models.Q(project__isnull=False, kind=ReviewKind.QUARTERLY),
                name="review_one_quarter_per_project",
            ),
            models.UniqueConstraint(
                fields=["kind", "period_start"],
                condition=models.Q(project__isnull=True),
                name="review_one_annual_per_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if self.kind == ReviewKind.ANNUAL:
            return f"Annual organisation review {self.period_start.year} to {self.period_end.year}"
        name = self.project.title if self.project is not None else ""
        if self.kind == ReviewKind.STAGE_END:
            return f"End of {self.get_stage_display().lower()} stage review: {name}"
        return f"Quarterly review: {name}"

    @property
    def is_open(self) -> bool:
        return self.status == ReviewStatus.OPEN

    @property
    def is_annual(self) -> bool:
        return self.kind == ReviewKind.ANNUAL


class Participant(models.Model):
    """Someone who took part in a review, and from which side (worked out from the kind of person)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="review_places")
    side = models.CharField(max_length=10, choices=Side.choices)
    joined_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["side", "person__full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "person"], name="review_participant_once"),
            models.CheckConstraint(condition=models.Q(side__in=Side.values), name="review_participant_side_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.review}"


def _scale_field(verbose_name: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(verbose_name)


class SelfAssessment(models.Model):
    """One participant's own answers: the ladder rung reached and the four Cube questions (1 to 5)."""

    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="assessment")
    rung = models.CharField(max_length=20, choices=LadderRung.choices)
    voice = _scale_field("Voice")
    ways = _scale_field("Ways of getting involved")
    concerns = _scale_field("Whose concerns")
    change = _scale_field("Willing to change")
    # Given by phone to a coordinator, who is recorded_by; online answers are recorded by the person.
    by_phone = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(rung__in=LadderRung.values), name="self_assessment_rung_valid"),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{field}__gte": SCALE[0], f"{field}__lte": SCALE[-1]}),
                    name=f"self_assessment_{field}_on_scale",
                )
                for field in ("voice", "ways", "concerns", "change")
            ),
        ]

    def __str__(self) -> str:
        return f"Self-assessment by {self.participant.person}"


class StandardRating(models.Model):
    """The annual review's rating of one UK Standard for Public Involvement, with the evidence for it."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="standard_ratings")
    standard = models.CharField(max_length=30, choices=Standard.choices)
    rating = models.CharField(max_length=20, choices=Rating.choices)
    evidence = models.TextField()
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    rated_at = models.DateTimeField(db_default=Now())

    class Meta:
        ordering = ["review", "id"]
        constraints = [
            models.UniqueConstraint(fields=["review", "standard"], name="standard_rating_once"),
            models.CheckConstraint(condition=models.Q(standard__in=Standard.values), name="standard_rating_valid"),
            models.CheckConstraint(condition=models.Q(rating__in=Rating.values), name="standard_rating_rating_valid"),
            models.CheckConstraint(condition=~models.Q(evidence=""), name="standard_rating_has_evidence"),
        ]

    def __str__(self) -> str:
        return f"{self.get_standard_display()}: {self.get_rating_display()}"
