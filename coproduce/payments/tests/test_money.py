"""Payment arithmetic, by examples and by properties (hypothesis): pence-exact, never float."""

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.payments.money import fee, hourly_fee, pounds, tax_year_bounds, tax_year_of, to_pence, total

PENNY = Decimal("0.01")
rates = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000.00"), places=2)
amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1000.00"), places=2)
minutes = st.integers(min_value=1, max_value=24 * 60)


def test_hourly_fee_rounds_half_a_penny_up():
    # £13.81 an hour for 30 minutes is £6.905: half a penny rounds up.
    assert hourly_fee(Decimal("13.81"), 30) == Decimal("6.91")
    # £10 an hour for 2 minutes is £0.3333...: rounds down.
    assert hourly_fee(Decimal("10.00"), 2) == Decimal("0.33")


def test_fee_for_two_hours_at_25_pounds_is_50_pounds():
    assert fee(basis="hourly", rate=Decimal("25.00"), minutes=120) == Decimal("50.00")


def test_fixed_fee_ignores_time_and_adds_preparation():
    assert fee(basis="fixed", rate=Decimal("75.00"), minutes=17, preparation=Decimal("25.00")) == Decimal("100.00")


def test_money_refuses_floats():
    with pytest.raises(TypeError):
        to_pence(6.4)  # type: ignore[arg-type]


def test_unknown_basis_is_refused():
    with pytest.raises(ValueError, match="Unknown rate basis"):
        fee(basis="daily", rate=Decimal("1.00"), minutes=60)


@given(rate=rates, minutes=minutes)
def test_hourly_fee_is_exact_to_the_penny(rate, minutes):
    result = fee(basis="hourly", rate=rate, minutes=minutes)

    exact = rate * minutes / Decimal(60)
    assert isinstance(result, Decimal)
    assert result == result.quantize(PENNY)
    assert abs(result - exact) <= Decimal("0.005")
    assert result == exact.quantize(PENNY, rounding=ROUND_HALF_UP)


@given(rate=rates, minutes=minutes, preparation=st.decimals(min_value=0, max_value=500, places=2))
def test_hourly_fee_grows_with_time_and_includes_preparation(rate, minutes, preparation):
    shorter = fee(basis="hourly", rate=rate, minutes=minutes, preparation=preparation)
    longer = fee(basis="hourly", rate=rate, minutes=minutes + 1, preparation=preparation)

    assert longer >= shorter
    assert shorter >= preparation


@given(rate=rates, minutes=minutes, preparation=st.decimals(min_value=0, max_value=500, places=2))
def test_fixed_fee_is_the_amount_plus_preparation_whatever_the_time(rate, minutes, preparation):
    assert fee(basis="fixed", rate=rate, minutes=minutes, preparation=preparation) == rate + preparation


@given(hours=st.integers(min_value=1, max_value=24), rate=rates)
def test_whole_hours_need_no_rounding(hours, rate):
    assert fee(basis="hourly", rate=rate, minutes=hours * 60) == rate * hours


@given(items=st.lists(amounts, max_size=30))
def test_expense_total_is_the_exact_sum(items):
    result = total(items)

    assert result == sum(items, Decimal("0.00"))
    assert result == result.quantize(PENNY)
    assert total(reversed(items)) == result


@given(day=st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_day_falls_in_exactly_one_tax_year(day):
    year = tax_year_of(day)
    starts, ends = tax_year_bounds(year)

    assert starts <= day <= ends
    assert tax_year_bounds(year + 1)[0] == ends + timedelta(days=1)


def test_tax_year_turns_on_6_april():
    assert tax_year_of(date(2027, 4, 5)) == 2026
    assert tax_year_of(date(2027, 4, 6)) == 2027


def test_pounds_are_written_with_commas_and_pence():
    assert pounds(Decimal("1234.5")) == "£1,234.50"


@settings(max_examples=25)
@given(amount=st.decimals(min_value=Decimal("-1000"), max_value=Decimal("1000"), places=3))
def test_rounding_is_half_up_away_from_zero(amount):
    assert to_pence(amount) == amount.quantize(PENNY, rounding=ROUND_HALF_UP)
