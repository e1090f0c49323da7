"""A task the background worker runs once a day at a set time, keeping itself going.

A sweep's task takes ``repeat=True`` and, before it finishes, plans its own next run for the next day
at the sweep's time, so one queued run keeps it going. :meth:`DailySweep.schedule` queues that first
run unless one is already waiting, so the management commands that call it are safe to run at every
start-up.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult


@dataclass(frozen=True)
class DailySweep:
    task_name: str  # the task function's name, such as "sweep_reviews"
    at: time  # local time of day

    def is_waiting(self) -> bool:
        """A repeating run is queued and has not run yet, whether or not its time has come."""
        return DBTaskResult.objects.filter(
            status=TaskResultStatus.READY,
            task_path__endswith=f".{self.task_name}",
            args_kwargs__kwargs__repeat=True,
        ).exists()

    def next_run(self, now: datetime) -> datetime:
        """Tomorrow (in local time) at the sweep's time."""
        tomorrow = timezone.localdate(now) + timedelta(days=1)
        return timezone.make_aware(datetime.combine(tomorrow, self.at))

    def schedule(self, task: Task[..., Any], now: datetime | None = None, **kwargs: Any) -> bool:
        """Queue the next run of ``task`` unless one is waiting. Returns whether it queued one."""
        if self.is_waiting():
            return False
        task.using(run_after=self.next_run(now or timezone.now())).enqueue(**kwargs, repeat=True)
        return True
