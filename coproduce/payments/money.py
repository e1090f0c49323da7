"""Payment arithmetic: pence-exact, in pounds sterling, with Decimal only (never float)."""

from collections.abc import Iterable
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PENNY = Decimal("0.01")
ZERO = Decimal("0.00")
MINUTES_IN_HOUR = Decimal(60)


def to_pence(amount: Decimal) -> Decimal:
    """Round to a whole penny, halves away from zero (ROUND_HALF_UP), as finance teams do."""
    if not isinstance(amount, Decimal):
        raise TypeError(f"Money must be a Decimal, not {type(amount).__name__}.")
    return amount.quantize(PENNY, rounding=ROUND_HALF_UP)


def hourly_fee(rate: Decimal, minutes: int) -> Decimal:
    """The fee for ``minutes`` of time at ``rate`` pounds an hour, rounded once, at the end."""
    return to_pence(rate * Decimal(minutes) / MINUTES_IN_HOUR)


def fee(*, basis: str, rate: Decimal, minutes: int, preparation: Decimal = ZERO) -> Decimal:
    """The fee for one involvement: hours times the hourly rate (``basis`` "hourly") or the fixed amount, plus
    any preparation allowance."""
    if basis == "fixed":
        return to_pence(rate + preparation)
    if basis == "hourly":
        return to_pence(rate * Decimal(minutes) / MINUTES_IN_HOUR + preparation)
    raise ValueError(f"Unknown rate basis {basis!r}.")


def total(amounts: Iterable[Decimal]) -> Decimal:
    """The sum of some amounts, in pence."""
    return to_pence(sum(amounts, ZERO))


def tax_year_of(day: date) -> int:
    """The UK tax year a day falls in, named by the year it starts: 6 April 2026 to 5 April 2027 is 2026."""
    return day.year if (day.month, day.day) >= (4, 6) else day.year - 1


def tax_year_bounds(year: int) -> tuple[date, date]:
    """The first and last days of the tax year that starts on 6 April ``year``."""
    return date(year, 4, 6), date(year + 1, 4, 5)


def pounds(amount: Decimal) -> str:
    """An amount as people read it: £1,234.50."""
    return f"£{to_pence(amount):,.2f}"
