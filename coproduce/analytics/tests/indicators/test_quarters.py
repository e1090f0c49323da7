"""Calendar quarters: from a day, from a key, their names, and the last few."""

from datetime import date

from coproduce.analytics.indicators.quarters import Quarter, last_quarters

Q = Quarter(date(2025, 4, 1), date(2025, 6, 30))


def test_quarters():
    assert Quarter.containing(date(2026, 11, 26)) == Quarter(date(2026, 10, 1), date(2026, 12, 31))
    assert Quarter.from_key("2025-Q2") == Q
    assert Quarter.from_key("2025-Q5") is None
    assert Quarter.from_key("nonsense") is None
    assert Q.key == "2025-Q2"
    assert Q.label == "April to June 2025"
    assert last_quarters(4, ending=Q) == [
        Quarter(date(2024, 7, 1), date(2024, 9, 30)),
        Quarter(date(2024, 10, 1), date(2024, 12, 31)),
        Quarter(date(2025, 1, 1), date(2025, 3, 31)),
        Q,
    ]
