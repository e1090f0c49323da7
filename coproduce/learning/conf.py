"""The learning app's thresholds, each read from settings with its default."""

from django.conf import settings


def charter_renewal_months() -> int:
    """Months after signing when a signature falls due for renewal."""
    return int(settings.COPRODUCE_CHARTER_RENEWAL_MONTHS)


def require_signed_champion() -> bool:
    """Whether champions must have signed the current charter (and a project needs one to enter design)."""
    return bool(settings.COPRODUCE_REQUIRE_SIGNED_CHAMPION)


def co_lead_training_course() -> str:
    """The course staff and partner representatives complete before leading a project; empty: none."""
    return str(settings.COPRODUCE_CO_LEAD_TRAINING_COURSE or "").strip()


def induction_review_months() -> int:
    """Months after an induction when the coordinator revisits it."""
    return int(settings.COPRODUCE_INDUCTION_REVIEW_MONTHS)


def default_recommendation_response_days() -> int:
    """Days a partner organisation has to answer a recommendation when it has not committed to its own."""
    return int(settings.COPRODUCE_RECOMMENDATION_RESPONSE_DAYS)
