"""The indicators of how well we live up to the five values and six steps, each defined once.

An ``Indicator`` has a key, a name, a plain-language meaning, the values and steps it evidences, how
it is computed, a target share and a direction. ``compute(period, project)`` returns raw
``(numerator, denominator)`` counts, counted in the database (aggregates, never rows loaded into
Python). Nothing here is safe to publish as it stands: the dashboard passes every figure through
``disclosure`` first.

Periods are calendar quarters (``Quarter``): from the first day of the quarter to its last day, both
included. ``IndicatorValue`` rows store the figures for each quarter; the dashboard reads those.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.utils import timezone

from coproduce.analytics import conf
from coproduce.analytics.disclosure import SUPPRESSED
from coproduce.analytics.queries import Period, representation
from coproduce.contributions.queries import answered_within_share, thanked_within_share
from coproduce.decisions.choices import JOINT_METHODS, LIVED_EXPERIENCE_KINDS, DecisionMethod, DecisionStatus
from coproduce.decisions.models import Decision
from coproduce.involvement.models import Activity, Attendance
from coproduce.learning.models import Signature, TrainingRecord
from coproduce.model import STAGE_ORDER, LadderRung
from coproduce.payments.queries import timeliness
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Lifecycle, Membership, Project
from coproduce.surveys.choices import AGREEING, Answer
from coproduce.surveys.models import SurveyAnswer

Counts = tuple[int, int]


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"

    @property
    def label(self) -> str:
        return "Higher is better" if self == Direction.HIGHER else "Lower is better"


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: ``start`` and ``end`` are its first and last days."""

    start: date
    end: date

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = date(day.year, first_month, 1)
        next_start = date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
        return cls(start, next_start - timedelta(days=1))

    @classmethod
    def from_key(cls, key: str) -> "Quarter | None":
        """``2026-Q2`` -> April to June 2026; None if the key is not a quarter."""
        try:
            year, number = key.split("-Q")
            quarter = int(number)
            if not 1 <= quarter <= 4:
                return None
            return cls.containing(date(int(year), 3 * quarter - 2, 1))
        except ValueError:
            return None

    @property
    def key(self) -> str:
        return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"

    @property
    def label(self) -> str:
        return f"{self.start:%B} to {self.end:%B %Y}"

    @property
    def short_label(self) -> str:
        return f"{self.start:%b}–{self.end:%b %Y}"

    def previous(self) -> "Quarter":
        return Quarter.containing(self.start - timedelta(days=1))

    def since(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    def until(self) -> datetime:
        """The moment the quarter ends (the start of the next day)."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))


def current_quarter(today: date | None = None) -> Quarter:
    return Quarter.containing(today or timezone.localdate())


def last_quarters(count: int | None = None, *, ending: Quarter | None = None) -> list[Quarter]:
    """The ``count`` quarters up to and including ``ending`` (default: this quarter), oldest first."""
    quarter = ending or current_quarter()
    quarters = [quarter]
    for _ in range((count or conf.indicator_quarters()) - 1):
        quarters.append(quarters[-1].previous())
    return list(reversed(quarters))


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


# --- How each indicator is computed ---------------------------------------------------------------

# People the charter is for: members, carers, allies and partner representatives (staff sign by role).
CHARTER_KINDS = (PersonKind.MEMBER, PersonKind.CARER, PersonKind.ALLY, PersonKind.PARTNER_REPRESENTATIVE)


def _people(project: Project | None) -> QuerySet[Person]:
    people = Person.objects.current().filter(awaiting_confirmation=False)
    if project is not None:
        people = people.filter(pk__in=Membership.objects.filter(project=project).values("person_id"))
    return people


def charter_signed(period: Quarter, project: Project | None) -> Counts:
    """People (not staff) who have signed the current charter by the end of the period, of all of them."""
    signed = (
        Signature.objects.active()
        .personal()
        .of_current_version()
        .filter(person=OuterRef("pk"), signed_at__lt=period.until())
    )
    row = (
        _people(project)
        .filter(kind__in=CHARTER_KINDS)
        .aggregate(people=Count("pk"), signed=Count("pk", filter=Q(Exists(signed))))
    )
    return row["signed"], row["people"]


def groups_represented(period: Quarter, project: Project | None) -> Counts:
    """Equality groups compared with the reference population that are not under-represented.

    Uses the representation view's figures (counted in one aggregate query); groups whose counts
    are too small to judge are left out.
    """
    result = representation(Period(period.since(), period.until()), project)
    judged = [row for view in result.dimensions for row in view.rows if row.is_gap or row.verdict != SUPPRESSED]
    return sum(1 for row in judged if not row.is_gap), len(judged)


def contributions_answered(period: Quarter, project: Project | None) -> Counts:
    return answered_within_share(period.start, period.end, project)


def participants_thanked(period: Quarter, project: Project | None) -> Counts:
    return thanked_within_share(period.start, period.end, project)


def claims_paid_in_time(period: Quarter, project: Project | None) -> Counts:
    """Claims sent in the period and paid within the payment days, of those paid or whose time is up."""
    claims = timeliness(period.since(), period.until(), project)
    return claims.in_time, claims.judged


def early_involvement(period: Quarter, project: Project | None) -> Counts:
    """Projects whose first involvement of members or carers was at the idea or design stage, of the
    projects that had any by the end of the period."""
    lived = Attendance.objects.filter(
        activity__project=OuterRef("pk"),
        person__kind__in=LIVED_EXPERIENCE_KINDS,
        activity__starts_at__lt=period.until(),
    )
    early = lived.filter(activity__stage__in=[Lifecycle.IDEA, Lifecycle.DESIGN])
    projects = Project.objects.all() if project is None else Project.objects.filter(pk=project.pk)
    row = projects.filter(Exists(lived)).aggregate(projects=Count("pk"), early=Count("pk", filter=Q(Exists(early))))
    return row["early"], row["projects"]


def _rank(field: str) -> Case:
    return Case(
        *(When(**{field: rung.value}, then=Value(index)) for index, rung in enumerate(LadderRung)),
        default=Value(-1),
        output_field=IntegerField(),
    )


def _planned_rank() -> Case:
    """The rank of the rung the project's assessment planned for the activity's stage."""
    return Case(
        *(
            When(
                Q(stage=stage.value, **{f"project__assessment__planned_rung_{stage.value}": rung.value}),
                then=Value(index),
            )
            for stage in STAGE_ORDER
            for index, rung in enumerate(LadderRung)
        ),
        default=Value(-1),
        output_field=IntegerField(),
    )


def rung_reached(period: Quarter, project: Project | None) -> Counts:
    """Activities held in the period, with people taking part, whose rung reached the rung the
    project planned for that stage (projects with an opportunity assessment only)."""
    activities = Activity.objects.filter(
        starts_at__gte=period.since(),
        starts_at__lt=period.until(),
        stage__in=[stage.value for stage in STAGE_ORDER],
        project__assessment__isnull=False,
    ).filter(Exists(Attendance.objects.filter(activity=OuterRef("pk"))))
    if project is not None:
        activities = activities.filter(project=project)
    row = (
        activities.annotate(actual_rank=_rank("planned_rung"), planned_rank=_planned_rank())
        .filter(planned_rank__gte=0)
        .aggregate(
            activities=Count("pk"),
            reached=Count("pk", filter=Q(actual_rank__gte=F("planned_rank"))),
        )
    )
    return row["reached"], row["activities"]


def training_coverage(period: Quarter, project: Project | None) -> Counts:
    """People who had completed any course by the end of the period, of everyone with a record."""
    trained = TrainingRecord.objects.filter(person=OuterRef("pk"), completed_on__lte=period.end)
    row = _people(project).aggregate(people=Count("pk"), trained=Count("pk", filter=Q(Exists(trained))))
    return row["trained"], row["people"]


def decisions_joint(period: Quarter, project: Project | None) -> Counts:
    """Decisions published in the period that were made jointly, of those made jointly or by staff alone."""
    decisions = Decision.objects.filter(
        status=DecisionStatus.PUBLISHED,
        published_at__gte=period.since(),
        published_at__lt=period.until(),
        method__in=[*JOINT_METHODS, DecisionMethod.STAFF_ONLY],
    )
    if project is not None:
        decisions = decisions.filter(project=project)
    row = decisions.aggregate(decisions=Count("pk"), joint=Count("pk", filter=Q(method__in=JOINT_METHODS)))
    return row["joint"], row["decisions"]


def felt_listened_to(period: Quarter, project: Project | None) -> Counts:
    """Survey answers agreeing with "I felt listened to", of those who answered it (as
    ``surveys.queries.agreement_share``, with a project filter)."""
    answers = SurveyAnswer.objects.filter(answered_on__gte=period.start, answered_on__lte=period.end)
    if project is not None:
        answers = answers.filter(round__project=project)
    row = answers.aggregate(
        agreeing=Count("pk", filter=Q(listened__in=AGREEING)),
        answered=Count("pk", filter=~Q(listened=Answer.PREFER_NOT)),
    )
    return row["agreeing"], row["answered"]


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
