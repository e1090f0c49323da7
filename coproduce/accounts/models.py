"""Who signs in and how: users, their role, and emailed sign-in links."""

import hashlib
from datetime import datetime
from typing import Any, ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower, Now
from django.utils import timezone


class Role(models.TextChoices):
    MEMBER = "member", "Member"
    ALLY = "ally", "Ally"
    PARTNER = "partner", "Partner representative"
    COORDINATOR = "coordinator", "Co-production coordinator"
    DATA_LEAD = "data_lead", "Data lead"
    ADMIN = "admin", "Admin"


# Staff roles see every project; only coordinators and admins change them.
STAFF_ROLES = frozenset({Role.COORDINATOR, Role.DATA_LEAD, Role.ADMIN})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields: Any) -> "User":
        if not email:
            raise ValueError("A user needs an email address.")
        user = self.model(email=normalise_email(email), **fields)
        # Without a password the person signs in by emailed link only.
        user.set_password(password) if password else user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **fields: Any) -> "User":
        fields.setdefault("role", Role.ADMIN)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


def normalise_email(email: str) -> str:
    # Email addresses are compared without regard to case: people type them in many ways.
    return email.strip().lower()


class User(AbstractBaseUser, PermissionsMixin):
    email = models.EmailField("email address", max_length=254, unique=True)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    is_active = models.BooleanField(default=True)
    joined_at = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_unique_ci"),
            models.CheckConstraint(condition=models.Q(role__in=Role.values), name="accounts_user_role_valid"),
        ]

    def __str__(self) -> str:
        return self.email

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def is_staff_role(self) -> bool:
        return self.role in STAFF_ROLES


def hash_token(token: str) -> str:
    """Only a hash of each sign-in token is stored, so a copy of the database cannot sign anyone in."""
    return hashlib.sha256(token.encode()).hexdigest()


class SignInLinkQuerySet(models.QuerySet["SignInLink"]):
    def usable(self) -> "SignInLinkQuerySet":
        return self.filter(used_at__isnull=True, expires_at__gt=timezone.now())


class SignInLink(models.Model):
    """A single-use link, emailed to a person, that signs them in once before it expires."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="sign_in_links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = SignInLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")), name="sign_in_link_expires_after_creation"
            ),
        ]

    def __str__(self) -> str:
        return f"Sign-in link for user {self.user_id}"

    def has_expired(self, now: datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    @property
    def is_used(self) -> bool:
        return self.used_at is not None


class SignInRequest(models.Model):
    """One request for a sign-in link, kept to rate-limit requests by email address and by IP address.

    The email is stored as a hash so that requests for addresses with no account reveal nothing.
    """

    email_hash = models.CharField(max_length=64)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    requested_at = models.DateTimeField(db_default=Now())

    class Meta:
        indexes = [
            models.Index(fields=["email_hash", "requested_at"], name="sign_in_request_email_idx"),
            models.Index(fields=["ip_address", "requested_at"], name="sign_in_request_ip_idx"),
            models.Index(fields=["requested_at"], name="sign_in_request_time_idx"),
        ]

    def __str__(self) -> str:
        return f"Sign-in request at {self.requested_at}"
