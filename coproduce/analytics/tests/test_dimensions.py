"""Every answer of every compared question is set against a Census category that exists."""

import csv

import pytest

from coproduce.analytics.census import CENSUS_FILE
from coproduce.analytics.dimensions import dimensions
from coproduce.equality.choices import DERIVED_QUESTIONS, PREFER_NOT_TO_SAY, QUESTION_BY_FIELD


def census_categories() -> dict[str, set[str]]:
    categories: dict[str, set[str]] = {}
    with CENSUS_FILE.open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            categories.setdefault(row["dimension"], set()).add(row["category"])
    return categories


@pytest.mark.parametrize("dimension", dimensions(adults_only=False), ids=lambda dimension: dimension.key)
def test_every_answer_maps_to_census_categories_of_its_dimension(dimension) -> None:
    census = census_categories()[dimension.census]
    choices = (
        QUESTION_BY_FIELD[dimension.key].choices
        if dimension.key in QUESTION_BY_FIELD
        else DERIVED_QUESTIONS[dimension.key]
    )
    answers = {choice.value for choice in choices if choice.value != PREFER_NOT_TO_SAY}
    assert {category.key for category in dimension.categories} == answers
    for category in dimension.categories:
        assert category.reference
        assert set(category.reference) <= census, category.key


def test_each_census_category_is_used_at_most_once_and_not_answered_is_never_used() -> None:
    for dimension in dimensions(adults_only=False):
        used = [name for category in dimension.categories for name in category.reference]
        assert len(used) == len(set(used))
        assert "Not answered" not in used


def test_adults_only_leaves_out_the_under_16_age_bands() -> None:
    ages = {dimension.key: dimension for dimension in dimensions(adults_only=True)}["age_band"]
    assert next(category.label for category in ages.categories) == "Aged 16 to 19 years"
    assert len(ages.categories) == 8
