"""The fixed choices of a review: its kind, the Cube questions, and the six UK Standards for Public Involvement.

Each is defined here once; forms, pages and the demo read them from here.
"""

from dataclasses import dataclass

from django.db import models

from coproduce.people.models import PersonKind


class ReviewKind(models.TextChoices):
    QUARTERLY = "quarterly", "Quarterly review"
    STAGE_END = "stage_end", "End of stage review"
    ANNUAL = "annual", "Annual organisation review"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Side(models.TextChoices):
    """Which side of the partnership someone speaks from in a review, from what kind of person they are."""

    MEMBER = "member", "Member side"
    STAFF = "staff", "Staff side"


MEMBER_SIDE_KINDS = frozenset({PersonKind.MEMBER, PersonKind.CARER, PersonKind.ALLY})


def side_of(kind: str) -> Side:
    """Members, carers and allies are the member side; staff and partner representatives the staff side."""
    return Side.MEMBER if kind in MEMBER_SIDE_KINDS else Side.STAFF


@dataclass(frozen=True)
class CubeQuestion:
    """One dimension of the Cube of participation (Gibson, Britten and Lynch), asked on a 1 to 5 scale."""

    field: str
    question: str
    low: str  # what 1 means
    high: str  # what 5 means


CUBE: tuple[CubeQuestion, ...] = (
    CubeQuestion(
        "voice",
        "How strong is the voice of members in this work?",
        "Weak: what members say changes little",
        "Strong: what members say changes things",
    ),
    CubeQuestion(
        "ways",
        "How many ways are there for people to get involved?",
        "Few ways: one way to take part",
        "Many ways: people choose how to take part",
    ),
    CubeQuestion(
        "concerns",
        "Whose concerns does this work deal with?",
        "The organisation's concerns",
        "The public's concerns",
    ),
    CubeQuestion(
        "change",
        "How willing is the organisation to change?",
        "Unwilling to change",
        "Willing to change",
    ),
)

SCALE: tuple[int, ...] = (1, 2, 3, 4, 5)
SCALE_MIDDLE = "In between"


class Standard(models.TextChoices):
    """The six UK Standards for Public Involvement (final 2019 wording, NIHR and partners)."""

    INCLUSIVE = "inclusive", "Inclusive opportunities"
    WORKING_TOGETHER = "working_together", "Working together"
    SUPPORT = "support", "Support and learning"
    COMMUNICATIONS = "communications", "Communications"
    GOVERNANCE = "governance", "Governance"
    IMPACT = "impact", "Impact"


STANDARD_STATEMENTS: dict[str, str] = {
    Standard.INCLUSIVE: (
        "Offer public involvement opportunities that are accessible and that reach people and groups "
        "according to research needs."
    ),
    Standard.WORKING_TOGETHER: (
        "Work together in a way that values all contributions, and that builds and sustains mutually "
        "respectful and productive relationships."
    ),
    Standard.SUPPORT: (
        "Offer and promote support and learning opportunities that build confidence and skills for public "
        "involvement in research."
    ),
    Standard.COMMUNICATIONS: (
        "Use plain language for well-timed and relevant communications, as part of involvement plans and activities."
    ),
    Standard.GOVERNANCE: "Involve the public in research management, regulation, leadership and decision making.",
    Standard.IMPACT: (
        "Seek improvement by identifying and sharing the difference that public involvement makes to research."
    ),
}


class Rating(models.TextChoices):
    """How far the organisation meets a standard: for improvement over time, not pass or fail."""

    NOT_YET = "not_yet", "Not started yet"
    STARTING = "starting", "Starting"
    DEVELOPING = "developing", "Developing"
    ESTABLISHED = "established", "Well established"
