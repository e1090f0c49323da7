"""Calendar arithmetic the standard library leaves out: whole months forwards and backwards."""

import calendar
from datetime import date, datetime
from typing import TypeVar

When = TypeVar("When", date, datetime)


def add_months(moment: When, months: int) -> When:
    """The same day (and time) ``months`` calendar months later, or earlier when negative.

    When that month is shorter, the month's last day: 31 January + 1 month is 28 (or 29) February,
    31 March - 1 month likewise.
    """
    year, month_index = divmod(moment.year * 12 + moment.month - 1 + months, 12)
    day = min(moment.day, calendar.monthrange(year, month_index + 1)[1])
    return moment.replace(year=year, month=month_index + 1, day=day)


def months_before(moment: When, months: int) -> When:
    """The same day (and time) ``months`` calendar months earlier (see :func:`add_months`)."""
    return add_months(moment, -months)
