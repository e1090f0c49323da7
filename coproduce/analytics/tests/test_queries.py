"""Representation: who was involved, their answers as they were then, disclosure control and gaps."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.analytics.census import census_figures
from coproduce.analytics.models import ReferenceFigure, ReferencePopulation
from coproduce.analytics.queries import (
    Representation,
    Row,
    category_counts,
    default_period,
    gaps_without_action,
    representation,
)
from coproduce.analytics.services import ensure_reference_data, record_outreach
from coproduce.analytics.tests.factories import answer, attend, involve_people, past_activity
from coproduce.involvement.models import Activity
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Project

pytestmark = pytest.mark.django_db


def rows(result: Representation, dimension: str) -> dict[str, Row]:
    view = next(view for view in result.dimensions if view.dimension.key == dimension)
    return {row.key: row for row in view.rows}


def test_census_2021_is_loaded_by_the_migration_as_the_default() -> None:
    population = ReferencePopulation.objects.get(is_default=True)
    assert population.name == "Census 2021"
    assert population.area == "England and Wales"
    assert ReferenceFigure.objects.get(population=population, dimension="sex", category="Female").count == 30420202


def test_ensure_reference_data_reloads_after_a_flush_and_changes_nothing_when_present() -> None:
    ReferencePopulation.objects.all().delete()
    first = ensure_reference_data()
    assert first.figures.count() == len(census_figures()) == 92
    assert ensure_reference_data() == first
    assert ReferencePopulation.objects.count() == 1


def test_answers_are_counted_as_they_were_when_the_person_took_part(bus_stops: Project, amina: User) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    person = Person.objects.create(full_name="Rosa Lee", kind=PersonKind.MEMBER)
    answer(person, at=activity.starts_at - timedelta(days=10), sex="female")
    answer(person, at=activity.starts_at + timedelta(days=1), sex="male")  # after they took part
    attend(person, activity, amina)
    counts = category_counts(default_period())
    assert counts["sex"] == {"female": 1, "male": 0}


def test_withdrawn_consent_and_anonymised_records_drop_out(bus_stops: Project, amina: User) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    withdrawn, anonymised, _counted = involve_people(activity, 3, amina, sex="female")
    response = withdrawn.equality_responses.get()
    response.consent.withdrawn_at = timezone.now()
    response.consent.save()
    Person.objects.filter(pk=anonymised.pk).update(anonymised_at=timezone.now())
    counts = category_counts(default_period())
    assert counts["sex"]["female"] == 1
    assert counts[""][""] == 1


def test_only_activities_in_the_period_and_the_project_count(bus_stops: Project, amina: User) -> None:
    other = Project.objects.create(title="Accessible libraries", summary="Libraries for all.", created_by=amina)
    involve_people(past_activity(bus_stops, days_ago=30, created_by=amina), 2, amina, sex="female")
    involve_people(past_activity(other, days_ago=30, created_by=amina), 3, amina, sex="female")
    involve_people(past_activity(bus_stops, days_ago=400, created_by=amina), 4, amina, sex="female")
    assert category_counts(default_period())["sex"]["female"] == 5
    assert category_counts(default_period(), bus_stops)["sex"]["female"] == 2


def test_derived_answers_are_counted_in_the_database(bus_stops: Project, amina: User) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(
        activity, 2, amina, long_term_condition="yes", activities_reduced="a_lot", ethnic_group="asian_indian"
    )
    involve_people(activity, 1, amina, long_term_condition="no", ethnic_group="white_irish")
    involve_people(activity, 1, amina, long_term_condition="prefer_not_to_say")
    counts = category_counts(default_period())
    assert counts["disability"]["limited_a_lot"] == 2
    assert counts["disability"]["no_condition"] == 1
    assert sum(counts["disability"].values()) == 3  # "Prefer not to say" is not an answer here
    assert counts["ethnic_group_high_level"] == {"asian": 2, "black": 0, "mixed": 0, "white": 1, "other": 0}


def test_a_clearly_smaller_group_is_fewer_than_expected_and_is_a_gap(walkabout: Activity) -> None:
    result = representation(default_period())
    sex = rows(result, "sex")
    assert str(sex["female"].count) == "5"
    assert sex["female"].verdict == "Fewer than expected"
    assert sex["female"].reference_share == "51.0%"
    assert sex["female"].ratio == "0.24"
    assert sex["male"].verdict == "More than expected"
    assert str(result.people) == "40"
    assert [(gap.dimension, gap.category) for gap in result.gaps] == [("sex", "female")]


def test_small_counts_are_hidden_with_their_ratio_and_verdict(bus_stops: Project, amina: User, census) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 12, amina, sex="male")
    involve_people(activity, 2, amina, sex="female")
    result = representation(default_period())
    sex = rows(result, "sex")
    assert str(sex["female"].count) == "[c]"
    assert sex["female"].ratio == sex["female"].interval == sex["female"].verdict == sex["female"].share == "[c]"
    assert str(sex["male"].count) == "[c]"  # secondary suppression: the total would give it away
    assert result.has_suppressed
    assert "*" not in str([row for view in result.dimensions for row in view.rows])


def test_nobody_at_all_from_a_group_of_at_least_1_percent_is_a_gap(bus_stops: Project, amina: User, census) -> None:
    activity = past_activity(bus_stops, days_ago=30, created_by=amina)
    involve_people(activity, 12, amina, religion="christian")
    involve_people(activity, 8, amina, religion="no_religion")
    gaps = {gap.category for gap in representation(default_period()).gaps if gap.dimension == "religion"}
    # Muslim (6.5%) and Hindu (1.7%) are gaps; Jewish and Buddhist (0.5%) are below 1%.
    assert {"muslim", "hindu"} <= gaps
    assert not {"jewish", "buddhist", "christian", "no_religion"} & gaps


def test_gaps_without_action_until_an_action_is_recorded(walkabout: Activity, sam: User) -> None:
    period = default_period()
    assert [(gap.dimension, gap.category) for gap in gaps_without_action(period)] == [("sex", "female")]
    record_outreach(
        dimension="sex",
        category="female",
        action="Visit the women's disability forum.",
        due_on=timezone.localdate() + timedelta(days=30),
        by=sam,
    )
    assert gaps_without_action(period) == []


def test_an_action_for_the_organisation_does_not_close_a_project_gap(walkabout: Activity, sam: User) -> None:
    record_outreach(
        dimension="sex",
        category="female",
        action="Visit the women's forum.",
        due_on=timezone.localdate(),
        by=sam,
    )
    project = walkabout.project
    assert [gap.category for gap in gaps_without_action(default_period(), project)] == ["female"]


def test_nobody_with_answers_gives_no_gaps_and_no_verdicts(census) -> None:
    result = representation(default_period())
    assert result.gaps == ()
    assert str(result.people) == "0"
