"""Reading equality monitoring: a person's own answers and consent, and totals for groups of people."""

from collections import Counter

from django.db.models import Count

from coproduce.equality.choices import DERIVED_QUESTIONS, ETHNIC_GROUP_HIGH_LEVEL, QUESTION_BY_FIELD, disability
from coproduce.equality.models import EqualityResponse, EqualityResponseQuerySet
from coproduce.people.models import Consent, Notice, Person, Purpose

# What answer_counts uses for a question someone skipped or was not asked.
NOT_ANSWERED = ""


def current_equality_notice() -> Notice:
    """The version of the equality monitoring notice that people agree to now."""
    return Notice.objects.current(Purpose.EQUALITY_MONITORING)


def active_equality_consents(person: Person) -> list[Consent]:
    """The person's equality monitoring consents that have not been withdrawn, under any version."""
    return list(
        Consent.objects.active().for_purpose(Purpose.EQUALITY_MONITORING).filter(person=person).select_related("notice")
    )


def current_equality_consent(person: Person) -> Consent | None:
    """The person's active consent under the current notice: the lawful basis new answers need."""
    return (
        Consent.objects.active()
        .filter(person=person, notice=current_equality_notice())
        .order_by("-given_at", "-id")
        .first()
    )


def latest_equality_response(person: Person) -> EqualityResponse | None:
    """The person's newest answers, which are their current ones, or None if they have never answered."""
    return EqualityResponse.objects.filter(person=person).select_related("consent").first()


def counted_responses() -> EqualityResponseQuerySet:
    """The responses that totals may use: each person's newest, given under a consent still active,
    from people whose record has not been anonymised.

    A person who withdraws their consent drops out of every total at once.
    """
    return EqualityResponse.objects.latest_per_person().filter(
        consent__withdrawn_at__isnull=True,
        consent__notice__purpose=Purpose.EQUALITY_MONITORING,
        person__anonymised_at__isnull=True,
    )


def answer_counts(question: str) -> dict[str, int]:
    """How many people gave each answer to ``question``, with "" for people who did not answer it.

    ``question`` is the name of a question's field (such as ``"ethnic_group"``) or of an answer
    worked out from others (``"ethnic_group_high_level"``, ``"disability"``). Every possible answer is
    a key, with 0 when nobody gave it. Only counted_responses() are counted: one per person.
    Write-in answers are never counted.

    These are raw counts with NO disclosure control: small numbers can point to a person. Nothing
    may be shown or exported from here without passing through the disclosure-control function of
    the analytics app. Raises ValueError for an unknown question.
    """
    if question in QUESTION_BY_FIELD:
        choices = QUESTION_BY_FIELD[question].choices
        counts: Counter[str] = Counter(
            {
                row[question]: row["people"]
                for row in counted_responses().order_by().values(question).annotate(people=Count("id"))
            }
        )
    elif question == "ethnic_group_high_level":
        choices = DERIVED_QUESTIONS[question]
        counts = Counter()
        for group, people in answer_counts("ethnic_group").items():
            counts[ETHNIC_GROUP_HIGH_LEVEL.get(group, NOT_ANSWERED)] += people
    elif question == "disability":
        choices = DERIVED_QUESTIONS[question]
        counts = Counter()
        rows = (
            counted_responses()
            .order_by()
            .values("long_term_condition", "activities_reduced")
            .annotate(people=Count("id"))
        )
        for row in rows:
            counts[disability(row["long_term_condition"], row["activities_reduced"])] += row["people"]
    else:
        raise ValueError(f"There is no equality monitoring question called {question!r}.")
    return {value: counts[value] for value in [*choices.values, NOT_ANSWERED]}
