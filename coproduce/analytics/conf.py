"""Settings for the representation view, each read from settings with a default."""

from django.conf import settings


def reference_upload_max_bytes() -> int:
    """The largest CSV of local reference figures that may be uploaded (default 1 MB)."""
    return int(settings.COPRODUCE_REFERENCE_UPLOAD_MAX_BYTES)


def representation_period_days() -> int:
    """How far back the representation view looks by default (default 365 days: the last 12 months)."""
    return int(settings.COPRODUCE_REPRESENTATION_PERIOD_DAYS)


def representation_adults_only() -> bool:
    """Compare ages with people aged 16 and over only (default True): the network involves adults."""
    return bool(settings.COPRODUCE_REPRESENTATION_ADULTS_ONLY)


def gap_smallest_reference_share() -> float:
    """A group with nobody involved at all is a gap when its reference share is at least this (default 1%)."""
    return float(settings.COPRODUCE_REPRESENTATION_GAP_MIN_SHARE)


def disclosure_mode() -> str:
    """The disclosure-control mode used wherever none is chosen: standard (default), nhs_digital or strict.

    "nhs" is accepted as a short name for nhs_digital.
    """
    mode = str(settings.COPRODUCE_DISCLOSURE_MODE).strip().lower()
    return "nhs_digital" if mode == "nhs" else mode


DEFAULT_INDICATOR_TARGETS: dict[str, float] = {
    "charter_signed": 0.8,
    "groups_represented": 0.9,
    "contributions_answered": 0.9,
    "participants_thanked": 0.9,
    "claims_paid_in_time": 0.95,
    "early_involvement": 0.8,
    "moves_with_people_involved": 0.9,
    "rung_reached": 0.8,
    "training_coverage": 0.6,
    "decisions_joint": 0.75,
    "felt_listened_to": 0.7,
}


def indicator_target(key: str) -> float:
    """The target share for an indicator: COPRODUCE_INDICATOR_TARGETS (a dict of key -> share) overrides
    the defaults above one key at a time."""
    targets = {**DEFAULT_INDICATOR_TARGETS, **dict(settings.COPRODUCE_INDICATOR_TARGETS or {})}
    return float(targets.get(key, 0.0))


def indicator_quarters() -> int:
    """How many quarters the trend shows and the refresh computes (default 4)."""
    return int(settings.COPRODUCE_INDICATOR_QUARTERS)


def representation_cache_seconds() -> int:
    """How long the data lead's representation page reuses its counts (they read every involvement)."""
    return int(settings.COPRODUCE_REPRESENTATION_CACHE_SECONDS)
