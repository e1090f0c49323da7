"""Settings for the representation view, each read from settings with a default."""

from django.conf import settings


def reference_upload_max_bytes() -> int:
    """The largest CSV of local reference figures that may be uploaded (default 1 MB)."""
    return int(getattr(settings, "COPRODUCE_REFERENCE_UPLOAD_MAX_BYTES", 1024 * 1024))


def representation_period_days() -> int:
    """How far back the representation view looks by default (default 365 days: the last 12 months)."""
    return int(getattr(settings, "COPRODUCE_REPRESENTATION_PERIOD_DAYS", 365))


def representation_adults_only() -> bool:
    """Compare ages with people aged 16 and over only (default True): the network involves adults."""
    return bool(getattr(settings, "COPRODUCE_REPRESENTATION_ADULTS_ONLY", True))


def gap_smallest_reference_share() -> float:
    """A group with nobody involved at all is a gap when its reference share is at least this (default 1%)."""
    return float(getattr(settings, "COPRODUCE_REPRESENTATION_GAP_MIN_SHARE", 0.01))
