"""Everyone involved in co-production, with or without a sign-in."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Now


class PersonKind(models.TextChoices):
    MEMBER = "member", "Member (lived experience)"
    CARER = "carer", "Carer"
    ALLY = "ally", "Ally"
    PARTNER_REPRESENTATIVE = "partner_representative", "Partner organisation representative"
    STAFF = "staff", "Staff"


class PersonQuerySet(models.QuerySet["Person"]):
    def search(self, text: str) -> "PersonQuerySet":
        text = text.strip()
        if not text:
            return self
        return self.filter(
            models.Q(full_name__icontains=text)
            | models.Q(preferred_name__icontains=text)
            | models.Q(email__icontains=text)
        )


class Person(models.Model):
    # Many members take part by phone or on paper, so a person need not have a sign-in.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    full_name = models.CharField(max_length=200)
    preferred_name = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=30, choices=PersonKind.choices)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    organisation = models.CharField(max_length=200, blank=True)
    # Set when a coordinator records someone on their behalf, so the record says who entered it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["full_name", "id"]
        indexes = [
            models.Index(fields=["kind", "full_name"], name="person_kind_name_idx"),
            models.Index(fields=["full_name", "id"], name="person_name_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PersonKind.values), name="person_kind_valid"),
            models.CheckConstraint(condition=~models.Q(full_name=""), name="person_full_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name the person wants to be called."""
        return self.preferred_name or self.full_name
