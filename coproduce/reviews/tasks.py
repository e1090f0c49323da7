"""The daily review sweep, run by the background worker.

``sweep_reviews`` with ``repeat=True`` plans its own next run for the next morning before it finishes,
so one queued run keeps a daily sweep going. ``manage.py schedule_reviews`` queues that first run (and
does nothing if one is already waiting), so it is safe to call at every start-up.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from coproduce.reviews.services import schedule_reviews

DAILY_AT = time(6, 0)


def is_daily_sweep_waiting() -> bool:
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__endswith=".sweep_reviews",
        args_kwargs__kwargs__repeat=True,
    ).exists()


def next_morning(now: datetime) -> datetime:
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, DAILY_AT))


def schedule_daily_sweep(now: datetime | None = None) -> bool:
    """Queue the next daily sweep unless one is waiting. Returns whether it queued one."""
    if is_daily_sweep_waiting():
        return False
    sweep_reviews.using(run_after=next_morning(now or timezone.now())).enqueue(repeat=True)
    return True


@task()
def sweep_reviews(*, repeat: bool = False) -> int:
    """Create the reviews that are due (quarterly, end of stage, annual); how many were created."""
    created = schedule_reviews().total
    if repeat:
        schedule_daily_sweep()
    return created
