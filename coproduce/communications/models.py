"""A signed-in person's display preferences (people who are not signed in keep theirs in a cookie)."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from coproduce.communications.choices import (
    CLOSED_STATUSES,
    Format,
    MessageFormat,
    MessageRoute,
    MessageStatus,
    RequestStatus,
)
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


class ContactPreferences(models.Model):
    """How a person wants messages: the format, and the routes they refused. Refusals always win."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="contact_preferences")
    # Blank: worked out from their access needs (Easy Read, then large print, else standard).
    message_format = models.CharField(max_length=20, choices=MessageFormat.choices, blank=True)
    no_email = models.BooleanField(default=False)
    no_text = models.BooleanField(default=False)
    no_post = models.BooleanField(default=False)
    no_phone = models.BooleanField(default=False)
    no_supporter = models.BooleanField(default=False)
    # Set when a coordinator recorded the preferences on the person's behalf.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "contact preferences"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(message_format="") | models.Q(message_format__in=MessageFormat.values),
                name="contact_preferences_format_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Contact preferences of person {self.person_id}"

    def refuses(self, route: str) -> bool:
        return bool(
            {
                MessageRoute.EMAIL: self.no_email,
                MessageRoute.TEXT: self.no_text,
                MessageRoute.POST: self.no_post,
                MessageRoute.PHONE: self.no_phone,
                MessageRoute.SUPPORTER: self.no_supporter,
            }.get(MessageRoute(route), False)
        )


class Message(models.Model):
    """One message to one person: what was sent, when, how, and whether it worked."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="messages")
    topic = models.SlugField(max_length=50)
    route = models.CharField(max_length=20, choices=MessageRoute.choices)
    format = models.CharField(max_length=20, choices=MessageFormat.choices)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    # Where it went: the email address or phone number used (blank for post and calls).
    sent_to = models.CharField(max_length=254, blank=True)
    status = models.CharField(max_length=20, choices=MessageStatus.choices, default=MessageStatus.SENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    printed_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="message_status_idx"),
            models.Index(fields=["route", "status"], name="message_route_status_idx"),
            models.Index(fields=["person", "-created_at"], name="message_person_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(route__in=MessageRoute.values), name="message_route_valid"),
            models.CheckConstraint(condition=models.Q(format__in=MessageFormat.values), name="message_format_valid"),
            models.CheckConstraint(condition=models.Q(status__in=MessageStatus.values), name="message_status_valid"),
            models.CheckConstraint(condition=~models.Q(topic=""), name="message_topic_not_empty"),
            models.CheckConstraint(
                condition=~models.Q(status=MessageStatus.SENT) | models.Q(sent_at__isnull=False),
                name="message_sent_has_sent_at",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=MessageStatus.POSTED)
                | models.Q(route=MessageRoute.POST, printed_at__isnull=False),
                name="message_posted_was_printed",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=[MessageStatus.FAILED, MessageStatus.NOT_SENT, MessageStatus.RETRYING])
                | ~models.Q(last_error=""),
                name="message_failure_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} to person {self.person_id}"
