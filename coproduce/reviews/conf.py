"""The settings the reviews app reads, with their defaults (the lead adds them to settings.py)."""

from django.conf import settings


def review_months() -> int:
    """Length of a project's regular review period, in months (3: quarterly)."""
    return int(settings.COPRODUCE_REVIEW_MONTHS)


def annual_review_month() -> int:
    """The month (1 to 12) the annual organisation review starts; it looks back over the 12 months before."""
    return int(settings.COPRODUCE_ANNUAL_REVIEW_MONTH)


def review_due_days() -> int:
    """Days after a stage ends, or the annual review starts, by which the review should be held."""
    return int(settings.COPRODUCE_REVIEW_DUE_DAYS)


def gap_rungs() -> int:
    """How many ladder rungs apart the member and staff sides' medians must be to flag a gap."""
    return int(settings.COPRODUCE_REVIEW_GAP_RUNGS)
