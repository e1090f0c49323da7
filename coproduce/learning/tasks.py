"""Charter reminders, sent by the background worker.

How they run regularly: ``send_charter_reminders`` with ``repeat=True`` plans its own next run for
the next morning before it finishes, so one queued run keeps a daily sweep going (``CHARTER_SWEEP``).
``manage.py schedule_charter_reminders`` queues that first run (and does nothing if one is already
waiting), so it is safe to call at every start-up. Publishing a new charter also queues a one-off
sweep, so "please sign the new version" goes out at once.
"""

from datetime import time

from django_tasks import task

from coproduce.learning.services.reminders import send_due_charter_reminders
from coproduce.sweeps import DailySweep

CHARTER_SWEEP = DailySweep(task_name="send_charter_reminders", at=time(9, 0))


@task()
def send_charter_reminders(*, repeat: bool = False) -> int:
    """Send due renewal reminders and "please sign the new version" messages; how many were sent."""
    sent = send_due_charter_reminders()
    if repeat:
        CHARTER_SWEEP.schedule(send_charter_reminders)
    return sent.renewals + sent.resigns
