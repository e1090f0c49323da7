"""Loading reference figures and recording outreach actions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.census import FiguresRefused, parse_figures
from coproduce.analytics.models import OutreachAction, ReferencePopulation
from coproduce.analytics.services import OutreachRefused, load_reference_figures, record_outreach


def test_parse_figures_reads_the_shipped_columns_and_thousands_separators() -> None:
    figures = parse_figures('dimension,category,count,universe\nsex,Female,"1,200",all\n')
    assert [(figure.dimension, figure.category, figure.count) for figure in figures] == [("sex", "Female", 1200)]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("dimension,category,count,universe\n", "The file has no figures in it"),
        ("dimension,category,count,universe\nsex,Female,-3,all\n", "Row 2: the count must be a whole number"),
        ("dimension,category,count,universe\nsex,Female,2.5,all\n", "Row 2: the count must be a whole number"),
        ("dimension,category\nsex,Female\n", "Missing: count, universe"),
    ],
)
def test_parse_figures_refuses_bad_files(text: str, problem: str) -> None:
    with pytest.raises(FiguresRefused) as refused:
        parse_figures(text)
    assert problem in str(refused.value)


@pytest.mark.django_db
def test_a_refused_load_saves_nothing(sam: User) -> None:
    before = ReferencePopulation.objects.count()
    with pytest.raises(FiguresRefused):
        load_reference_figures(
            name="Local",
            area="Riverside",
            source="Council",
            text="dimension,category,count,universe\nsex,,1,\n",
            make_default=True,
            by=sam,
        )
    assert ReferencePopulation.objects.count() == before
    assert ReferencePopulation.objects.get(is_default=True).name == "Census 2021"


@pytest.mark.django_db
def test_an_outreach_action_needs_a_known_group(sam: User) -> None:
    with pytest.raises(OutreachRefused):
        record_outreach(dimension="sex", category="nonsense", action="Something", due_on=timezone.localdate(), by=sam)
    with pytest.raises(OutreachRefused):
        record_outreach(
            dimension="sex", category="female", action="   ", due_on=timezone.localdate() + timedelta(days=1), by=sam
        )
    assert not OutreachAction.objects.exists()
