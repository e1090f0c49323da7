"""Voluntary equality monitoring answers, kept apart from the people records.

Each time a person answers, a new dated response is kept, tied to the consent it was given under
(its lawful basis, UK GDPR Article 9(2)(a)). Old responses are never changed; the newest is the
person's current answer. Only the person sees their own answers; everyone else sees totals only
(see ``queries.py`` and ADR 0003).
"""

from typing import Any, NoReturn

from django.db import models
from django.db.models.functions import Now

from coproduce.equality.choices import (
    ETHNIC_GROUP_HIGH_LEVEL,
    QUESTIONS,
    UNDER_16,
    ActivitiesReduced,
    AgeBand,
    EthnicGroup,
    LongTermCondition,
    Religion,
    Sex,
    SexualOrientation,
    UnpaidCare,
    YesNo,
    disability,
)

ANSWER_LENGTH = 40
WRITE_IN_LENGTH = 100


class AnswersAreKeptAsGiven(Exception):
    """Raised on any attempt to change a stored response: a new answer is a new response."""


class EqualityResponseQuerySet(models.QuerySet["EqualityResponse"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AnswersAreKeptAsGiven("Equality monitoring answers are kept as they were given.")

    def latest_per_person(self) -> "EqualityResponseQuerySet":
        """Each person's newest response, which holds their current answers."""
        newest = EqualityResponse.objects.filter(person=models.OuterRef("person")).order_by("-answered_at", "-id")
        return self.filter(pk=models.Subquery(newest.values("pk")[:1]))


def _answer(choices: type[models.TextChoices]) -> models.CharField:
    # "" means the person skipped the question; "Prefer not to say" is an answer of its own.
    return models.CharField(max_length=ANSWER_LENGTH, choices=choices.choices, blank=True)


class EqualityResponse(models.Model):
    """One set of answers to the equality monitoring questions, as given on one day."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="equality_responses")
    # The lawful basis the answers were given under. RESTRICT: a consent cannot be deleted while
    # answers rest on it, unless the person's whole record is deleted with them.
    consent = models.ForeignKey("people.Consent", on_delete=models.RESTRICT, related_name="equality_responses")
    answered_at = models.DateTimeField(db_default=Now(), editable=False)

    age_band = _answer(AgeBand)
    sex = _answer(Sex)
    gender_identity = _answer(YesNo)
    gender_identity_write_in = models.CharField(max_length=WRITE_IN_LENGTH, blank=True)
    sexual_orientation = _answer(SexualOrientation)
    sexual_orientation_write_in = models.CharField(max_length=WRITE_IN_LENGTH, blank=True)
    ethnic_group = _answer(EthnicGroup)
    religion = _answer(Religion)
    long_term_condition = _answer(LongTermCondition)
    activities_reduced = _answer(ActivitiesReduced)
    disabled_identity = _answer(YesNo)
    unpaid_care = _answer(UnpaidCare)

    objects = EqualityResponseQuerySet.as_manager()

    class Meta:
        verbose_name = "equality monitoring answers"
        verbose_name_plural = "equality monitoring answers"
        ordering = ["-answered_at", "-id"]
        indexes = [models.Index(fields=["person", "-answered_at", "-id"], name="equality_response_latest_idx")]
        constraints = [
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"{question.field}__in": [*question.choices.values, ""]}),
                    name=f"equality_{question.field}_valid",
                )
                for question in QUESTIONS
            ),
            # As in the Census, gender identity and sexual orientation are asked only from age 16.
            models.CheckConstraint(
                condition=~models.Q(age_band__in=UNDER_16)
                | models.Q(
                    gender_identity="",
                    gender_identity_write_in="",
                    sexual_orientation="",
                    sexual_orientation_write_in="",
                ),
                name="equality_under_16_not_asked_identity",
            ),
            models.CheckConstraint(
                condition=models.Q(gender_identity_write_in="") | models.Q(gender_identity=YesNo.NO),
                name="equality_gender_write_in_only_if_no",
            ),
            models.CheckConstraint(
                condition=models.Q(sexual_orientation_write_in="")
                | models.Q(sexual_orientation=SexualOrientation.OTHER),
                name="equality_orientation_write_in_only_if_other",
            ),
            # The second part of the disability question follows a "Yes" to the first.
            models.CheckConstraint(
                condition=models.Q(activities_reduced="") | models.Q(long_term_condition=LongTermCondition.YES),
                name="equality_activities_only_with_condition",
            ),
        ]

    def __str__(self) -> str:
        return f"Equality monitoring answers {self.pk} of person {self.person_id}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None or not self._state.adding:
            raise AnswersAreKeptAsGiven("Equality monitoring answers are kept as they were given.")
        super().save(*args, **kwargs)

    @property
    def ethnic_group_high_level(self) -> str:
        return ETHNIC_GROUP_HIGH_LEVEL.get(self.ethnic_group, "")

    @property
    def disability(self) -> str:
        """The Census disability category (Equality Act definition) from the two-part question."""
        return disability(self.long_term_condition, self.activities_reduced)

    def answers(self) -> list[tuple[str, str]]:
        """Each question's short name with the answer as the person gave it, for showing to them."""
        rows = []
        for question in QUESTIONS:
            value = getattr(self, question.field)
            answer = str(question.choices(value).label) if value else "Not answered"
            write_in = getattr(self, f"{question.field}_write_in", "")
            rows.append((question.name, f"{answer} (you wrote: {write_in})" if write_in else answer))
        return rows
