"""Thresholds for answering and thanking, which an organisation may change (settings, from the environment)."""

from django.conf import settings


def response_days() -> int:
    """Days within which every contribution should have an answer; after that it is overdue."""
    return int(settings.COPRODUCE_CONTRIBUTION_RESPONSE_DAYS)


def thanks_within_days() -> int:
    """Days after an activity ends within which each participant should have been thanked."""
    return int(settings.COPRODUCE_THANKS_WITHIN_DAYS)
