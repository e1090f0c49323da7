"""The indicators of how well we live up to the five values and six steps, each defined once.

An ``Indicator`` has a key, a name, a plain-language meaning, the values and steps it evidences, how
it is computed (a function of ``aggregates``), a target share and a direction. ``IndicatorValue``
rows store the figures for each quarter; the dashboard reads those.
"""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from coproduce.analytics import conf
from coproduce.analytics.indicators.aggregates import (
    Counts,
    charter_signed,
    claims_paid_in_time,
    contributions_answered,
    decisions_joint,
    early_involvement,
    felt_listened_to,
    groups_represented,
    moves_with_people_involved,
    participants_thanked,
    rung_reached,
    training_coverage,
)
from coproduce.analytics.indicators.quarters import Quarter
from coproduce.projects.models import Project


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return "Higher is better" if self == Direction.HIGHER else "Lower is better"


NOT_WORKED_OUT = "Not worked out yet"


class Status(StrEnum):
    """How an indicator stands against its target in the quarter shown."""

    MET = "met"
    NOT_MET = "not_met"
    TOO_FEW = "too_few"
    NOTHING = "nothing"
    NOT_WORKED_OUT = "not_worked_out"

    @property
    def words(self) -> str:
        return STATUS_WORDS[self]

    @property
    def tag(self) -> str:
        """The GOV.UK tag's colour: the tag's words say it too, so colour is never the only sign."""
        return {Status.MET: "govuk-tag--green", Status.NOT_MET: "govuk-tag--red"}.get(self, "govuk-tag--grey")


STATUS_WORDS = {
    Status.MET: "Met",
    Status.NOT_MET: "Not met",
    Status.TOO_FEW: "Not enough answers yet",
    Status.NOTHING: "Nothing to count yet",
    Status.NOT_WORKED_OUT: NOT_WORKED_OUT,
}
VERDICTS = {
    Status.MET: "Met the target",
    Status.NOT_MET: "Did not meet the target",
    Status.TOO_FEW: "Not enough answers yet: the numbers are too small to show",
    Status.NOTHING: "Nothing to count in this period",
    Status.NOT_WORKED_OUT: NOT_WORKED_OUT,
}


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    meaning: str  # what it tells us, in plain language
    counts: str  # what the numerator and denominator count ("evidence")
    values: tuple[int, ...]  # numbers of the five values it evidences
    steps: tuple[int, ...]  # numbers of the six steps it evidences
    compute: Callable[[Quarter, Project | None], Counts]
    evidence_url_name: str  # the page behind the figure
    direction: Direction = Direction.HIGHER

    @property
    def target(self) -> float:
        return conf.indicator_target(self.key)

    def meets(self, numerator: int, denominator: int) -> bool | None:
        """Whether the share met the target; None when there is nothing to judge."""
        if denominator == 0:
            return None
        share = numerator / denominator
        return share >= self.target if self.direction == Direction.HIGHER else share <= self.target


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        key="charter_signed",
        name="People who signed the charter",
        meaning="Members, carers, allies and partners who have signed our co-production charter.",
        counts="People with a record (not staff) who signed the current charter, out of all of them.",
        values=(1,),
        steps=(1,),
        compute=charter_signed,
        evidence_url_name="learning:coverage",
    ),
    Indicator(
        key="groups_represented",
        name="Groups not under-represented",
        meaning="How many equality groups take part at least as much as in the population around us.",
        counts=(
            "Equality groups (such as age, sex or ethnic group) compared with Census figures, out of all "
            "groups we could compare. Groups too small to judge are left out."
        ),
        values=(),
        steps=(2,),
        compute=groups_represented,
        evidence_url_name="analytics:representation",
    ),
    Indicator(
        key="contributions_answered",
        name="Contributions answered within 28 days",
        meaning="When people tell us something, we answer them quickly.",
        counts="Contributions recorded in the period that had an answer within the response days, out of all of them.",
        values=(5,),
        steps=(3,),
        compute=contributions_answered,
        evidence_url_name="contributions:overdue",
    ),
    Indicator(
        key="participants_thanked",
        name="People thanked within 14 days",
        meaning="Everyone who takes part is thanked soon afterwards.",
        counts=(
            "People who took part in an activity and were thanked within the thank-you days, out of everyone "
            "whose thank-you time ran out in the period."
        ),
        values=(5,),
        steps=(3,),
        compute=participants_thanked,
        evidence_url_name="contributions:overdue",
    ),
    Indicator(
        key="claims_paid_in_time",
        name="Claims paid on time",
        meaning="People are paid quickly for their time and expenses.",
        counts="Claims sent in the period and paid within the payment days, out of those paid or now late.",
        values=(5,),
        steps=(3,),
        compute=claims_paid_in_time,
        evidence_url_name="payments:claims",
    ),
    Indicator(
        key="early_involvement",
        name="Projects that involved people early",
        meaning="Members and carers are involved from the start, at the idea or design stage.",
        counts=(
            "Projects where members or carers first took part at the idea or design stage, out of projects "
            "where they have taken part at all."
        ),
        values=(3,),
        steps=(4,),
        compute=early_involvement,
        evidence_url_name="projects:list",
    ),
    Indicator(
        key="moves_with_people_involved",
        name="Stage moves with people involved",
        meaning="A project moves on once members or carers have taken part in the stage it is leaving.",
        counts=(
            "Projects moved on to their next stage in the period after members or carers took part in the stage "
            "they left, out of all moves. A move without them needs a written reason, shown on the project page."
        ),
        values=(3,),
        steps=(4,),
        compute=moves_with_people_involved,
        evidence_url_name="projects:list",
    ),
    Indicator(
        key="rung_reached",
        name="Activities at the planned level",
        meaning="Activities reach the level of co-production we planned on the ladder.",
        counts=(
            "Activities held in the period, with people taking part, whose ladder rung was at least the rung "
            "planned for that stage of the project, out of all such activities."
        ),
        values=(3,),
        steps=(4,),
        compute=rung_reached,
        evidence_url_name="projects:list",
    ),
    Indicator(
        key="training_coverage",
        name="People trained",
        meaning="Everyone can learn about co-production.",
        counts=(
            "People with a record who had completed at least one course by the end of the period, out of all of them."
        ),
        values=(),
        steps=(5,),
        compute=training_coverage,
        evidence_url_name="learning:coverage",
    ),
    Indicator(
        key="decisions_joint",
        name="Decisions made together",
        meaning="Decisions are made together with members, not by staff alone.",
        counts="Decisions published in the period that were made jointly, out of all decisions published.",
        values=(3,),
        steps=(),
        compute=decisions_joint,
        evidence_url_name="decisions:register",
    ),
    Indicator(
        key="felt_listened_to",
        name="People who felt listened to",
        meaning="People say they felt listened to when they took part.",
        counts=(
            'Survey answers of "Agree" or "Strongly agree" to "I felt listened to", out of everyone who answered it.'
        ),
        values=(4, 5),
        steps=(),
        compute=felt_listened_to,
        evidence_url_name="surveys:manage",
    ),
)

BY_KEY: dict[str, Indicator] = {indicator.key: indicator for indicator in INDICATORS}


def indicator(key: str) -> Indicator:
    return BY_KEY[key]
