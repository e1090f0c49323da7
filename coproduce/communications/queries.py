"""Reading a person's saved display preferences."""

from coproduce.accounts.models import User
from coproduce.communications.models import DisplayPreferences
from coproduce.communications.preferences import Preferences


def saved_preferences(user: User) -> Preferences | None:
    """What ``user`` chose, or None if they have never saved any (then the cookie applies)."""
    saved = DisplayPreferences.objects.filter(user=user).first()
    return saved.to_preferences() if saved is not None else None
