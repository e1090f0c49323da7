"""Reads for the survey pages and for the dashboard, with database aggregates only."""

from dataclasses import dataclass
from datetime import date, datetime

from django.db import models
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone

from coproduce.analytics.disclosure import Cell, Table, percentage, protect_breakdown
from coproduce.dates import months_before
from coproduce.decisions.models import GroupMember, ProjectGroup
from coproduce.involvement.models import Activity, Attendance
from coproduce.people.models import Person
from coproduce.surveys.choices import AGREEING, Answer, Item
from coproduce.surveys.models import SurveyAnswer, SurveyCompletion, SurveyRound


def activities_due_a_round(now: datetime | None = None) -> models.QuerySet[Activity]:
    """Activities that have ended, have attendance recorded, and have no survey round yet."""
    return (
        Activity.objects.filter(ends_at__lte=now or timezone.now(), survey_round__isnull=True)
        .filter(Exists(Attendance.objects.filter(activity=OuterRef("pk"))))
        .select_related("project")
        .annotate(attended=Count("attendances", distinct=True))
        .order_by("-ends_at", "id")
    )


def groups_due_a_round(months: int, now: datetime | None = None) -> models.QuerySet[ProjectGroup]:
    """Groups with members whose last survey opened more than ``months`` months ago, or never."""
    since = months_before(now or timezone.now(), months)
    return (
        ProjectGroup.objects.filter(Exists(GroupMember.objects.filter(group=OuterRef("pk"))))
        .annotate(last_round=Max("survey_rounds__opens_at"))
        .filter(Q(last_round__isnull=True) | Q(last_round__lte=since))
        .select_related("project")
        .order_by("project__title", "name", "id")
    )


def rounds_with_counts() -> models.QuerySet[SurveyRound]:
    return SurveyRound.objects.select_related("project", "activity", "group").annotate(
        answered=Count("completions", distinct=True)
    )


def open_rounds_for(person: Person | None, now: datetime | None = None) -> models.QuerySet[SurveyRound]:
    """Open rounds the person took part in and has not answered yet."""
    if person is None:
        return SurveyRound.objects.none()
    moment = now or timezone.now()
    return (
        SurveyRound.objects.filter(opens_at__lte=moment, closes_at__gt=moment)
        .filter(
            Q(Exists(Attendance.objects.filter(activity=OuterRef("activity_id"), person=person)))
            | Q(Exists(GroupMember.objects.filter(group=OuterRef("group_id"), person=person)))
        )
        .exclude(Exists(SurveyCompletion.objects.filter(round=OuterRef("pk"), person=person)))
        .select_related("activity", "group", "project")
        .order_by("closes_at", "id")
    )


def has_answered(survey_round: SurveyRound, person: Person | None) -> bool:
    return person is not None and SurveyCompletion.objects.filter(round=survey_round, person=person).exists()


def people_who_may_answer(survey_round: SurveyRound) -> models.QuerySet[Person]:
    """People who took part and have not answered yet: the phone form's choices."""
    if survey_round.activity_id is not None:
        took_part = Q(attendances__activity_id=survey_round.activity_id)
    else:
        took_part = Q(group_seats__group_id=survey_round.group_id)
    return (
        Person.objects.filter(took_part)
        .exclude(Exists(SurveyCompletion.objects.filter(round=survey_round, person=OuterRef("pk"))))
        .distinct()
        .order_by("full_name", "id")
    )


def _counts(answers: models.QuerySet[SurveyAnswer]) -> dict[str, int]:
    """Counts of every item and answer in one query: keys like ``listened__agree``."""
    return answers.aggregate(
        **{
            f"{item}__{answer}": Count("pk", filter=Q(**{item: answer}))
            for item in Item.values
            for answer in Answer.values
        }
    )


def agreement_share(item: str, start: date, end: date) -> tuple[int, int]:
    """(agreeing, answered) for ``item`` across answers given from ``start`` to ``end`` inclusive.

    Agreeing is "Strongly agree" or "Agree"; answered leaves out "Prefer not to say". Not protected:
    pass the figures through disclosure control before publishing them.
    """
    if item not in Item.values:
        raise ValueError(f"Unknown survey item {item!r}.")
    result = SurveyAnswer.objects.filter(answered_on__gte=start, answered_on__lte=end).aggregate(
        agreeing=Count("pk", filter=Q(**{f"{item}__in": AGREEING})),
        answered=Count("pk", filter=~Q(**{item: Answer.PREFER_NOT})),
    )
    return result["agreeing"], result["answered"]


def round_agreement(survey_round: SurveyRound, item: str) -> tuple[int, int]:
    """(agreeing, answered) for one item in one round (for the alert)."""
    result = SurveyAnswer.objects.filter(round=survey_round).aggregate(
        agreeing=Count("pk", filter=Q(**{f"{item}__in": AGREEING})),
        answered=Count("pk", filter=~Q(**{item: Answer.PREFER_NOT})),
    )
    return result["agreeing"], result["answered"]


@dataclass(frozen=True)
class ItemSummary:
    item: str
    wording: str
    table: Table
    agreeing: str  # a safe percentage, or [c]

    @property
    def cells(self) -> tuple[Cell, ...]:
        return self.table.cells[0]

    @property
    def total(self) -> Cell:
        return self.table.total


def summary(survey_round: SurveyRound) -> list[ItemSummary]:
    """Each item's answers through disclosure control, and the share agreeing.

    The share is published only when it reveals nothing the table hides: its numerator is the sum of
    the two agreeing cells (so both must be shown) and its denominator the total less "Prefer not to
    say" (so both must be shown), and ``percentage`` refuses denominators below 10.
    """
    counts = _counts(SurveyAnswer.objects.filter(round=survey_round))
    answers = list(Answer.values)
    result = []
    for item, wording in Item.choices:
        row = [counts[f"{item}__{answer}"] for answer in answers]
        table = protect_breakdown(row)
        cells = table.cells[0]
        shown = {answer: cells[index] for index, answer in enumerate(answers)}
        agree_cells = [shown[answer] for answer in AGREEING]
        numerator = Cell(
            None if any(cell.count is None for cell in agree_cells) else sum(cell.count or 0 for cell in agree_cells)
        )
        prefer_not = shown[Answer.PREFER_NOT]
        denominator = Cell(
            None if prefer_not.count is None or table.total.count is None else table.total.count - prefer_not.count
        )
        result.append(ItemSummary(item=item, wording=wording, table=table, agreeing=percentage(numerator, denominator)))
    return result
