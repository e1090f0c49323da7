"""The settings the involvement app reads (their defaults are in settings.py)."""

from django.conf import settings


def min_outreach_channels() -> int:
    """An activity told about in fewer ways than this is flagged on its page."""
    return int(settings.COPRODUCE_MIN_OUTREACH_CHANNELS)


def reminder_days_before() -> int:
    """How many days before an activity starts the people registered are reminded."""
    return int(settings.COPRODUCE_REMINDER_DAYS_BEFORE)


def interest_limit_per_ip() -> int:
    """How many "I am interested" forms one internet address may send in an hour."""
    return int(settings.COPRODUCE_INTEREST_LIMIT_PER_IP)


def papers_notice_days() -> int:
    """Papers going out fewer than this many days before, when someone needs another format, are warned about."""
    return int(settings.COPRODUCE_PAPERS_NOTICE_DAYS)
