"""The co-production charter, champions, partner commitments, training and induction."""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models.functions import Now

from coproduce.involvement.models import Activity
from coproduce.people.models import Organisation, Person
from coproduce.projects.models import Project


class CharterVersionQuerySet(models.QuerySet["CharterVersion"]):
    def current(self) -> "CharterVersion | None":
        """The version people sign now: the one with the highest number."""
        return self.order_by("-number").first()


class CharterVersion(models.Model):
    """One published wording of the co-production charter (step 1: agreement to champion co-production)."""

    number = models.PositiveIntegerField(unique=True)
    text = models.TextField()
    easy_read_text = models.TextField()
    published_at = models.DateTimeField(db_default=Now())
    # Empty for version 1, which the system made from the model's values and steps.
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = CharterVersionQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1), name="charter_version_number_positive"),
            models.CheckConstraint(condition=~models.Q(text=""), name="charter_version_text_not_empty"),
            models.CheckConstraint(condition=~models.Q(easy_read_text=""), name="charter_version_easy_read_not_empty"),
        ]

    def __str__(self) -> str:
        return f"Charter version {self.number}"


class SignatureQuerySet(models.QuerySet["Signature"]):
    def active(self) -> "SignatureQuerySet":
        return self.filter(withdrawn_at__isnull=True)

    def personal(self) -> "SignatureQuerySet":
        return self.filter(on_behalf_of__isnull=True)

    def organisational(self) -> "SignatureQuerySet":
        return self.filter(on_behalf_of__isnull=False)

    def of_current_version(self) -> "SignatureQuerySet":
        return self.filter(
            version__number=models.Subquery(CharterVersion.objects.order_by("-number").values("number")[:1])
        )


class Signature(models.Model):
    """A person's signature of one charter version, for themselves or for their organisation.

    ``person`` is who signed: for an organisation, its representative. A withdrawn signature is kept
    (it is part of the record) but no longer counts.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="charter_signatures")
    version = models.ForeignKey(CharterVersion, on_delete=models.PROTECT, related_name="signatures")
    signed_at = models.DateTimeField()
    signed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on_behalf_of = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="charter_signatures"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    # Set when the worker sent each reminder, so that it never sends one twice.
    renewal_reminded_at = models.DateTimeField(null=True, blank=True)
    resign_reminded_at = models.DateTimeField(null=True, blank=True)

    objects = SignatureQuerySet.as_manager()

    class Meta:
        ordering = ["-signed_at", "id"]
        indexes = [models.Index(fields=["version", "withdrawn_at"], name="signature_version_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "version"],
                condition=models.Q(on_behalf_of__isnull=True),
                name="signature_one_personal_per_version",
            ),
            models.UniqueConstraint(
                fields=["on_behalf_of", "version"],
                condition=models.Q(on_behalf_of__isnull=False),
                name="signature_one_per_organisation_and_version",
            ),
            models.CheckConstraint(
                condition=models.Q(withdrawn_at__isnull=True) | models.Q(withdrawn_at__gte=models.F("signed_at")),
                name="signature_withdrawn_after_signing",
            ),
        ]

    def __str__(self) -> str:
        return f"Signature {self.pk} of charter version {self.version_id}"

    @property
    def is_for_organisation(self) -> bool:
        return self.on_behalf_of_id is not None


class OrganisationCommitment(models.Model):
    """Something a partner organisation promises when it signs, such as answering within 8 weeks."""

    signature = models.ForeignKey(Signature, on_delete=models.CASCADE, related_name="commitments")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="commitments")
    text = models.TextField()
    # How many days the organisation gives itself to answer co-produced recommendations, if it said.
    response_days = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="commitment_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(response_days__isnull=True) | models.Q(response_days__gte=1),
                name="commitment_response_days_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"Commitment of organisation {self.organisation_id}"


class Recommendation(models.Model):
    """A co-produced recommendation sent to a partner organisation, tracked until it answers."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="recommendations")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="recommendations")
    text = models.TextField()
    sent_on = models.DateField()
    response_due = models.DateField()
    responded_on = models.DateField(null=True, blank=True)
    response = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["response_due", "id"]
        indexes = [models.Index(fields=["responded_on", "response_due"], name="recommendation_due_idx")]
        constraints = [
            models.CheckConstraint(condition=~models.Q(text=""), name="recommendation_text_not_empty"),
            models.CheckConstraint(
                condition=models.Q(response_due__gte=models.F("sent_on")), name="recommendation_due_after_sent"
            ),
            models.CheckConstraint(
                condition=models.Q(responded_on__isnull=True)
                | (models.Q(responded_on__gte=models.F("sent_on")) & ~models.Q(response="")),
                name="recommendation_response_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.pk} to organisation {self.organisation_id}"

    def is_overdue(self, today: date) -> bool:
        return self.responded_on is None and self.response_due < today

    @property
    def timeliness(self) -> str:
        """Whether the answer came by its due date, in words ("in time", "3 days late"); "" while unanswered."""
        if self.responded_on is None:
            return ""
        late = (self.responded_on - self.response_due).days
        if late <= 0:
            return "in time"
        return f"{late} day late" if late == 1 else f"{late} days late"


class Audience(models.TextChoices):
    MEMBERS = "members", "Members and carers"
    ALLIES = "allies", "Allies"
    PARTNERS = "partners", "Partner organisations"
    STAFF = "staff", "Staff"


class MaterialFormat(models.TextChoices):
    STANDARD = "standard", "Standard"
    EASY_READ = "easy_read", "Easy Read"
    LARGE_PRINT = "large_print", "Large print"
    AUDIO = "audio", "Audio"
    BSL_VIDEO = "bsl_video", "British Sign Language video"
    BRAILLE = "braille", "Braille"
    OTHER_LANGUAGE = "other_language", "Another language"


class Course(models.Model):
    """A course in the training catalogue (step 5: train and develop everyone)."""

    title = models.CharField(max_length=200, unique=True)
    description = models.TextField()
    # Audiences as one column each, like the opportunity assessment's stages: a fixed list of four.
    for_members = models.BooleanField(default=False)
    for_allies = models.BooleanField(default=False)
    for_partners = models.BooleanField(default=False)
    for_staff = models.BooleanField(default=False)
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="course_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(for_members=True)
                | models.Q(for_allies=True)
                | models.Q(for_partners=True)
                | models.Q(for_staff=True),
                name="course_has_an_audience",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def audiences(self) -> list[Audience]:
        return [audience for audience in Audience if getattr(self, f"for_{audience.value}")]

    @property
    def audiences_text(self) -> str:
        labels = [str(audience.label) for audience in self.audiences]
        return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} and {labels[-1]}"


class CourseMaterial(models.Model):
    """Something to read, watch or listen to for a course, in one format."""

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="materials")
    title = models.CharField(max_length=200)
    format = models.CharField(max_length=20, choices=MaterialFormat.choices)
    link = models.URLField(blank=True)
    file = models.FileField(upload_to="learning/materials/", blank=True, max_length=200)

    class Meta:
        ordering = ["title", "format", "id"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(title=""), name="course_material_title_not_empty"),
            models.CheckConstraint(
                condition=models.Q(format__in=MaterialFormat.values), name="course_material_format_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(link="") | ~models.Q(file=""), name="course_material_has_link_or_file"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_format_display()})"


class CourseSession(models.Model):
    """A session of a course: an activity of kind training, so registration and attendance come from involvement."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="sessions")
    activity = models.OneToOneField(Activity, on_delete=models.CASCADE, related_name="course_session")

    class Meta:
        ordering = ["activity__starts_at", "id"]

    def __str__(self) -> str:
        return f"Session {self.pk} of course {self.course_id}"


class Confidence(models.IntegerChoices):
    """Answers to "How confident are you that you could explain co-production to someone else?"."""

    NOT_AT_ALL = 1, "Not at all confident"
    A_LITTLE = 2, "A little confident"
    FAIRLY = 3, "Fairly confident"
    CONFIDENT = 4, "Confident"
    VERY = 5, "Very confident"


CONFIDENCE_QUESTION = "How confident are you that you could explain co-production to someone else?"


class TrainingRecord(models.Model):
    """A person's completion of a course, with how confident they felt before and after."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="training_records")
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="records")
    session = models.ForeignKey(CourseSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="records")
    completed_on = models.DateField()
    confidence_before = models.PositiveSmallIntegerField(choices=Confidence.choices, null=True, blank=True)
    confidence_after = models.PositiveSmallIntegerField(choices=Confidence.choices, null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)

    class Meta:
        ordering = ["-completed_on", "id"]
        indexes = [models.Index(fields=["course", "person"], name="training_record_course_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "session"],
                condition=models.Q(session__isnull=False),
                name="training_record_one_per_session",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence_before__isnull=True) | models.Q(confidence_before__range=(1, 5)),
                name="training_record_confidence_before_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(confidence_after__isnull=True) | models.Q(confidence_after__range=(1, 5)),
                name="training_record_confidence_after_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"Training record {self.pk}"


class Induction(models.Model):
    """A new member's induction, revisited after a few months as a prompt to the coordinator."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="induction")
    inducted_on = models.DateField()
    # The skills-and-support conversation: private to coordinators.
    conversation_notes = models.TextField(blank=True)
    review_due = models.DateField()
    reviewed_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["review_due", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(review_due__gte=models.F("inducted_on")), name="induction_review_after_induction"
            ),
        ]

    def __str__(self) -> str:
        return f"Induction of person {self.person_id}"
