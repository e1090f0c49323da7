"""People, with or without a sign-in, and the partner organisations they may belong to."""

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models.functions import Now

from coproduce.accounts.models import Role


class PersonKind(models.TextChoices):
    MEMBER = "member", "Member (lived experience)"
    CARER = "carer", "Carer"
    ALLY = "ally", "Ally"
    PARTNER_REPRESENTATIVE = "partner_representative", "Partner organisation representative"
    STAFF = "staff", "Staff"


class OrganisationKind(models.TextChoices):
    COUNCIL = "council", "Council"
    NHS = "nhs", "NHS body"
    CHARITY = "charity", "Charity or voluntary group"
    COMMUNITY = "community", "Community group"
    OTHER = "other", "Other organisation"


class ContactRoute(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"
    POST = "post", "Post"
    SUPPORTER = "supporter", "Through someone who supports me"


class CreditPreference(models.TextChoices):
    """How a person wants to be named in public outputs such as reports."""

    FULL_NAME = "full_name", "My full name"
    INITIALS = "initials", "My initials"
    ANONYMOUS = "anonymous", "Do not name me"


class PaymentPreference(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    VOUCHER = "voucher", "Shopping voucher"
    CASH = "cash", "Cash"
    DECLINE = "decline", "I do not want to be paid"


class Organisation(models.Model):
    """A partner organisation, such as a council, an NHS body or a charity."""

    name = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER)
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name


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

    def visible_to(self, user: "AbstractBaseUser | AnonymousUser") -> "PersonQuerySet":
        """Coordinators and admins see everyone; a partner representative sees their organisation's people."""
        role = getattr(user, "role", None)
        if not user.is_authenticated or role is None:
            return self.none()
        if role in {Role.COORDINATOR, Role.ADMIN}:
            return self
        if role == Role.PARTNER:
            organisation_id = Person.objects.filter(user_id=user.pk).values("organisation_id")
            return self.filter(organisation_id__isnull=False, organisation_id__in=organisation_id)
        return self.none()

    def current(self) -> "PersonQuerySet":
        """People whose record has not been anonymised at their request."""
        return self.filter(anonymised_at__isnull=True)


class Person(models.Model):
    # Many members take part by phone or on paper, so a person need not have a sign-in.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="person"
    )
    full_name = models.CharField(max_length=200)
    preferred_name = models.CharField(max_length=100, blank=True)
    pronouns = models.CharField(max_length=40, blank=True)
    kind = models.CharField(max_length=30, choices=PersonKind.choices)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="people"
    )
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    contact_route = models.CharField(max_length=20, choices=ContactRoute.choices, default=ContactRoute.EMAIL)
    # Only used when the contact route is "through someone who supports me".
    supporter_name = models.CharField(max_length=200, blank=True)
    supporter_contact = models.CharField(max_length=200, blank=True)
    # Blank until the person has said.
    credit_preference = models.CharField(max_length=20, choices=CreditPreference.choices, blank=True)
    payment_preference = models.CharField(max_length=20, choices=PaymentPreference.choices, blank=True)
    # Set when a coordinator records someone on their behalf, so the record says who entered it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    # Someone who registered interest without an account: a coordinator confirms them before they are
    # treated as involved. Never a silent account.
    awaiting_confirmation = models.BooleanField(default=False)
    # Set when the person's account was deleted at their request: personal details are erased but
    # the record stays, so that others' records (such as who attended) still add up.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people"
        ordering = ["full_name", "id"]
        indexes = [
            models.Index(fields=["kind", "full_name"], name="person_kind_name_idx"),
            models.Index(fields=["full_name", "id"], name="person_name_idx"),
            # The people list: everyone not anonymised, by name (counted and paged from this alone).
            models.Index(
                fields=["full_name", "id"],
                condition=models.Q(anonymised_at__isnull=True),
                name="person_current_name_idx",
            ),
            models.Index(fields=["organisation", "full_name"], name="person_org_name_idx"),
            models.Index(fields=["email"], name="person_email_idx"),
            models.Index(fields=["phone"], name="person_phone_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(kind__in=PersonKind.values), name="person_kind_valid"),
            models.CheckConstraint(condition=~models.Q(full_name=""), name="person_full_name_not_empty"),
            models.CheckConstraint(
                condition=models.Q(contact_route__in=ContactRoute.values), name="person_contact_route_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name the person wants to be called."""
        return self.preferred_name or self.full_name
