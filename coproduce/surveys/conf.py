"""Settings for experience surveys, read when they are needed so that tests can change them."""

from decimal import Decimal

from django.conf import settings


def group_survey_months() -> int:
    """How many months after a standing group's last survey it is due another (3 to 6 is usual)."""
    return int(settings.COPRODUCE_GROUP_SURVEY_MONTHS)


def listened_to_alert_share() -> Decimal:
    """Below this share agreeing with "I felt listened to", the project's leads are alerted."""
    return Decimal(str(settings.COPRODUCE_LISTENED_TO_ALERT_SHARE))


def survey_alert_minimum() -> int:
    """The fewest answers (not counting "Prefer not to say") before an alert can be sent."""
    return int(settings.COPRODUCE_SURVEY_ALERT_MINIMUM)


def survey_open_days() -> int:
    """How many days a survey round stays open for answers."""
    return int(settings.COPRODUCE_SURVEY_OPEN_DAYS)
