"""Communication and access needs, asked once ("tell us once") and shown wherever they matter.

Based on the NHS Accessible Information Standard (ask, record, flag, share, act) and common UK
access forms. Access needs are special category data when they reveal a disability: only the
person, and the people who need them to act, may see them (see permissions.py).
"""

from django.conf import settings
from django.db import models


class NeedCategory(models.TextChoices):
    FORMAT = "format", "Formats"
    COMMUNICATION = "communication", "Communication support"
    PRACTICAL = "practical", "Practical needs"
    TIMING = "timing", "Timing"


class Need(models.TextChoices):
    # Formats
    LARGE_PRINT = "large_print", "Large print"
    EASY_READ = "easy_read", "Easy Read"
    AUDIO = "audio", "Audio"
    BSL_VIDEO = "bsl_video", "British Sign Language (BSL) video"
    BRAILLE = "braille", "Braille"
    PLAIN_ENGLISH = "plain_english", "Plain English"
    OTHER_LANGUAGE = "other_language", "Another language"
    SCREEN_READER = "screen_reader", "I use a screen reader: send me documents that work with it"
    # Communication support
    BSL_INTERPRETER = "bsl_interpreter", "BSL interpreter"
    OTHER_INTERPRETER = "other_interpreter", "Another interpreter"
    LIPSPEAKER = "lipspeaker", "Lipspeaker"
    SPEECH_TO_TEXT = "speech_to_text", "Speech-to-text reporter (live captions)"
    HEARING_LOOP = "hearing_loop", "Hearing loop"
    SUPPORT_WORKER = "support_worker", "Support worker or personal assistant comes with me"
    COMMUNICATION_AID = "communication_aid", "I use a communication aid"
    # Practical needs
    STEP_FREE = "step_free", "Step-free access"
    ACCESSIBLE_TOILET = "accessible_toilet", "Accessible toilet"
    PARKING = "parking", "Accessible parking"
    QUIET_SPACE = "quiet_space", "A quiet space"
    BREAKS = "breaks", "Regular breaks"
    DIETARY = "dietary", "Dietary needs"
    ASSISTANCE_DOG = "assistance_dog", "Assistance dog"
    TRAVEL_SUPPORT = "travel_support", "Help with travel"
    # Timing
    PAPERS_IN_ADVANCE = "papers_in_advance", "Papers sent in advance"
    PAPERS_BY_EMAIL = "papers_by_email", "Send me papers by email before the meeting"
    TIME_OF_DAY = "time_of_day", "Meetings at a certain time of day"


NEED_CATEGORY: dict[str, NeedCategory] = {
    **dict.fromkeys(
        [
            Need.LARGE_PRINT,
            Need.EASY_READ,
            Need.AUDIO,
            Need.BSL_VIDEO,
            Need.BRAILLE,
            Need.PLAIN_ENGLISH,
            Need.OTHER_LANGUAGE,
            Need.SCREEN_READER,
        ],
        NeedCategory.FORMAT,
    ),
    **dict.fromkeys(
        [
            Need.BSL_INTERPRETER,
            Need.OTHER_INTERPRETER,
            Need.LIPSPEAKER,
            Need.SPEECH_TO_TEXT,
            Need.HEARING_LOOP,
            Need.SUPPORT_WORKER,
            Need.COMMUNICATION_AID,
        ],
        NeedCategory.COMMUNICATION,
    ),
    **dict.fromkeys(
        [
            Need.STEP_FREE,
            Need.ACCESSIBLE_TOILET,
            Need.PARKING,
            Need.QUIET_SPACE,
            Need.BREAKS,
            Need.DIETARY,
            Need.ASSISTANCE_DOG,
            Need.TRAVEL_SUPPORT,
        ],
        NeedCategory.PRACTICAL,
    ),
    **dict.fromkeys([Need.PAPERS_IN_ADVANCE, Need.PAPERS_BY_EMAIL, Need.TIME_OF_DAY], NeedCategory.TIMING),
}


class AccessProfile(models.Model):
    """Everything a person has told us about their communication and access needs."""

    person = models.OneToOneField("people.Person", on_delete=models.CASCADE, related_name="access_profile")
    large_print_size = models.PositiveSmallIntegerField(null=True, blank=True, help_text="Point size")
    language = models.CharField(max_length=100, blank=True)
    dietary_details = models.CharField(max_length=300, blank=True)
    papers_days_before = models.PositiveSmallIntegerField(null=True, blank=True)
    time_of_day = models.CharField(max_length=200, blank=True)
    other_needs = models.TextField(blank=True)
    # Set when a coordinator recorded the needs for the person; they may only do so with agreement.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    person_agreed = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(recorded_by__isnull=True) | models.Q(person_agreed=True),
                name="access_profile_recorded_with_agreement",
            ),
        ]

    def __str__(self) -> str:
        return f"Access needs of person {self.person_id}"


class AccessNeed(models.Model):
    """One need a person has, such as Easy Read or step-free access. Rows, so that people can be found by need."""

    profile = models.ForeignKey(AccessProfile, on_delete=models.CASCADE, related_name="needs")
    need = models.CharField(max_length=30, choices=Need.choices)

    class Meta:
        ordering = ["need"]
        indexes = [models.Index(fields=["need", "profile"], name="access_need_idx")]
        constraints = [
            models.UniqueConstraint(fields=["profile", "need"], name="access_need_unique"),
            models.CheckConstraint(condition=models.Q(need__in=Need.values), name="access_need_valid"),
        ]

    def __str__(self) -> str:
        return self.get_need_display()
