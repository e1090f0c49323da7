"""The organisation's co-production model, as data.

This module is the single source for the model's words: its definition, five
values, six practical steps, the four stages of a project and the Think Local
Act Personal (TLAP) ladder of co-production. The rest of the code refers to
these objects and never keeps its own string copies.

Each value and step has two texts:

* ``seed_text`` holds the seed document's exact words ("A Co-production
  Model", July 2023). Where the seed names the organisation, the name is
  replaced with "the organisation". Nothing else is changed.
* ``plain`` is a plain-English version in Easy Read style (text only): short
  sentences, common words, active voice, UK English.

The ladder follows TLAP's seven steps, created by its National Co-production
Advisory Group (NCAG), lowest first. TLAP asks users to credit TLAP and NCAG.

Plain Python only: no database tables.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

__all__ = [
    "DEFINITION_PLAIN",
    "DEFINITION_SEED",
    "LADDER",
    "STAGES",
    "STAGE_ORDER",
    "STEPS",
    "VALUES",
    "LadderRung",
    "Rung",
    "Stage",
    "StageInfo",
    "Step",
    "Value",
    "next_stage",
    "step",
    "value",
]


# --- Stages ------------------------------------------------------------------


class Stage(models.TextChoices):
    """The four stages of a project or service, in order (from the seed's definition)."""

    DESIGN = "design", "Design"
    DEVELOPMENT = "development", "Development"
    IMPLEMENTATION = "implementation", "Implementation"
    EVALUATION = "evaluation", "Evaluation"


STAGE_ORDER: tuple[Stage, ...] = (
    Stage.DESIGN,
    Stage.DEVELOPMENT,
    Stage.IMPLEMENTATION,
    Stage.EVALUATION,
)


def next_stage(stage: Stage) -> Stage | None:
    """Return the stage after ``stage``, or ``None`` after evaluation."""
    index = STAGE_ORDER.index(Stage(stage))
    if index + 1 < len(STAGE_ORDER):
        return STAGE_ORDER[index + 1]
    return None


@dataclass(frozen=True)
class StageInfo:
    stage: Stage
    plain: str  # one plain-English sentence about what happens in this stage


STAGES: tuple[StageInfo, ...] = (
    StageInfo(
        stage=Stage.DESIGN,
        plain="We decide together what the project is for and plan it.",
    ),
    StageInfo(
        stage=Stage.DEVELOPMENT,
        plain="We make and try out the project together.",
    ),
    StageInfo(
        stage=Stage.IMPLEMENTATION,
        plain="We run the project together and make it happen.",
    ),
    StageInfo(
        stage=Stage.EVALUATION,
        plain="We look back together at what worked and what did not.",
    ),
)


# --- TLAP ladder of co-production ---------------------------------------------


class LadderRung(models.TextChoices):
    """The TLAP ladder of co-production, lowest rung first."""

    COERCION = "coercion", "Coercion"
    EDUCATING = "educating", "Educating"
    INFORMING = "informing", "Informing"
    CONSULTATION = "consultation", "Consultation"
    ENGAGEMENT = "engagement", "Engagement"
    CO_DESIGN = "co_design", "Co-design"
    CO_PRODUCTION = "co_production", "Co-production"


@dataclass(frozen=True)
class Rung:
    rung: LadderRung
    plain: str  # what this rung means, in plain English
    # True only for co-design and co-production. Per TLAP, the lower rungs
    # (coercion up to engagement) are not co-production, though all but
    # coercion can still play a part in a project.
    is_co_production: bool


LADDER: tuple[Rung, ...] = (
    Rung(
        rung=LadderRung.COERCION,
        plain="People are told what will happen. Nobody asks what they think.",
        is_co_production=False,
    ),
    Rung(
        rung=LadderRung.EDUCATING,
        plain="Staff help people understand how services are planned and run.",
        is_co_production=False,
    ),
    Rung(
        rung=LadderRung.INFORMING,
        plain="People are told about services and decisions. They are told why.",
        is_co_production=False,
    ),
    Rung(
        rung=LadderRung.CONSULTATION,
        plain="People are asked what they think. What they say may not change anything.",
        is_co_production=False,
    ),
    Rung(
        rung=LadderRung.ENGAGEMENT,
        plain=(
            "People get more chances to say what they think. "
            "They can change some decisions. "
            "Staff still decide how much."
        ),
        is_co_production=False,
    ),
    Rung(
        rung=LadderRung.CO_DESIGN,
        plain=("People help to plan the service. Their ideas really count. But they do not help to carry it out."),
        is_co_production=True,
    ),
    Rung(
        rung=LadderRung.CO_PRODUCTION,
        plain=("People and staff work together as equals. They share the work from start to finish."),
        is_co_production=True,
    ),
)


# --- Definition --------------------------------------------------------------

DEFINITION_PLAIN: str = (
    "Co-production means working together as equals. "
    "People who use services help to plan, make, run and check them. "
    "What people know from their own lives counts as much as what staff know."
)

DEFINITION_SEED: str = (
    "Co-production is a way of working that empowers people to participate in "
    "the differing stages of design, development, implementation and evaluation "
    "of a project or service. Traditionally, decisions have been made by people "
    "deemed to have professional expertise and power, rather than those who need "
    "a service or should be involved in things that impact upon them."
)


# --- Values and steps --------------------------------------------------------


@dataclass(frozen=True)
class Value:
    number: int
    slug: str
    title: str
    seed_text: str
    plain: str


@dataclass(frozen=True)
class Step:
    number: int
    slug: str
    title: str
    seed_text: str
    plain: str


VALUES: tuple[Value, ...] = (
    Value(
        number=1,
        slug="ownership-by-all",
        title="Ownership by all",
        seed_text="Ownership, understanding, and support of co-production by all.",
        plain=(
            "Co-production belongs to everyone. "
            "Everyone understands it and supports it. "
            "It is not just one person's job."
        ),
    ),
    Value(
        number=2,
        slug="openness-and-honesty",
        title="Openness and honesty",
        seed_text="Development of a culture of openness and honesty.",
        plain=(
            "We are open and honest with each other. "
            "We share what we know. "
            "We say when something cannot change, and why."
        ),
    ),
    Value(
        number=3,
        slug="sharing-power",
        title="Sharing power",
        seed_text="A commitment to sharing power and decisions with others.",
        plain=(
            "We share power with each other. We make decisions together. Staff do not decide everything on their own."
        ),
    ),
    Value(
        number=4,
        slug="clear-communication",
        title="Clear and accessible communication",
        seed_text="Clear and accessible communication.",
        plain=(
            "We use clear words that everyone can understand. We share information in ways that work for each person."
        ),
    ),
    Value(
        number=5,
        slug="valued-listened-to-respected",
        title="Valued, listened to and respected",
        seed_text=("Working within a culture where people are valued, listened to, and respected."),
        plain=("Everyone matters. We listen to each other. We treat each other with respect."),
    ),
)


STEPS: tuple[Step, ...] = (
    Step(
        number=1,
        slug="get-agreement",
        title="Get agreement to champion co-production",
        seed_text=("Get agreement from members, allies, and partners to champion co-production."),
        plain=("Members, allies and partners agree to support co-production. They speak up for it."),
    ),
    Step(
        number=2,
        slug="involve-a-range-of-people",
        title="Involve a range of people",
        seed_text=(
            "Ensure a range of people are encouraged, supported, and are actively "
            "involved in all aspects of co-production. Take positive steps to "
            "include underrepresented groups."
        ),
        plain=(
            "We ask lots of different people to take part. "
            "We help them to join in. "
            "We make an extra effort to include people who are often left out."
        ),
    ),
    Step(
        number=3,
        slug="acknowledge-contributions",
        title="Acknowledge contributions",
        seed_text="Always acknowledge the contributions people make.",
        plain=("We always thank people for what they do. We say how their ideas helped."),
    ),
    Step(
        number=4,
        slug="involve-people-early",
        title="Involve people early",
        seed_text=(
            "Identify where co-production can be most effective in taking the "
            "organisation forward and involve people at the very earliest stages "
            "of project design."
        ),
        plain=("We find where co-production can help most. We involve people at the very start of a project."),
    ),
    Step(
        number=5,
        slug="train-and-develop",
        title="Train and develop everyone",
        seed_text=(
            "Train and develop members, allies, and partners so that everyone "
            "understands what co-production is and how to make it happen."
        ),
        plain=(
            "We give training to members, allies and partners. "
            "Then everyone knows what co-production is. "
            "Everyone knows how to make it happen."
        ),
    ),
    Step(
        number=6,
        slug="review-and-report-back",
        title="Review and report back",
        seed_text="Regularly review and report back on progress.",
        plain=("We often check how things are going. We tell everyone what we find."),
    ),
)


_VALUES_BY_NUMBER: dict[int, Value] = {v.number: v for v in VALUES}
_STEPS_BY_NUMBER: dict[int, Step] = {s.number: s for s in STEPS}


def value(number: int) -> Value:
    """Return value ``number`` (1-5). Raise ``KeyError`` (a ``LookupError``) if unknown."""
    try:
        return _VALUES_BY_NUMBER[number]
    except KeyError:
        raise KeyError(f"No value numbered {number!r}; values are numbered 1-5.") from None


def step(number: int) -> Step:
    """Return step ``number`` (1-6). Raise ``KeyError`` (a ``LookupError``) if unknown."""
    try:
        return _STEPS_BY_NUMBER[number]
    except KeyError:
        raise KeyError(f"No step numbered {number!r}; steps are numbered 1-6.") from None
