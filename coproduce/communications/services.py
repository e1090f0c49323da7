"""Saving a person's display preferences."""

from django.db import transaction

from coproduce.accounts.models import User
from coproduce.communications.models import DisplayPreferences
from coproduce.communications.preferences import Preferences


@transaction.atomic
def save_preferences(user: User, preferences: Preferences) -> DisplayPreferences:
    """Keep ``preferences`` for ``user``, replacing what they chose before.

    Not audited: how someone likes pages to look is theirs alone, and may hint at a disability.
    """
    saved, _ = DisplayPreferences.objects.update_or_create(
        user=user,
        defaults={
            "large_text": preferences.large_text,
            "high_contrast": preferences.high_contrast,
            "more_spacing": preferences.more_spacing,
            "dyslexia_font": preferences.dyslexia_font,
            "reduce_motion": preferences.reduce_motion,
        },
    )
    return saved
