"""Writes for representation: loading reference figures and recording outreach actions."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.census import FiguresRefused, census_figures, load_census, parse_figures
from coproduce.analytics.dimensions import dimensions
from coproduce.analytics.indicators.definitions import INDICATORS
from coproduce.analytics.indicators.quarters import Quarter, last_quarters
from coproduce.analytics.models import (
    IndicatorRefresh,
    IndicatorValue,
    OutreachAction,
    ReferenceFigure,
    ReferencePopulation,
)
from coproduce.audit.services import record_event
from coproduce.projects.models import Lifecycle, Project
from coproduce.refusals import Refused

__all__ = [
    "FiguresRefused",
    "census_figures",
    "compute_indicators",
    "ensure_reference_data",
    "load_reference_figures",
    "record_outreach",
    "refresh_indicators",
    "request_refresh",
]


class OutreachRefused(Refused):
    """An outreach action cannot be recorded: the group is unknown, or nothing is said about what will be done."""


def ensure_reference_data() -> ReferencePopulation:
    """The default reference population, loading Census 2021 if there is none (as after a flush)."""
    with transaction.atomic():
        population: ReferencePopulation = load_census(ReferencePopulation, ReferenceFigure)
        return population


@transaction.atomic
def load_reference_figures(
    *, name: str, area: str, source: str, text: str, make_default: bool, by: User
) -> ReferencePopulation:
    """Load a CSV of figures: every row is checked first, and nothing is saved unless all are good."""
    figures = parse_figures(text)
    if make_default:
        ReferencePopulation.objects.filter(is_default=True).update(is_default=False)
    population = ReferencePopulation.objects.create(
        name=name, area=area, source=source, loaded_by=by, is_default=make_default
    )
    ReferenceFigure.objects.bulk_create(
        ReferenceFigure(
            population=population,
            dimension=figure.dimension,
            category=figure.category,
            count=figure.count,
            universe=figure.universe,
        )
        for figure in figures
    )
    record_event(
        actor=by,
        action="analytics.reference_figures_loaded",
        target=population,
        payload={"figures": len(figures), "is_default": make_default},
    )
    return population


@transaction.atomic
def record_outreach(
    *, dimension: str, category: str, action: str, due_on: date, by: User, project: Project | None = None
) -> OutreachAction:
    """Record what will be done to reach a group that is missing or fewer than expected."""
    known = {item.key: item for item in dimensions(adults_only=False)}
    if dimension not in known or known[dimension].category(category) is None:
        raise OutreachRefused("There is no such group.")
    if not action.strip():
        raise OutreachRefused("Say what will be done.")
    outreach = OutreachAction.objects.create(
        dimension=dimension, category=category, action=action.strip(), due_on=due_on, recorded_by=by, project=project
    )
    record_event(
        actor=by,
        action="analytics.outreach_action_recorded",
        target=outreach,
        payload={"dimension": dimension, "category": category, "due_on": due_on.isoformat()},
    )
    return outreach


def compute_indicators(quarter: Quarter, project: Project | None = None) -> list[IndicatorValue]:
    """Work out every indicator for one quarter (and project) and store the figures, replacing any
    stored before. Each indicator is counted in the database."""
    now = timezone.now()
    stored = []
    for item in INDICATORS:
        numerator, denominator = item.compute(quarter, project)
        with transaction.atomic():
            value, _ = IndicatorValue.objects.update_or_create(
                key=item.key,
                period_start=quarter.start,
                period_end=quarter.end,
                project=project,
                defaults={"numerator": numerator, "denominator": denominator, "computed_at": now},
            )
        stored.append(value)
    return stored


def refresh_indicators(*, projects: bool = False, quarters: int | None = None) -> int:
    """Work out every indicator for the last quarters (default 4), for the organisation and, with
    ``projects``, for each project that is not closed. Finishes any refresh that was asked for.
    Returns how many figures were stored."""
    started = timezone.now()
    stored = 0
    scopes: list[Project | None] = [None]
    if projects:
        scopes += list(Project.objects.exclude(stage=Lifecycle.CLOSED).order_by("pk"))
    for quarter in last_quarters(quarters):
        for scope in scopes:
            stored += len(compute_indicators(quarter, scope))
    IndicatorRefresh.objects.filter(finished_at__isnull=True, requested_at__lte=started).update(
        finished_at=timezone.now()
    )
    return stored


@transaction.atomic
def request_refresh(*, by: User) -> IndicatorRefresh:
    """Ask the worker to work the indicators out again; the dashboard says so until it has."""
    from coproduce.analytics.tasks import refresh_indicators_task

    refresh = IndicatorRefresh.objects.create(requested_by=by)
    record_event(actor=by, action="analytics.indicators_refresh_requested", target=refresh, payload={})
    transaction.on_commit(lambda: refresh_indicators_task.enqueue(projects=True))
    return refresh
