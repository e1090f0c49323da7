from typing import Any

from django.core.management.base import BaseCommand

from coproduce.reviews.services import schedule_reviews
from coproduce.reviews.tasks import SWEEP, sweep_reviews


class Command(BaseCommand):
    help = (
        "Create the reviews due today (quarterly, end of stage, annual), then queue the daily review sweep "
        "for the background worker, unless one is waiting. Safe to run again."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = schedule_reviews()
        self.stdout.write(
            f"Reviews created: {created.quarterly} quarterly, {created.stage_end} end of stage, "
            f"{created.annual} annual."
        )
        if SWEEP.schedule(sweep_reviews):
            self.stdout.write("The daily review sweep is planned.")
        else:
            self.stdout.write("The daily review sweep was already planned.")
