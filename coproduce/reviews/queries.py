"""Reads for the review pages: the list, and everything a review brings together, in a fixed number of queries.

Every number about people goes through ``coproduce.analytics.disclosure`` before it reaches a page.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from coproduce.accounts.models import STAFF_ROLES, User
from coproduce.accounts.permissions import is_data_lead
from coproduce.analytics.disclosure import NOTE, Cell, Table, percentage, protect_count, protect_table
from coproduce.analytics.queries import Gap, Period, gaps_without_action
from coproduce.contributions.conf import response_days
from coproduce.contributions.queries import waiting_for_answers
from coproduce.model import LADDER, LadderRung
from coproduce.payments.queries import timeliness
from coproduce.people.models import Person
from coproduce.projects.models import Membership, ProjectRole
from coproduce.reviews import conf
from coproduce.reviews.choices import CUBE, SCALE, ReviewStatus, Side
from coproduce.reviews.models import Participant, Review, SelfAssessment, StandardRating
from coproduce.reviews.permissions import can_manage_reviews
from coproduce.surveys.choices import AGREEING, Answer, Item
from coproduce.surveys.models import SurveyAnswer

RUNG_ORDER: tuple[LadderRung, ...] = tuple(rung.rung for rung in LADDER)


def reviews_for(user: User) -> QuerySet[Review]:
    """Open reviews first, soonest due first. Coordinators, admins and the data lead see every review;
    everyone else sees the reviews of the projects they belong to, and the open annual review if they
    belong to a project. ``leads`` and ``answered`` say what each person may do with each review."""
    is_lead = Membership.objects.filter(
        project_id=OuterRef("project_id"), person__user=user, role__in=(ProjectRole.CO_LEAD, ProjectRole.STAFF_LEAD)
    )
    answered = SelfAssessment.objects.filter(participant__review=OuterRef("pk"), participant__person__user=user)
    reviews = Review.objects.select_related("project").annotate(
        taking_part=Count("participants", distinct=True), leads=Exists(is_lead), answered=Exists(answered)
    )
    if not (can_manage_reviews(user) or is_data_lead(user)):
        belongs = Membership.objects.filter(project_id=OuterRef("project_id"), person__user=user)
        in_a_project = Membership.objects.filter(person__user=user).exists()
        annual = Q(project__isnull=True, status=ReviewStatus.OPEN) if in_a_project else Q(pk__in=[])
        reviews = reviews.filter(Q(Exists(belongs)) | annual)
    return reviews.order_by("-status", "due_on", "id")  # "open" sorts after "closed": descending puts it first


def period_of(review: Review) -> Period:
    """The review's dates as the analytics period: from the start of its first day to the end of its last."""
    return Period(
        timezone.make_aware(datetime.combine(review.period_start, time.min)),
        timezone.make_aware(datetime.combine(review.period_end + timedelta(days=1), time.min)),
    )


def participants(review: Review) -> list[Participant]:
    return list(review.participants.select_related("person", "assessment").order_by("side", "person__full_name", "id"))


def has_member_side(review: Review) -> bool:
    return review.participants.filter(side=Side.MEMBER).exists()


def people_who_may_take_part(review: Review) -> QuerySet[Person]:
    """People who may take part and have not given a self-assessment: the phone form's choices."""
    if review.project_id is not None:
        people = Person.objects.filter(memberships__project_id=review.project_id)
    else:
        people = Person.objects.filter(Q(memberships__isnull=False) | Q(user__role__in=STAFF_ROLES))
    answered = SelfAssessment.objects.filter(participant__review=review, participant__person=OuterRef("pk"))
    return people.exclude(Exists(answered)).distinct().order_by("full_name", "id")


def has_taken_part(review: Review, user: User) -> bool:
    return SelfAssessment.objects.filter(participant__review=review, participant__person__user=user).exists()


# --- The ladder self-assessment: member side against staff side --------------------------------------


def median_rank(counts: list[int]) -> float | None:
    """The median position on the ladder (0 = lowest rung) of answers counted by rung, or None if none."""
    total = sum(counts)
    if total == 0:
        return None
    ranks = [rank for rank, count in enumerate(counts) for _ in range(count)]
    middle = total // 2
    return float(ranks[middle]) if total % 2 else (ranks[middle - 1] + ranks[middle]) / 2


def rank_words(rank: float) -> str:
    """A median rank in words: a rung, or "between" two rungs when an even number of answers split."""
    if rank == int(rank):
        return RUNG_ORDER[int(rank)].label
    return f"between {RUNG_ORDER[int(rank)].label} and {RUNG_ORDER[int(rank) + 1].label}"


@dataclass(frozen=True)
class LadderGap:
    member_median: str  # in words, or "No answers yet"
    staff_median: str
    rungs_apart: float | None
    flagged: bool


@dataclass(frozen=True)
class SideRow:
    side: str
    cells: tuple[Cell, ...]
    total: Cell


def side_rows(table: Table) -> tuple[SideRow, ...]:
    """A member side and staff side table's rows, each with its label and total, for a page."""
    return tuple(
        SideRow(label, cells, total)
        for label, cells, total in zip(
            (Side.MEMBER.label, Side.STAFF.label), table.cells, table.row_totals, strict=True
        )
    )


@dataclass(frozen=True)
class CubeResult:
    question: str
    low: str
    high: str
    table: Table  # rows: member side, staff side; columns: 1 to 5

    @property
    def rows(self) -> tuple[SideRow, ...]:
        return side_rows(self.table)


@dataclass(frozen=True)
class SelfAssessments:
    rungs: Table  # rows: member side, staff side; columns: the rungs, lowest first
    rung_labels: tuple[str, ...]
    gap: LadderGap
    cube: tuple[CubeResult, ...]

    @property
    def rung_rows(self) -> tuple[SideRow, ...]:
        return side_rows(self.rungs)

    @property
    def has_suppressed(self) -> bool:
        return self.rungs.has_suppressed or any(result.table.has_suppressed for result in self.cube)


def ladder_gap(member_counts: list[int], staff_counts: list[int], gap_rungs: int) -> LadderGap:
    member, staff = median_rank(member_counts), median_rank(staff_counts)
    apart = abs(member - staff) if member is not None and staff is not None else None
    return LadderGap(
        member_median=rank_words(member) if member is not None else "No answers yet",
        staff_median=rank_words(staff) if staff is not None else "No answers yet",
        rungs_apart=apart,
        flagged=apart is not None and apart >= gap_rungs,
    )


def self_assessments(review: Review) -> SelfAssessments:
    """The ladder and Cube answers of each side, counted in one aggregate query."""
    sides = (Side.MEMBER, Side.STAFF)
    aggregates = {
        f"{side}__rung__{rung.value}": Count("pk", filter=Q(participant__side=side, rung=rung.value))
        for side in sides
        for rung in RUNG_ORDER
    }
    for question in CUBE:
        for side in sides:
            for point in SCALE:
                aggregates[f"{side}__{question.field}__{point}"] = Count(
                    "pk", filter=Q(participant__side=side, **{question.field: point})
                )
    counts = SelfAssessment.objects.filter(participant__review=review).aggregate(**aggregates)
    rung_grid = [[counts[f"{side}__rung__{rung.value}"] for rung in RUNG_ORDER] for side in sides]
    cube = tuple(
        CubeResult(
            question=question.question,
            low=question.low,
            high=question.high,
            table=protect_table([[counts[f"{side}__{question.field}__{point}"] for point in SCALE] for side in sides]),
        )
        for question in CUBE
    )
    return SelfAssessments(
        rungs=protect_table(rung_grid),
        rung_labels=tuple(rung.label for rung in RUNG_ORDER),
        gap=ladder_gap(rung_grid[0], rung_grid[1], conf.gap_rungs()),
        cube=cube,
    )


# --- What else the review brings together ------------------------------------------------------------


@dataclass(frozen=True)
class Share:
    label: str
    numerator: Cell
    denominator: Cell
    percent: str  # safe to publish, or [c]


def _share(label: str, numerator: int, denominator: int) -> Share:
    top, bottom = protect_count(numerator), protect_count(denominator)
    return Share(label, top, bottom, percentage(top, bottom))


def survey_summary(review: Review) -> list[Share]:
    """For each survey item: how many answered (not "Prefer not to say") and how many agreed, in the period."""
    answers = SurveyAnswer.objects.filter(answered_on__gte=review.period_start, answered_on__lte=review.period_end)
    if review.project_id is not None:
        answers = answers.filter(round__project_id=review.project_id)
    aggregates = {}
    for item in Item.values:
        aggregates[f"{item}__agreeing"] = Count("pk", filter=Q(**{f"{item}__in": AGREEING}))
        aggregates[f"{item}__answered"] = Count("pk", filter=~Q(**{item: Answer.PREFER_NOT}))
    counts = answers.aggregate(**aggregates)
    return [_share(label, counts[f"{item}__agreeing"], counts[f"{item}__answered"]) for item, label in Item.choices]


@dataclass(frozen=True)
class Payments:
    paid_in_time: Share
    waiting_too_long: Cell
    days: int


def payment_timeliness(review: Review) -> Payments:
    """Claims sent in the period: how many were paid within the payment days, and how many still wait too long."""
    period = period_of(review)
    claims = timeliness(period.start, period.end, review.project)
    return Payments(
        paid_in_time=_share("Claims paid on time", claims.in_time, claims.judged),
        waiting_too_long=protect_count(claims.waiting),
        days=claims.days,
    )


@dataclass(frozen=True)
class Contributions:
    recorded: Cell
    unanswered: Cell
    overdue: Cell
    days: int


def contribution_answers(review: Review) -> Contributions:
    """Contributions recorded in the period: how many have no answer yet, and how many of those are overdue."""
    period = period_of(review)
    waiting = waiting_for_answers(period.start, period.end, review.project)
    return Contributions(
        recorded=protect_count(waiting.recorded),
        unanswered=protect_count(waiting.unanswered),
        overdue=protect_count(waiting.overdue),
        days=response_days(),
    )


def open_gaps(review: Review) -> list[Gap]:
    """Representation gaps in the review's period (and project) with no outreach action yet."""
    return gaps_without_action(period_of(review), review.project)


@dataclass(frozen=True)
class ReviewPage:
    participants: list[Participant]
    assessments: SelfAssessments
    survey: list[Share]
    payments: Payments
    contributions: Contributions
    gaps: list[Gap]
    ratings: list[StandardRating]
    note: str = NOTE

    @property
    def has_suppressed(self) -> bool:
        return (
            self.assessments.has_suppressed
            or any(share.percent == "[c]" or share.numerator.suppressed for share in self.survey)
            or self.payments.paid_in_time.numerator.suppressed
            or self.payments.paid_in_time.denominator.suppressed
            or self.payments.waiting_too_long.suppressed
            or self.contributions.recorded.suppressed
            or self.contributions.unanswered.suppressed
            or self.contributions.overdue.suppressed
        )


def review_page(review: Review) -> ReviewPage:
    return ReviewPage(
        participants=participants(review),
        assessments=self_assessments(review),
        survey=survey_summary(review),
        payments=payment_timeliness(review),
        contributions=contribution_answers(review),
        gaps=open_gaps(review),
        ratings=list(review.standard_ratings.select_related("rated_by__person")) if review.is_annual else [],
    )
