"""Report periods: calendar quarters, named like "2026-Q3" in links and forms."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

_PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # included

    @property
    def key(self) -> str:
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    @property
    def label(self) -> str:
        return f"{self.start.day} {self.start:%B %Y} to {self.end.day} {self.end:%B %Y}"

    @property
    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def until(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


def quarter(year: int, number: int) -> Period:
    start = date(year, 3 * (number - 1) + 1, 1)
    next_start = date(year + 1, 1, 1) if number == 4 else date(year, 3 * number + 1, 1)
    return Period(start, next_start - timedelta(days=1))


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


def current_quarter(today: date | None = None) -> Period:
    return quarter_of(today or timezone.localdate())


def recent_quarters(count: int = 8, today: date | None = None) -> list[Period]:
    """The current quarter and the ones before it, newest first."""
    periods = [current_quarter(today)]
    while len(periods) < count:
        periods.append(quarter_of(periods[-1].start - timedelta(days=1)))
    return periods


def parse(key: str | None) -> Period | None:
    match = _PATTERN.match(key or "")
    if match is None:
        return None
    year = int(match.group(1))
    if not 2000 <= year <= 2100:
        return None
    return quarter(year, int(match.group(2)))
