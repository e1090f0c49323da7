"""Calendar quarters, the periods every indicator is counted over and stored for.

A ``Quarter`` runs from the first day of its first month to the last day of its third, both included.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from coproduce.analytics import conf


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: ``start`` and ``end`` are its first and last days."""

    start: date
    end: date

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = date(day.year, first_month, 1)
        next_start = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
        return cls(start, next_start - timedelta(days=1))

    @classmethod
    def from_key(cls, key: str) -> "Quarter | None":
        """``2026-Q2`` -> April to June 2026; None if the key is not a quarter."""
        try:
            year, number = key.split("-Q")
            quarter = int(number)
            if not 1 <= quarter <= 4:
                return None
            return cls.containing(date(int(year), 3 * quarter - 2, 1))
        except ValueError:
            return None

    @property
    def key(self) -> str:
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    @property
    def label(self) -> str:
        return f"{self.start:%B} to {self.end:%B %Y}"

    @property
    def short_label(self) -> str:
        return f"{self.start:%b}–{self.end:%b %Y}"

    def previous(self) -> "Quarter":
        return Quarter.containing(self.start - timedelta(days=1))

    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    def until(self) -> datetime:
        """The moment the quarter ends (the start of the next day)."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


def current_quarter(today: date | None = None) -> Quarter:
    return Quarter.containing(today or timezone.localdate())


def last_quarters(count: int | None = None, *, ending: Quarter | None = None) -> list[Quarter]:
    """The ``count`` quarters up to and including ``ending`` (default: this quarter), oldest first."""
    quarter = ending or current_quarter()
    quarters = [quarter]
    for _ in range((count or conf.indicator_quarters()) - 1):
        quarters.append(quarters[-1].previous())
    return list(reversed(quarters))
