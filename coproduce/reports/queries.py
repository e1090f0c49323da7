"""The progress report (GRIPP2 short form), filled from the records with database aggregates.

Every count about people goes through ``analytics.disclosure`` before it is shown; counts of
activities are about events, not people, and are shown as they are. No query here loads rows to count
them, and the number of queries does not grow with the records.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from coproduce.analytics.conf import disclosure_mode
from coproduce.analytics.disclosure import NOTE, Cell, Mode, Table, percentage, protect_breakdown, protect_count
from coproduce.contributions.models import Contribution, Outcome
from coproduce.contributions.queries import answered_within_share, with_current_response
from coproduce.decisions.choices import JOINT_METHODS, DecisionMethod, DecisionStatus
from coproduce.decisions.models import Decision
from coproduce.decisions.queries import PowerSharing, power_sharing
from coproduce.involvement.choices import ActivityKind
from coproduce.involvement.models import Activity, Attendance
from coproduce.model import LadderRung
from coproduce.payments.queries import timeliness
from coproduce.people.models import Person, PersonKind
from coproduce.projects.models import Project, ProjectRole, StageChange
from coproduce.reports.models import ReportNarrative, YouSaidWeDidPage
from coproduce.reports.periods import Period
from coproduce.surveys.choices import AGREEING, Answer, Item
from coproduce.surveys.models import SurveyAnswer

LEAD_ROLES = (ProjectRole.STAFF_LEAD, ProjectRole.CO_LEAD)
NO_ANSWER_YET = "No answer yet"


def mode() -> Mode:
    return Mode(disclosure_mode())


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class Breakdown:
    """A published breakdown: each row's value is a safe count or ``[c]``."""

    rows: list[Row]
    total: str
    suppressed: bool


@dataclass(frozen=True)
class SurveyLine:
    wording: str
    answered: str
    agreeing: str  # a safe percentage or [c]


@dataclass(frozen=True)
class Answered:
    """A contribution and what was done about it, with no name."""

    summary: str
    outcome: str
    explanation: str


@dataclass
class Report:
    period: Period
    project: Project | None
    aim: str
    activities_by_kind: list[Row]
    activities_total: int
    rungs: list[Row]
    people_by_kind: Breakdown
    contributions_by_outcome: Breakdown
    answered_in_time: str
    changed_things: str
    surveys: list[SurveyLine]
    claims_due: str
    claims_paid_in_time: str
    decisions_joint: str
    decisions_staff_only: str
    decisions_joint_share: str
    influence: str
    reflections: str
    stages: list[Row] = field(default_factory=list)
    answered: list[Answered] = field(default_factory=list)
    power_sharing: PowerSharing | None = None

    @property
    def title(self) -> str:
        name = self.project.title if self.project is not None else "the organisation"
        return f"Progress report for {name}"

    @property
    def has_suppressed(self) -> bool:
        cells = [
            *(row.value for row in self.people_by_kind.rows),
            self.people_by_kind.total,
            *(row.value for row in self.contributions_by_outcome.rows),
            self.contributions_by_outcome.total,
            self.answered_in_time,
            self.changed_things,
            *(line.answered for line in self.surveys),
            *(line.agreeing for line in self.surveys),
            self.claims_due,
            self.claims_paid_in_time,
            self.decisions_joint,
            self.decisions_staff_only,
            self.decisions_joint_share,
        ]
        return any(value == "[c]" for value in cells)

    @property
    def note(self) -> str:
        return NOTE if self.has_suppressed else ""

    @property
    def not_adopted(self) -> list[Answered]:
        return [line for line in self.answered if line.outcome == Outcome.NOT_ADOPTED.label]


def _breakdown(labels: list[str], counts: list[int]) -> Breakdown:
    table: Table = protect_breakdown(counts, mode())
    rows = [Row(label, str(cell)) for label, cell in zip(labels, table.cells[0], strict=True)]
    return Breakdown(rows=rows, total=str(table.total), suppressed=table.has_suppressed)


def _in(queryset: QuerySet, project: Project | None, path: str) -> QuerySet:
    return queryset.filter(**{path: project}) if project is not None else queryset


def _activities(period: Period, project: Project | None) -> QuerySet[Activity]:
    return _in(Activity.objects.filter(starts_at__gte=period.since, starts_at__lt=period.until), project, "project")


def _contributions(period: Period, project: Project | None) -> QuerySet[Contribution]:
    return _in(
        Contribution.objects.filter(recorded_at__gte=period.since, recorded_at__lt=period.until), project, "project"
    )


def _counts(queryset: QuerySet, key: str) -> dict[str, int]:
    return {row[key]: row["n"] for row in queryset.values(key).annotate(n=Count("pk")).order_by()}


def narrative_for(period: Period, project: Project | None) -> ReportNarrative | None:
    return ReportNarrative.objects.filter(project=project, period_start=period.start, period_end=period.end).first()


def build_report(period: Period, project: Project | None = None) -> Report:
    """The GRIPP2 short-form report for ``period``: the organisation's, or ``project``'s."""
    activities = _activities(period, project)
    by_kind = _counts(activities, "kind")
    by_rung = _counts(activities, "planned_rung")

    attendances = _in(
        Attendance.objects.filter(activity__starts_at__gte=period.since, activity__starts_at__lt=period.until),
        project,
        "activity__project",
    )
    people = _counts(Person.objects.filter(pk__in=attendances.values("person_id")), "kind")
    kinds = [kind for kind in PersonKind if kind != PersonKind.STAFF]

    contributions = _contributions(period, project)
    outcomes = {
        (row["current_outcome"] or ""): row["n"]
        for row in with_current_response(contributions)
        .values("current_outcome")  # type: ignore[misc]
        .annotate(n=Count("pk"))
        .order_by()
    }
    outcome_labels = [*(outcome.label for outcome in Outcome), NO_ANSWER_YET]
    outcome_counts = [*(outcomes.get(outcome.value, 0) for outcome in Outcome), outcomes.get("", 0)]
    contributions_table = _breakdown(outcome_labels, outcome_counts)

    answered, due = answered_within_share(period.start, period.end, project)
    answered_in_time = percentage(protect_count(answered, mode()), protect_count(due, mode()))
    decided = outcomes.get(Outcome.ADOPTED.value, 0) + outcomes.get(Outcome.PARTLY_ADOPTED.value, 0)
    decided_all = decided + outcomes.get(Outcome.NOT_ADOPTED.value, 0)
    changed_things = percentage(protect_count(decided, mode()), protect_count(decided_all, mode()))

    surveys = _survey_lines(period, project)

    claims = timeliness(period.since, period.until, project)
    claims_due = protect_count(claims.judged, mode())
    claims_paid_in_time = percentage(protect_count(claims.in_time, mode()), claims_due)

    decisions = _in(
        Decision.objects.filter(
            status=DecisionStatus.PUBLISHED, published_at__gte=period.since, published_at__lt=period.until
        ),
        project,
        "project",
    ).aggregate(
        joint=Count("pk", filter=Q(method__in=JOINT_METHODS)),
        staff_only=Count("pk", filter=Q(method=DecisionMethod.STAFF_ONLY)),
    )
    # Decisions are not people: shown as they are.
    decisions_total = decisions["joint"] + decisions["staff_only"]
    joint_share = f"{100 * decisions['joint'] / decisions_total:.0f}%" if decisions_total else "No decisions"

    narrative = narrative_for(period, project)
    aim = (narrative.aim if narrative else "") or (project.summary if project is not None else "")
    report = Report(
        period=period,
        project=project,
        aim=aim,
        activities_by_kind=[Row(kind.label, str(by_kind.get(kind.value, 0))) for kind in ActivityKind],
        activities_total=sum(by_kind.values()),
        rungs=[Row(rung.label, str(by_rung.get(rung.value, 0))) for rung in LadderRung],
        people_by_kind=_breakdown([kind.label for kind in kinds], [people.get(kind.value, 0) for kind in kinds]),
        contributions_by_outcome=contributions_table,
        answered_in_time=answered_in_time,
        changed_things=changed_things,
        surveys=surveys,
        claims_due=str(claims_due),
        claims_paid_in_time=claims_paid_in_time,
        decisions_joint=str(decisions["joint"]),
        decisions_staff_only=str(decisions["staff_only"]),
        decisions_joint_share=joint_share,
        influence=narrative.influence if narrative else "",
        reflections=narrative.reflections if narrative else "",
    )
    if project is not None:
        report.stages = [
            Row(change.get_to_stage_display(), f"{change.changed_at:%d %B %Y}")
            for change in StageChange.objects.filter(project=project).order_by("changed_at", "id")
        ]
        report.answered = answered_in(period, project)
        report.power_sharing = power_sharing(project)
    return report


def _survey_lines(period: Period, project: Project | None) -> list[SurveyLine]:
    answers = _in(
        SurveyAnswer.objects.filter(answered_on__gte=period.start, answered_on__lte=period.end),
        project,
        "round__project",
    )
    aggregates = {}
    for item in Item:
        aggregates[f"{item.value}_agreeing"] = Count("pk", filter=Q(**{f"{item.value}__in": AGREEING}))
        aggregates[f"{item.value}_answered"] = Count("pk", filter=~Q(**{item.value: Answer.PREFER_NOT}))
    result = answers.aggregate(**aggregates)
    lines = []
    for item in Item:
        answered_cell: Cell = protect_count(result[f"{item.value}_answered"], mode())
        agreeing = percentage(protect_count(result[f"{item.value}_agreeing"], mode()), answered_cell)
        lines.append(SurveyLine(wording=item.label, answered=str(answered_cell), agreeing=agreeing))
    return lines


def answered_in(period: Period, project: Project) -> list[Answered]:
    """Contributions to ``project`` recorded in the period with a decided answer: no names."""
    contributions = (
        with_current_response(_contributions(period, project))
        .filter(Q(current_outcome__in=[Outcome.ADOPTED, Outcome.PARTLY_ADOPTED, Outcome.NOT_ADOPTED]))
        .order_by("recorded_at", "id")
        .values("summary", "current_outcome", "current_explanation")  # type: ignore[misc]
    )
    return [
        Answered(
            summary=row["summary"],
            outcome=Outcome(row["current_outcome"]).label,
            explanation=row["current_explanation"] or "",
        )
        for row in contributions
    ]


def page_for(project: Project) -> YouSaidWeDidPage | None:
    return YouSaidWeDidPage.objects.filter(project=project).select_related("published_by__person").first()


def contributors_in(period: Period) -> QuerySet[Person]:
    """People with at least one contribution recorded in the period (they get a digest)."""
    return Person.objects.filter(
        pk__in=Contribution.objects.filter(recorded_at__gte=period.since, recorded_at__lt=period.until).values(
            "person_id"
        ),
        anonymised_at__isnull=True,
    ).order_by("pk")


def digest_lines(person: Person, period: Period) -> list[dict[str, str]]:
    """A person's own contributions in the period and what happened to each (for their digest)."""
    contributions = (
        with_current_response(
            Contribution.objects.filter(person=person, recorded_at__gte=period.since, recorded_at__lt=period.until)
        )
        .select_related("project")
        .order_by("recorded_at", "id")
    )
    lines = []
    for contribution in contributions:
        outcome = contribution.current_outcome  # type: ignore[attr-defined]
        lines.append(
            {
                "project": contribution.project.title,
                "summary": contribution.summary,
                "outcome": Outcome(outcome).label if outcome else NO_ANSWER_YET,
                "outcome_value": outcome or "",
                "explanation": contribution.current_explanation or "",  # type: ignore[attr-defined]
            }
        )
    return lines
