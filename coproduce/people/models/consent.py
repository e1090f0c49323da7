"""Versioned privacy notices and consent wordings, and each person's consent under them.

Each consent keeps the exact version it was given under, when, and how (online, by phone through a
coordinator, or on paper). Withdrawing is as easy as giving and takes effect at once.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class Purpose(models.TextChoices):
    PRIVACY_NOTICE = "privacy_notice", "Privacy notice"
    ACCESS_NEEDS = "access_needs", "Keeping your access needs"
    EQUALITY_MONITORING = "equality_monitoring", "Equality monitoring"
    CONTACT = "contact", "Keeping in touch"


class ConsentMethod(models.TextChoices):
    ONLINE = "online", "Online, by the person"
    PHONE = "phone", "By phone, recorded by a coordinator"
    PAPER = "paper", "On paper, recorded by a coordinator"


class NoticeQuerySet(models.QuerySet["Notice"]):
    def current(self, purpose: str) -> "Notice":
        """The newest published version for ``purpose``."""
        return self.filter(purpose=purpose).latest("version")


class Notice(models.Model):
    """One version of a privacy notice or of the words a consent is given under. Never edited: add a version."""

    purpose = models.CharField(max_length=30, choices=Purpose.choices)
    version = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    text = models.TextField()
    published_at = models.DateTimeField(db_default=Now())

    objects = NoticeQuerySet.as_manager()

    class Meta:
        ordering = ["purpose", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["purpose", "version"], name="notice_purpose_version_unique"),
            models.CheckConstraint(condition=models.Q(purpose__in=Purpose.values), name="notice_purpose_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}, version {self.version}"


class ConsentQuerySet(models.QuerySet["Consent"]):
    def active(self) -> "ConsentQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def for_purpose(self, purpose: str) -> "ConsentQuerySet":
        return self.filter(notice__purpose=purpose)


class Consent(models.Model):
    """A person's explicit consent (UK GDPR Article 9(2)(a)) under one version of a notice."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="consents")
    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="consents")
    given_at = models.DateTimeField(db_default=Now())
    method = models.CharField(max_length=10, choices=ConsentMethod.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_method = models.CharField(max_length=10, choices=ConsentMethod.choices, blank=True)

    objects = ConsentQuerySet.as_manager()

    class Meta:
        ordering = ["-given_at", "-id"]
        indexes = [models.Index(fields=["person", "withdrawn_at"], name="consent_person_active_idx")]
        constraints = [
            models.CheckConstraint(condition=models.Q(method__in=ConsentMethod.values), name="consent_method_valid"),
            # Consent given by phone or on paper is always recorded by someone, and the record says who.
            models.CheckConstraint(
                condition=models.Q(method=ConsentMethod.ONLINE) | models.Q(recorded_by__isnull=False),
                name="consent_offline_has_recorder",
            ),
        ]

    def __str__(self) -> str:
        return f"Consent of person {self.person_id} to {self.notice}"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None
