"""Whole calendar months forwards and backwards, for dates and for times."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coproduce.dates import add_months, months_before


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2028, 1, 31), 1, date(2028, 2, 29)),
        (date(2026, 11, 15), 12, date(2027, 11, 15)),
        (date(2026, 3, 15), -3, date(2025, 12, 15)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(day: date, months: int, expected: date):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("moment", "months", "expected"),
    [
        (datetime(2027, 6, 15, 12, 0, tzinfo=UTC), 24, datetime(2025, 6, 15, 12, 0, tzinfo=UTC)),
        (datetime(2027, 3, 31, 8, 0, tzinfo=UTC), 1, datetime(2027, 2, 28, 8, 0, tzinfo=UTC)),
        (datetime(2024, 3, 31, 8, 0, tzinfo=UTC), 1, datetime(2024, 2, 29, 8, 0, tzinfo=UTC)),
        (datetime(2027, 1, 10, 8, 0, tzinfo=UTC), 13, datetime(2025, 12, 10, 8, 0, tzinfo=UTC)),
    ],
)
def test_months_before_goes_back_calendar_months_keeping_the_time(moment: datetime, months: int, expected: datetime):
    assert months_before(moment, months) == expected


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), months=st.integers(-240, 240))
def test_whole_months_land_in_the_right_month_on_the_same_day_or_the_months_last(day: date, months: int):
    moved = add_months(day, months)

    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    is_months_last_day = (moved + timedelta(days=1)).month != moved.month
    assert moved.day == day.day or (moved.day < day.day and is_months_last_day)
