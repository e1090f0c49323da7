"""Background work for the dashboard, run by `manage.py db_worker`: working out the indicators.

How it runs regularly: ``refresh_indicators_task`` with ``repeat=True`` plans its own next run for
the next night before it finishes, so one queued run keeps a nightly refresh going.
``manage.py refresh_indicators --schedule`` queues that first run (and does nothing if one is already
waiting), so it is safe to call at every start-up. "Refresh now" on the dashboard queues a one-off run.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from coproduce.analytics.services import refresh_indicators

NIGHTLY_AT = time(2, 0)


def is_nightly_refresh_waiting() -> bool:
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__endswith=".refresh_indicators_task",
        args_kwargs__kwargs__repeat=True,
    ).exists()


def next_night(now: datetime) -> datetime:
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, NIGHTLY_AT))


def schedule_nightly_refresh(now: datetime | None = None) -> bool:
    """Queue the next nightly refresh unless one is waiting. Returns whether it queued one."""
    if is_nightly_refresh_waiting():
        return False
    refresh_indicators_task.using(run_after=next_night(now or timezone.now())).enqueue(projects=True, repeat=True)
    return True


@task()
def refresh_indicators_task(projects: bool = True, repeat: bool = False) -> int:
    """Work out every indicator for the last quarters, for the organisation (and each project)."""
    stored = refresh_indicators(projects=projects)
    if repeat:
        schedule_nightly_refresh()
    return stored
