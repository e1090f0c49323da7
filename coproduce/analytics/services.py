"""Writes for representation: loading reference figures and recording outreach actions."""

from datetime import date

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.analytics.census import FiguresRefused, census_figures, load_census, parse_figures
from coproduce.analytics.dimensions import dimensions
from coproduce.analytics.models import OutreachAction, ReferenceFigure, ReferencePopulation
from coproduce.audit.services import record_event
from coproduce.projects.models import Project

__all__ = ["FiguresRefused", "census_figures", "ensure_reference_data", "load_reference_figures", "record_outreach"]


class OutreachRefused(Exception):
    pass


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
