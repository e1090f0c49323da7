"""A signed-in person's display preferences (people who are not signed in keep theirs in a cookie)."""

from django.conf import settings
from django.db import models

from coproduce.communications.preferences import Preferences


class DisplayPreferences(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="display_preferences")
    large_text = models.BooleanField(default=False)
    high_contrast = models.BooleanField(default=False)
    more_spacing = models.BooleanField(default=False)
    dyslexia_font = models.BooleanField(default=False)
    reduce_motion = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "display preferences"

    def __str__(self) -> str:
        return f"Display preferences of user {self.user_id}"

    def to_preferences(self) -> Preferences:
        return Preferences(
            large_text=self.large_text,
            high_contrast=self.high_contrast,
            more_spacing=self.more_spacing,
            dyslexia_font=self.dyslexia_font,
            reduce_motion=self.reduce_motion,
        )
