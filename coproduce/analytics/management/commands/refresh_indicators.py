import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from coproduce.analytics.services import refresh_indicators
from coproduce.analytics.tasks import SWEEP, refresh_indicators_task


class Command(BaseCommand):
    help = (
        "Work out every indicator for the last 4 quarters for the organisation (and each project with "
        "--projects), and store them for the dashboard. With --schedule, only queue the nightly refresh."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--projects", action="store_true", help="Also work them out for each open project.")
        parser.add_argument("--quarters", type=int, default=None, help="How many quarters (default 4).")
        parser.add_argument(
            "--schedule", action="store_true", help="Queue the nightly refresh for the worker, unless one is waiting."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["schedule"]:
            planned = SWEEP.schedule(refresh_indicators_task, projects=True)
            self.stdout.write(
                "The nightly indicator refresh is planned." if planned else "The nightly refresh was already planned."
            )
            return
        started = time.perf_counter()
        stored = refresh_indicators(projects=options["projects"], quarters=options["quarters"])
        self.stdout.write(f"{stored} figures worked out in {time.perf_counter() - started:.1f} seconds.")
