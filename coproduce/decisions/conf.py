"""Thresholds for groups, proposals and the decision register, read from settings with defaults."""

from decimal import Decimal

from django.conf import settings


def min_member_share() -> Decimal:
    """The default minimum share of a group's seats held by people with lived experience (0 = no minimum)."""
    return Decimal(str(settings.COPRODUCE_MIN_MEMBER_SHARE))


def members_can_propose() -> bool:
    """Whether any group member (not only a lead) may put a proposal to their group."""
    return bool(settings.COPRODUCE_MEMBERS_CAN_PROPOSE)


def staff_only_design_limit() -> Decimal:
    """A project's stage is flagged when more than this share of its decisions were staff only."""
    return Decimal(str(settings.COPRODUCE_STAFF_ONLY_DESIGN_LIMIT))


def review_notice_days() -> int:
    """How many days before its review date a decision shows as due for review."""
    return int(settings.COPRODUCE_DECISION_REVIEW_NOTICE_DAYS)


def reference_misses_per_ip_per_hour() -> int:
    """How many references matching no concern one IP address may try in an hour."""
    return int(settings.COPRODUCE_CONCERN_REFERENCE_MISSES_PER_IP_PER_HOUR)
