"""Reference populations (Census 2021 and local figures) and outreach actions for representation gaps."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from coproduce.analytics.dimensions import dimension_choices, dimensions

NAME_LENGTH = 200
CATEGORY_LENGTH = 200
DIMENSION_LENGTH = 40


class ReferencePopulation(models.Model):
    """A set of figures to compare involvement with, such as Census 2021 for England and Wales."""

    name = models.CharField(max_length=NAME_LENGTH)
    area = models.CharField(max_length=NAME_LENGTH)
    source = models.TextField()
    # Null for the figures shipped with Coproduce (loaded by a migration).
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    loaded_at = models.DateTimeField(default=timezone.now)
    is_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["-is_default", "-loaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="reference_population_one_default"
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="reference_population_has_name"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.area})"


class ReferenceFigure(models.Model):
    """How many people of the reference population are in one category of one dimension."""

    population = models.ForeignKey(ReferencePopulation, on_delete=models.CASCADE, related_name="figures")
    dimension = models.CharField(max_length=DIMENSION_LENGTH)
    category = models.CharField(max_length=CATEGORY_LENGTH)
    count = models.PositiveBigIntegerField()
    universe = models.CharField(max_length=NAME_LENGTH, blank=True)

    class Meta:
        ordering = ["population", "dimension", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["population", "dimension", "category"], name="reference_figure_one_per_category"
            ),
            models.CheckConstraint(
                condition=~models.Q(dimension="") & ~models.Q(category=""), name="reference_figure_named"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.category} = {self.count}"


class OutreachAction(models.Model):
    """What will be done to reach a group that is missing or fewer than expected among those involved."""

    dimension = models.CharField(max_length=DIMENSION_LENGTH, choices=dimension_choices())
    category = models.CharField(max_length=DIMENSION_LENGTH)
    # Null: for the whole organisation, not one project.
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="outreach_actions"
    )
    action = models.TextField()
    due_on = models.DateField()
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-id"]
        indexes = [models.Index(fields=["dimension", "category", "recorded_at"], name="outreach_action_gap_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(dimension__in=[key for key, _ in dimension_choices()]),
                name="outreach_action_dimension_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(category="") & ~models.Q(action=""), name="outreach_action_has_content"
            ),
        ]

    def __str__(self) -> str:
        return f"Outreach action {self.pk} for {self.dimension}: {self.category}"

    @property
    def category_label(self) -> str:
        for dimension in dimensions(adults_only=False):
            if dimension.key == self.dimension:
                category = dimension.category(self.category)
                return category.label if category is not None else self.category
        return self.category


class IndicatorValue(models.Model):
    """One indicator's figures for one period, for the organisation (no project) or one project.

    Stored so that the dashboard reads figures instead of counting a million rows per request; the
    page shows ``computed_at`` as "Figures as of". Raw counts: disclosure control is applied on display.
    """

    key = models.CharField(max_length=40)
    period_start = models.DateField()
    period_end = models.DateField()
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.CASCADE, related_name="indicator_values"
    )
    numerator = models.PositiveIntegerField()
    denominator = models.PositiveIntegerField()
    computed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["key", "period_start", "id"]
        indexes = [models.Index(fields=["period_end", "project"], name="indicator_value_period_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["key", "period_start", "period_end", "project"],
                name="indicator_value_one_per_project",
            ),
            models.UniqueConstraint(
                fields=["key", "period_start", "period_end"],
                condition=models.Q(project__isnull=True),
                name="indicator_value_one_for_organisation",
            ),
            models.CheckConstraint(
                condition=models.Q(numerator__lte=models.F("denominator")), name="indicator_value_share_at_most_one"
            ),
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="indicator_value_period_ordered"
            ),
            models.CheckConstraint(condition=~models.Q(key=""), name="indicator_value_has_key"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.period_start}–{self.period_end}: {self.numerator}/{self.denominator}"


class IndicatorRefresh(models.Model):
    """A request to work the indicators out again: open (``finished_at`` empty) until the worker has run."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    include_projects = models.BooleanField(default=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(finished_at__isnull=True) | models.Q(finished_at__gte=models.F("requested_at")),
                name="indicator_refresh_finished_after_request",
            )
        ]

    def __str__(self) -> str:
        return f"Indicator refresh {self.pk} requested {self.requested_at:%Y-%m-%d %H:%M}"
