from typing import Any

from django.core.management.base import BaseCommand

from coproduce.learning.tasks import CHARTER_SWEEP, send_charter_reminders


class Command(BaseCommand):
    help = "Queue the daily charter reminder sweep for the background worker, unless one is waiting."

    def handle(self, *args: Any, **options: Any) -> None:
        if CHARTER_SWEEP.schedule(send_charter_reminders):
            self.stdout.write("The daily charter reminders are planned.")
        else:
            self.stdout.write("The daily charter reminders were already planned.")
