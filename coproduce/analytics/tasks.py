"""Background work for the dashboard, run by `manage.py db_worker`: working out the indicators.

How it runs regularly: ``refresh_indicators_task`` with ``repeat=True`` plans its own next run for
the next night before it finishes, so one queued run keeps a nightly refresh going (``SWEEP``, a
:class:`coproduce.sweeps.DailySweep`).
``manage.py refresh_indicators --schedule`` queues that first run (and does nothing if one is already
waiting), so it is safe to call at every start-up. "Refresh now" on the dashboard queues a one-off run.
"""

from datetime import time

from django_tasks import task

from coproduce.analytics.services import refresh_indicators
from coproduce.sweeps import DailySweep

SWEEP = DailySweep(task_name="refresh_indicators_task", at=time(2, 0))  # nightly


@task()
def refresh_indicators_task(projects: bool = True, repeat: bool = False) -> int:
    """Work out every indicator for the last quarters, for the organisation (and each project)."""
    stored = refresh_indicators(projects=projects)
    if repeat:
        SWEEP.schedule(refresh_indicators_task, projects=True)
    return stored
