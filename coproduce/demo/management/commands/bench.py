"""Time the pages that must stay quick at scale, against a trivial page served the same way.

Run after `seed_bench` (`make bench` does both). Each page is requested through Django's full stack
(middleware, sessions, templates) by the benchmark coordinator, a few times to warm up and then
``--repeat`` times; the median and 95th percentile of the server time are printed beside the
floor (the help page, which only renders a template) and the number of database queries.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.models import User
from coproduce.demo.management.commands.seed_bench import BENCH_COORDINATOR
from coproduce.projects.models import Project

WARM_UP = 2


def first_project_id() -> int:
    project = Project.objects.order_by("pk").first()
    if project is None:
        raise CommandError("No projects: run `manage.py seed_bench` first.")
    return project.pk


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[], str]
    # How many times the floor this page may take (from the aims).
    aim: float | None


PAGES = (
    Page("Floor: help page", lambda: reverse("help"), None),
    Page("People list", lambda: reverse("people:list"), 5),
    Page("Opportunity list", lambda: reverse("involvement:opportunities"), 5),
    Page("Project page", lambda: reverse("projects:detail", kwargs={"pk": first_project_id()}), 5),
)
NOT_BUILT_YET = ("Dashboard", "Representation view", "Organisation report (HTML)", "Organisation report (PDF)")


class Command(BaseCommand):
    help = "Time key pages at scale against a trivial page (run seed_bench first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args: Any, repeat: int, **options: Any) -> None:
        coordinator = User.objects.filter(email=BENCH_COORDINATOR).first()
        if coordinator is None:
            raise CommandError("No benchmark data: run `manage.py seed_bench` first.")
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(coordinator)
        vendor = connection.vendor
        self.stdout.write(f"Database: {vendor}. {repeat} timed requests a page after {WARM_UP} to warm up.")
        self.stdout.write(f"{'Page':<32}{'median ms':>10}{'p95 ms':>10}{'x floor':>9}{'aim':>6}{'queries':>9}")
        floor = None
        for page in PAGES:
            url = page.url()
            times = self._time(client, url, repeat)
            median = statistics.median(times)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]
            floor = floor or median
            with CaptureQueriesContext(connection) as queries:
                client.get(url)
            ratio = median / floor
            aim = f"{page.aim:g}x" if page.aim else "-"
            flag = " over aim" if page.aim and ratio > page.aim else ""
            self.stdout.write(
                f"{page.name:<32}{median:>10.1f}{p95:>10.1f}{ratio:>8.1f}x{aim:>6}{len(queries):>9}{flag}"
            )
        for name in NOT_BUILT_YET:
            self.stdout.write(f"{name:<32}{'not built yet':>20}")

    def _time(self, client: Client, url: str, repeat: int) -> list[float]:
        for _ in range(WARM_UP):
            self._get(client, url)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            self._get(client, url)
            times.append((time.perf_counter() - started) * 1000)
        return times

    def _get(self, client: Client, url: str) -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise CommandError(f"{url} answered {response.status_code}, not 200.")
