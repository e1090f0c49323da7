"""Charter reminders, sent by the background worker.

How they run regularly: ``send_charter_reminders`` with ``repeat=True`` plans its own next run for
the next morning before it finishes, so one queued run keeps a daily sweep going.
``manage.py schedule_charter_reminders`` queues that first run (and does nothing if one is already
waiting), so it is safe to call at every start-up. Publishing a new charter also queues a one-off
sweep, so "please sign the new version" goes out at once.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from coproduce.learning.services import send_due_charter_reminders

DAILY_AT = time(9, 0)


def is_daily_sweep_waiting() -> bool:
    # Waiting: not run yet, whether or not its time has come.
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__endswith=".send_charter_reminders",
        args_kwargs__kwargs__repeat=True,
    ).exists()


def next_morning(now: datetime) -> datetime:
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, DAILY_AT))


def schedule_daily_sweep(now: datetime | None = None) -> bool:
    """Queue the next daily sweep unless one is waiting. Returns whether it queued one."""
    if is_daily_sweep_waiting():
        return False
    send_charter_reminders.using(run_after=next_morning(now or timezone.now())).enqueue(repeat=True)
    return True


@task()
def send_charter_reminders(*, repeat: bool = False) -> int:
    """Send due renewal reminders and "please sign the new version" messages; how many were sent."""
    sent = send_due_charter_reminders()
    if repeat:
        schedule_daily_sweep()
    return sent.renewals + sent.resigns
