"""Experience survey rounds, the anonymous answers to them, and who has answered.

Anonymity is built into the tables. ``SurveyAnswer`` holds no person, and ``SurveyCompletion`` holds
only that a person answered a round, so that nobody answers twice. Neither keeps a time finer than a
date, and both have random (UUID) keys, so their rows cannot be matched up by time or by the order of
their ids. No audit event names the person for an online answer.
"""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.db.models.functions import Now
from django.utils import timezone

from coproduce.decisions.models import ProjectGroup
from coproduce.involvement.models import Activity
from coproduce.people.models import Person
from coproduce.projects.models import Project
from coproduce.surveys.choices import Answer, Item


class SurveyRound(models.Model):
    """One survey, for an activity after it ends or for a standing group, open between two times."""

    # The project the round belongs to (the activity's or the group's), kept here for permissions.
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="survey_rounds")
    activity = models.OneToOneField(
        Activity, null=True, blank=True, on_delete=models.PROTECT, related_name="survey_round"
    )
    group = models.ForeignKey(
        ProjectGroup, null=True, blank=True, on_delete=models.PROTECT, related_name="survey_rounds"
    )
    opens_at = models.DateTimeField()
    closes_at = models.DateTimeField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(db_default=Now(), editable=False)
    # Set when the "not listened to" alert went to the project's leads, so that it never repeats.
    alert_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opens_at", "id"]
        indexes = [models.Index(fields=["group", "opens_at"], name="survey_round_group_idx")]
        constraints = [
            # Exactly one of: an activity, a group.
            models.CheckConstraint(
                condition=(models.Q(activity__isnull=False) & models.Q(group__isnull=True))
                | (models.Q(activity__isnull=True) & models.Q(group__isnull=False)),
                name="survey_round_activity_or_group",
            ),
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="survey_round_closes_after_opening"
            ),
        ]

    def __str__(self) -> str:
        return f"Survey: {self.subject_title}"

    @property
    def subject_title(self) -> str:
        if self.activity is not None:
            return self.activity.title
        return self.group.name if self.group is not None else ""

    def is_open(self, now: datetime | None = None) -> bool:
        moment = now or timezone.now()
        return self.opens_at <= moment < self.closes_at


def _answer_valid(item: str) -> models.Q:
    return models.Q(**{f"{item}__in": Answer.values})


class SurveyAnswer(models.Model):
    """One person's answers to one round, with no person: anonymous by design.

    ``by_phone`` answers were given to a coordinator, who is ``recorded_by``; online answers have
    no ``recorded_by``. ``answered_on`` is a date, never a time.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="answers")
    listened = models.CharField(max_length=20, choices=Answer.choices)
    say = models.CharField(max_length=20, choices=Answer.choices)
    format = models.CharField(max_length=20, choices=Answer.choices)
    next_steps = models.CharField(max_length=20, choices=Answer.choices)
    support = models.CharField(max_length=20, choices=Answer.choices)
    # "Is there anything else you want to tell us?" Kept, but shown on no page: a summary must not
    # quote it, and a small group could recognise who wrote it.
    comment = models.TextField(blank=True)
    by_phone = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_on = models.DateField()

    class Meta:
        # Never in the order they were given: that could match them to the completions.
        ordering = ["id"]
        indexes = [models.Index(fields=["answered_on"], name="survey_answer_date_idx")]
        constraints = [
            *(
                models.CheckConstraint(condition=_answer_valid(item), name=f"survey_answer_{item}_valid")
                for item in Item.values
            ),
            models.CheckConstraint(
                condition=models.Q(by_phone=False, recorded_by__isnull=True)
                | models.Q(by_phone=True, recorded_by__isnull=False),
                name="survey_answer_phone_has_recorder",
            ),
        ]

    def __str__(self) -> str:
        return f"Answer to survey round {self.round_id}"


class SurveyCompletion(models.Model):
    """That a person has answered a round, so they cannot answer twice. No time is kept at all."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(SurveyRound, on_delete=models.CASCADE, related_name="completions")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="survey_completions")

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="survey_completion_once")]

    def __str__(self) -> str:
        return f"Completion of survey round {self.round_id}"
