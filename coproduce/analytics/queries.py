"""Reads for the representation view: who was involved, their answers as they were then, and the gaps.

Everything is counted in the database: one aggregate query counts every category of every dimension.
The counts here are raw; ``representation()`` passes them through disclosure control before they
reach a page.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.cache import cache
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.utils import timezone

from coproduce.analytics import conf
from coproduce.analytics.dimensions import Dimension, dimensions
from coproduce.analytics.disclosure import (
    NOTE,
    SMALLEST_BREAKDOWN_TOTAL,
    SUPPRESSED,
    Cell,
    Mode,
    default_mode,
    protect_breakdown,
    protect_count,
)
from coproduce.analytics.models import OutreachAction, ReferenceFigure, ReferencePopulation
from coproduce.analytics.representation import Verdict, compare
from coproduce.equality.models import EqualityResponse
from coproduce.involvement.models import Attendance
from coproduce.people.models import Person, Purpose
from coproduce.projects.models import Project


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime


def default_period(now: datetime | None = None) -> Period:
    """The last 12 months (configurable), up to now."""
    end = now or timezone.now()
    return Period(end - timedelta(days=conf.representation_period_days()), end)


def default_population() -> ReferencePopulation | None:
    return ReferencePopulation.objects.filter(is_default=True).first()


def populations() -> list[ReferencePopulation]:
    return list(ReferencePopulation.objects.select_related("loaded_by__person"))


def _attendances(period: Period, project: Project | None) -> QuerySet[Attendance]:
    attendances = Attendance.objects.filter(activity__starts_at__gte=period.start, activity__starts_at__lte=period.end)
    return attendances.filter(activity__project=project) if project is not None else attendances


def involved_people(period: Period, project: Project | None = None) -> QuerySet[Person]:
    """Distinct people who took part in an activity in the period (and the project, if given)."""
    return Person.objects.filter(pk__in=_attendances(period, project).values("person_id"))


def answers_when_involved(period: Period, project: Project | None = None) -> QuerySet[EqualityResponse]:
    """One response per person involved: the latest answered on or before the start of their last
    activity in the period, given under a consent still active now, from a record not anonymised."""
    last_start = (
        _attendances(period, project)
        .filter(person=OuterRef("pk"))
        .order_by("-activity__starts_at")
        .values("activity__starts_at")[:1]
    )
    response = (
        EqualityResponse.objects.filter(
            person=OuterRef("pk"),
            answered_at__lte=OuterRef("last_start"),
            consent__withdrawn_at__isnull=True,
            consent__notice__purpose=Purpose.EQUALITY_MONITORING,
        )
        .order_by("-answered_at", "-id")
        .values("pk")[:1]
    )
    people = (
        involved_people(period, project)
        .filter(anonymised_at__isnull=True)
        .annotate(last_start=Subquery(last_start))
        .annotate(response_id=Subquery(response))
        .filter(response_id__isnull=False)
    )
    return EqualityResponse.objects.filter(pk__in=people.values("response_id"))


def category_counts(period: Period, project: Project | None = None) -> dict[str, dict[str, int]]:
    """Raw counts: dimension key -> category key -> people, in one aggregate query. No disclosure control."""
    all_dimensions = dimensions(adults_only=conf.representation_adults_only())
    aggregates = {
        f"{dimension.key}__{category.key}": Count("pk", filter=category.condition)
        for dimension in all_dimensions
        for category in dimension.categories
    }
    row = answers_when_involved(period, project).order_by().aggregate(answered_any=Count("pk"), **aggregates)
    return {
        dimension.key: {category.key: row[f"{dimension.key}__{category.key}"] for category in dimension.categories}
        for dimension in all_dimensions
    } | {"": {"": row["answered_any"]}}


def reference_counts(population: ReferencePopulation) -> dict[tuple[str, str], int]:
    return {
        (dimension, category): count
        for dimension, category, count in ReferenceFigure.objects.filter(population=population).values_list(
            "dimension", "category", "count"
        )
    }


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: Cell
    share: str
    reference_share: str
    ratio: str
    interval: str
    verdict: str
    is_gap: bool
    has_action: bool


@dataclass(frozen=True)
class DimensionView:
    dimension: Dimension
    rows: tuple[Row, ...]
    answered: Cell
    total_only: bool
    has_suppressed: bool
    missing_reference: bool


@dataclass(frozen=True)
class Gap:
    dimension: str
    dimension_name: str
    category: str
    label: str
    reason: str


@dataclass(frozen=True)
class Representation:
    period: Period
    population: ReferencePopulation | None
    people: Cell
    answered: Cell
    dimensions: tuple[DimensionView, ...]
    gaps: tuple[Gap, ...]
    note: str
    # When the counts were worked out, if they came from the cache (the data lead's page).
    as_of: datetime | None = None
    # Why no group could be compared with the population at all, in words; "" when some could.
    not_compared: str = ""

    @property
    def has_suppressed(self) -> bool:
        return (
            self.people.suppressed or self.answered.suppressed or any(view.has_suppressed for view in self.dimensions)
        )


NOBODY_ANSWERED = "Nobody has given equality answers yet, so we cannot compare who takes part with the population."
TOO_FEW_ANSWERED = "Too few people have answered to compare safely."
NO_REFERENCE = (
    "There are no reference figures to compare with, so we cannot compare who takes part with the population."
)


def not_compared(answered: int, answered_by_dimension: list[int], has_reference: bool) -> str:
    """Why no group can be compared with the population, or "" when some can.

    "No group is fewer than expected" would be untrue when nobody (or too few) answered: it would
    read as good news that the data cannot support.
    """
    if answered == 0:
        return NOBODY_ANSWERED
    if all(count < SMALLEST_BREAKDOWN_TOTAL for count in answered_by_dimension):
        return TOO_FEW_ANSWERED
    return "" if has_reference else NO_REFERENCE


def _percent(value: float) -> str:
    return f"{100 * value:.1f}%"


def _actions_for(period: Period, project: Project | None) -> set[tuple[str, str]]:
    actions = OutreachAction.objects.filter(recorded_at__gte=period.start)
    actions = actions.filter(project=project) if project is not None else actions.filter(project__isnull=True)
    return set(actions.values_list("dimension", "category"))


def _counts(period: Period, project: Project | None) -> tuple[dict[str, dict[str, int]], int]:
    return category_counts(period, project), involved_people(period, project).count()


def cached_counts(period: Period, project: Project | None) -> tuple[dict[str, dict[str, int]], int, datetime]:
    """The raw counts for a period and project, worked out at most once every
    COPRODUCE_REPRESENTATION_CACHE_SECONDS (they read every involvement record), with when they were."""
    # By day: the default period ends "now", which would otherwise make every request a new key.
    scope = project.pk if project else "all"
    days = f"{period.start.date().isoformat()}:{period.end.date().isoformat()}"
    key = f"representation:{days}:{scope}:{conf.representation_adults_only()}"
    found = cache.get(key)
    if found is None:
        counts, people = _counts(period, project)
        found = (counts, people, timezone.now())
        cache.set(key, found, conf.representation_cache_seconds())
    return found


def representation(
    period: Period,
    project: Project | None = None,
    population: ReferencePopulation | None = None,
    mode: Mode | None = None,
    *,
    cached: bool = False,
) -> Representation:
    """The representation view's figures, all through disclosure control, in a fixed number of queries.

    ``cached``: take the counts from the cache (the data lead's page, which says when they were worked
    out). Decisions, such as whether a review may close, always count afresh.
    """
    mode = mode or default_mode()
    population = population or default_population()
    reference = reference_counts(population) if population is not None else {}
    as_of = None
    if cached:
        counts, people, as_of = cached_counts(period, project)
    else:
        counts, people = _counts(period, project)
    actions = _actions_for(period, project)
    smallest_share = conf.gap_smallest_reference_share()
    views = []
    gaps = []
    answered_by_dimension = []
    for dimension in dimensions(adults_only=conf.representation_adults_only()):
        observed = [counts[dimension.key][category.key] for category in dimension.categories]
        answered = sum(observed)
        answered_by_dimension.append(answered)
        table = protect_breakdown(observed, mode)
        reference_sizes = [
            sum(reference.get((dimension.census, name), 0) for name in category.reference)
            for category in dimension.categories
        ]
        reference_total = sum(reference_sizes)
        missing_reference = reference_total == 0
        rows = []
        for category, count, size, cell in zip(
            dimension.categories, observed, reference_sizes, table.cells[0], strict=True
        ):
            share = size / reference_total if reference_total else 0.0
            comparable = 0 < share < 1 and answered > 0
            comparison = compare(count, answered, share, mode=mode) if comparable else None
            hidden = cell.suppressed or table.total_only or comparison is None
            fewer = comparison is not None and comparison.verdict == Verdict.FEWER
            nobody = count == 0 and answered >= SMALLEST_BREAKDOWN_TOTAL and share >= smallest_share
            is_gap = fewer or nobody
            has_action = (dimension.key, category.key) in actions
            if is_gap:
                gaps.append(
                    Gap(
                        dimension.key,
                        dimension.name,
                        category.key,
                        category.label,
                        "Nobody involved" if nobody else "Fewer than expected",
                    )
                )
            rows.append(
                Row(
                    key=category.key,
                    label=category.label,
                    count=cell,
                    share=SUPPRESSED if hidden else _percent(count / answered),
                    reference_share=_percent(share) if reference_total else "No figure",
                    ratio=SUPPRESSED if hidden or comparison is None else f"{comparison.ratio:.2f}",
                    interval=(
                        SUPPRESSED
                        if hidden or comparison is None
                        else f"{_percent(comparison.low)} to {_percent(comparison.high)}"
                    ),
                    verdict=SUPPRESSED if hidden or comparison is None else comparison.verdict.label,
                    is_gap=is_gap,
                    has_action=has_action,
                )
            )
        views.append(
            DimensionView(
                dimension=dimension,
                rows=tuple(rows),
                answered=table.total,
                total_only=table.total_only,
                has_suppressed=table.has_suppressed,
                missing_reference=missing_reference,
            )
        )
    return Representation(
        period=period,
        population=population,
        people=protect_count(people, mode),
        answered=protect_count(counts[""][""], mode),
        dimensions=tuple(views),
        gaps=tuple(gaps),
        note=NOTE,
        as_of=as_of,
        not_compared=not_compared(
            counts[""][""],
            answered_by_dimension,
            has_reference=any(not view.missing_reference for view in views),
        ),
    )


def gaps_without_action(period: Period, project: Project | None = None) -> list[Gap]:
    """Gaps in the period with no outreach action recorded for them since the period began.

    A review may not close while this returns anything.
    """
    result = representation(period, project)
    actions = _actions_for(period, project)
    return [gap for gap in result.gaps if (gap.dimension, gap.category) not in actions]


def outreach_actions(period: Period, project: Project | None = None) -> list[OutreachAction]:
    actions = OutreachAction.objects.filter(recorded_at__gte=period.start).select_related("recorded_by__person")
    actions = actions.filter(project=project) if project is not None else actions.filter(project__isnull=True)
    return list(actions)
