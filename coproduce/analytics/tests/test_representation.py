import csv
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.analytics.representation import Verdict, compare

CENSUS = Path(__file__).resolve().parents[1] / "data" / "census2021_england_wales.csv"


def test_a_clear_shortfall_is_reported_as_fewer_than_expected():
    # 5 disabled people out of 100 involved, against 17.53% in England and Wales.
    result = compare(5, 100, 0.1753)

    assert result.verdict == Verdict.FEWER
    assert result.p_value < 0.001
    assert result.ratio == pytest.approx(0.05 / 0.1753)
    assert result.low < 0.05 < result.high


def test_a_small_difference_in_a_small_group_is_not_called_a_shortfall():
    # 12 of 80 (15%) against 17.53%: well within chance.
    assert compare(12, 80, 0.1753).verdict == Verdict.AS_EXPECTED


def test_no_verdict_when_the_counts_could_not_be_published():
    # 2 of 60 is a real shortfall against 30%, but a count of 2 cannot be published; a count of 0 can.
    assert compare(2, 60, 0.3).verdict == Verdict.NOT_ENOUGH
    assert compare(0, 40, 0.3).verdict == Verdict.FEWER


def test_nobody_answered():
    assert compare(0, 0, 0.5).verdict == Verdict.NOT_ENOUGH


def test_more_than_expected():
    assert compare(60, 100, 0.1753).verdict == Verdict.MORE
    assert Verdict.MORE.label == "More than expected"


@pytest.mark.parametrize(("observed", "answered", "share"), [(-1, 10, 0.5), (11, 10, 0.5), (1, 10, 0), (1, 10, 1)])
def test_impossible_figures_are_refused(observed, answered, share):
    with pytest.raises(ValueError, match=r"must be between|cannot be larger"):
        compare(observed, answered, share)


@settings(max_examples=200, deadline=None)
@given(
    answered=st.integers(min_value=1, max_value=2000),
    fraction=st.floats(min_value=0, max_value=1),
    reference=st.floats(min_value=0.01, max_value=0.99),
)
def test_the_interval_holds_the_observed_share_and_the_verdict_agrees_with_it(answered, fraction, reference):
    observed = round(answered * fraction)
    result = compare(observed, answered, reference)

    assert result.low <= result.share <= result.high
    if result.verdict == Verdict.FEWER:
        assert result.high < reference + 1e-9
    if result.verdict == Verdict.MORE:
        assert result.low > reference - 1e-9


def test_census_reference_figures_add_up_within_each_dimension():
    with CENSUS.open(newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    by_dimension: dict[str, float] = {}
    for row in rows:
        assert row["source"], "every figure names its source"
        by_dimension[row["dimension"]] = by_dimension.get(row["dimension"], 0) + float(row["percent"])

    assert {"sex", "disability_summary", "ethnic_group_high_level", "religion"} <= set(by_dimension)
    for dimension, total in by_dimension.items():
        assert total == pytest.approx(100, abs=0.02), dimension
