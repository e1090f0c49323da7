from datetime import date, datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.model import Stage
from coproduce.projects.models import Lifecycle, Project, StageChange
from coproduce.reviews.choices import ReviewKind
from coproduce.reviews.models import Review
from coproduce.reviews.services import annual_period, schedule_reviews
from coproduce.tests.worker import run_worker

TODAY = date(2026, 11, 26)


def at(day: date) -> datetime:
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def test_the_sweep_creates_a_quarter_a_year_and_is_idempotent(bus_stops: Project) -> None:
    first = schedule_reviews(TODAY)
    assert (first.quarterly, first.stage_end, first.annual) == (1, 0, 1)
    again = schedule_reviews(TODAY)
    assert again.total == 0
    quarter = Review.objects.get(kind=ReviewKind.QUARTERLY)
    assert (quarter.project, quarter.period_start, quarter.period_end, quarter.due_on) == (
        bus_stops,
        date(2026, 8, 26),
        date(2026, 11, 25),
        date(2026, 12, 23),
    )
    annual = Review.objects.get(kind=ReviewKind.ANNUAL)
    assert annual.project is None
    assert (annual.period_start, annual.period_end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert Review.objects.count() == 2


def test_the_next_quarter_starts_the_day_after_the_last_one_ends(bus_stops: Project, settings) -> None:
    settings.COPRODUCE_REVIEW_MONTHS = 3
    schedule_reviews(TODAY)  # looks back over 26 August to 25 November
    assert schedule_reviews(date(2027, 2, 25)).quarterly == 0  # the next quarter has not ended yet
    assert schedule_reviews(date(2027, 2, 26)).quarterly == 1
    assert schedule_reviews(date(2027, 2, 27)).quarterly == 0
    latest = Review.objects.filter(kind=ReviewKind.QUARTERLY).order_by("-period_start").first()
    assert latest is not None
    assert (latest.period_start, latest.period_end) == (date(2026, 11, 26), date(2027, 2, 25))


def test_after_a_long_pause_the_review_looks_back_over_the_latest_months(bus_stops: Project) -> None:
    schedule_reviews(TODAY)
    assert schedule_reviews(date(2027, 9, 1)).quarterly == 1
    latest = Review.objects.filter(kind=ReviewKind.QUARTERLY).order_by("-period_start").first()
    assert latest is not None
    assert (latest.period_start, latest.period_end) == (date(2027, 6, 1), date(2027, 8, 31))


def test_projects_not_at_a_co_production_stage_get_no_regular_review(amina: User) -> None:
    Project.objects.create(title="Closed one", summary="Done.", stage=Lifecycle.CLOSED, created_by=amina)
    Project.objects.create(title="Just an idea", summary="Maybe.", stage=Lifecycle.IDEA, created_by=amina)
    assert schedule_reviews(TODAY).quarterly == 0


def test_a_stage_change_since_the_last_review_gives_one_end_of_stage_review(bus_stops: Project, amina: User) -> None:
    schedule_reviews(date(2026, 9, 1))
    Review.objects.filter(kind=ReviewKind.QUARTERLY).update(created_at=at(date(2026, 9, 1)))
    StageChange.objects.create(
        project=bus_stops, from_stage="", to_stage=Stage.DESIGN, changed_at=at(date(2026, 6, 1)), changed_by=amina
    )
    StageChange.objects.create(
        project=bus_stops,
        from_stage=Stage.DESIGN,
        to_stage=Stage.DEVELOPMENT,
        changed_at=at(date(2026, 10, 1)),
        changed_by=amina,
    )
    assert schedule_reviews(TODAY).stage_end == 1
    assert schedule_reviews(TODAY).stage_end == 0
    review = Review.objects.get(kind=ReviewKind.STAGE_END)
    assert review.stage == Stage.DESIGN
    assert (review.period_start, review.period_end) == (date(2026, 6, 1), date(2026, 10, 1))
    assert review.title == "End of design stage review: Step-free bus stops"


def test_a_stage_change_before_the_last_review_gives_none(bus_stops: Project, amina: User) -> None:
    StageChange.objects.create(
        project=bus_stops,
        from_stage=Stage.DESIGN,
        to_stage=Stage.DEVELOPMENT,
        changed_at=at(date(2026, 1, 10)),
        changed_by=amina,
    )
    schedule_reviews(TODAY)  # creates a stage end review for it, and the quarter
    StageChange.objects.create(
        project=bus_stops,
        from_stage=Stage.DEVELOPMENT,
        to_stage=Stage.IMPLEMENTATION,
        changed_at=at(date(2026, 1, 20)),
        changed_by=amina,
    )
    # The project was reviewed (today) after that change too, so nothing more.
    assert schedule_reviews(TODAY).stage_end == 0


@pytest.mark.parametrize(
    ("today", "month", "period"),
    [
        (date(2026, 4, 1), 4, (date(2025, 4, 1), date(2026, 3, 31))),
        (date(2026, 3, 31), 4, (date(2024, 4, 1), date(2025, 3, 31))),
        (date(2026, 1, 5), 1, (date(2025, 1, 1), date(2025, 12, 31))),
    ],
)
def test_the_annual_period_is_the_12_months_before_the_review_month(
    today: date, month: int, period: tuple[date, date], settings
) -> None:
    settings.COPRODUCE_ANNUAL_REVIEW_MONTH = month
    assert annual_period(today) == period


def test_the_database_refuses_a_second_annual_review_for_the_same_year(db) -> None:
    from django.db import IntegrityError

    fields = {"kind": ReviewKind.ANNUAL, "period_start": date(2025, 4, 1), "period_end": date(2026, 3, 31)}
    Review.objects.create(due_on=date(2026, 4, 29), **fields)
    with pytest.raises(IntegrityError):
        Review.objects.create(due_on=date(2026, 4, 30), **fields)


def test_the_database_refuses_a_second_review_of_the_same_quarter(bus_stops: Project) -> None:
    from django.db import IntegrityError

    fields = {"project": bus_stops, "kind": ReviewKind.QUARTERLY, "period_start": TODAY, "period_end": TODAY}
    Review.objects.create(due_on=TODAY, **fields)
    with pytest.raises(IntegrityError):
        Review.objects.create(due_on=TODAY, **fields)


def test_the_command_creates_due_reviews_and_plans_the_daily_sweep_once(bus_stops: Project, capsys) -> None:
    from django_tasks_db.models import DBTaskResult

    call_command("schedule_reviews")
    call_command("schedule_reviews")
    out = capsys.readouterr().out
    assert "Reviews created: 1 quarterly, 0 end of stage, 1 annual." in out
    assert "The daily review sweep was already planned." in out
    [planned] = DBTaskResult.objects.filter(task_path__endswith=".sweep_reviews")
    assert planned.args_kwargs["kwargs"] == {"repeat": True}
    assert timezone.localtime(planned.run_after).time() == time(6, 0)
    assert timezone.localdate(planned.run_after) == timezone.localdate() + timedelta(days=1)
    assert Review.objects.count() == 2


def test_the_daily_sweep_is_planned_for_six_the_next_morning_once(db) -> None:
    from django_tasks_db.models import DBTaskResult

    from coproduce.reviews.tasks import SWEEP, sweep_reviews

    assert not SWEEP.is_waiting()
    assert SWEEP.schedule(sweep_reviews, now=at(TODAY)) is True
    assert SWEEP.is_waiting()
    assert SWEEP.schedule(sweep_reviews, now=at(TODAY)) is False
    [planned] = DBTaskResult.objects.filter(task_path__endswith=".sweep_reviews")
    assert planned.run_after == timezone.make_aware(datetime(2026, 11, 27, 6, 0))


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_sweep(bus_stops: Project) -> None:
    from coproduce.reviews.tasks import sweep_reviews

    sweep_reviews.enqueue()
    run_worker()
    assert Review.objects.filter(project=bus_stops, kind=ReviewKind.QUARTERLY).count() == 1
