"""A signed-in person's display preferences (people who are not signed in keep theirs in a cookie)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from coproduce.communications.choices import CLOSED_STATUSES, Format, RequestStatus
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


class FormatRequest(models.Model):
    """Someone asked for a page of this site in another format: a task for a coordinator, with a due date."""

    page_path = models.CharField(max_length=500)
    page_title = models.CharField(max_length=200, blank=True)
    format = models.CharField(max_length=20, choices=Format.choices)
    language = models.CharField(max_length=100, blank=True)
    # Signed in: their record. Signed out: the name and contact details they gave.
    person = models.ForeignKey(
        "people.Person", on_delete=models.CASCADE, null=True, blank=True, related_name="format_requests"
    )
    name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    requested_at = models.DateTimeField(default=timezone.now)
    due_on = models.DateField()
    status = models.CharField(max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN)
    reason = models.TextField(blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    done_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"], name="format_request_status_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(format=Format.OTHER_LANGUAGE, language__gt="")
                | (~models.Q(format=Format.OTHER_LANGUAGE) & models.Q(language="")),
                name="format_request_language_only_for_other_language",
            ),
            models.CheckConstraint(
                condition=models.Q(person__isnull=False)
                | (models.Q(name__gt="") & (models.Q(email__gt="") | models.Q(phone__gt=""))),
                name="format_request_has_someone_to_reach",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=RequestStatus.CANNOT_DO) | models.Q(reason__gt=""),
                name="format_request_cannot_do_has_reason",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=CLOSED_STATUSES, done_on__isnull=False)
                | (~models.Q(status__in=CLOSED_STATUSES) & models.Q(done_on__isnull=True)),
                name="format_request_done_on_when_closed",
            ),
            models.CheckConstraint(condition=models.Q(page_path__startswith="/"), name="format_request_local_path"),
        ]

    def __str__(self) -> str:
        return f"{self.get_format_display()} of {self.page_path}"

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def format_label(self) -> str:
        if self.format == Format.OTHER_LANGUAGE:
            return f"Another language: {self.language}"
        return self.get_format_display()


class FormatRequestAttempt(models.Model):
    """One request sent without an account, kept for an hour to limit how many come from one address."""

    ip_address = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [models.Index(fields=["ip_address", "requested_at"], name="format_attempt_ip_idx")]

    def __str__(self) -> str:
        return f"Format request attempt at {self.requested_at}"
