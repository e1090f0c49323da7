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
from coproduce.analytics.services import ensure_reference_data, refresh_indicators
from coproduce.demo.management.commands.seed_bench import BENCH_COORDINATOR, BENCH_DATA_LEAD
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
    # Who requests it: the benchmark coordinator, or the data lead (representation is theirs alone).
    as_data_lead: bool = False
    # An aim in milliseconds rather than against the floor (the organisation report).
    limit_ms: float | None = None
    # Slow pages (the PDF) are timed fewer times.
    repeat_at_most: int | None = None

    @property
    def aim_text(self) -> str:
        if self.limit_ms:
            return f"<{self.limit_ms / 1000:g}s"
        return f"{self.aim:g}x" if self.aim else "-"

    def misses_aim(self, median: float, ratio: float) -> bool:
        return bool((self.aim and ratio > self.aim) or (self.limit_ms and median > self.limit_ms))


PAGES = (
    Page("Floor: help page", lambda: reverse("help"), None),
    Page("People list", lambda: reverse("people:list"), 5),
    Page("Opportunity list", lambda: reverse("involvement:opportunities"), 5),
    Page("Project page", lambda: reverse("projects:detail", kwargs={"pk": first_project_id()}), 5),
    Page("Dashboard", lambda: reverse("analytics:dashboard"), 10),
    Page("Representation view", lambda: reverse("analytics:representation"), 10, as_data_lead=True),
    Page("Organisation report (HTML)", lambda: reverse("reports:organisation"), None, limit_ms=2000),
    Page(
        "Organisation report (PDF)",
        lambda: reverse("reports:organisation_file", kwargs={"fmt": "pdf"}),
        None,
        limit_ms=10000,
        repeat_at_most=5,
    ),
)


class Command(BaseCommand):
    help = "Time key pages at scale against a trivial page (run seed_bench first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--repeat", type=int, default=20)

    def handle(self, *args: Any, repeat: int, **options: Any) -> None:
        coordinator = User.objects.filter(email=BENCH_COORDINATOR).first()
        if coordinator is None:
            raise CommandError("No benchmark data: run `manage.py seed_bench` first.")
        data_lead = User.objects.filter(email=BENCH_DATA_LEAD).first()
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(coordinator)
        lead_client = Client(HTTP_HOST="127.0.0.1")
        if data_lead is not None:
            lead_client.force_login(data_lead)
        vendor = connection.vendor
        self.stdout.write(f"Database: {vendor}. {repeat} timed requests a page after {WARM_UP} to warm up.")
        # The dashboard reads stored figures: work them out first (as the nightly refresh does).
        ensure_reference_data()
        started = time.perf_counter()
        stored = refresh_indicators(projects=False)
        self.stdout.write(
            f"refresh_indicators (organisation, 4 quarters): {stored} figures in "
            f"{time.perf_counter() - started:.1f} seconds."
        )
        self.stdout.write(f"{'Page':<32}{'median ms':>10}{'p95 ms':>10}{'x floor':>9}{'aim':>6}{'queries':>9}")
        floor = None
        for page in PAGES:
            if page.as_data_lead and data_lead is None:
                self.stdout.write(f"{page.name:<32}{'no data lead: run seed_bench again':>20}")
                continue
            url = page.url()
            page_client = lead_client if page.as_data_lead else client
            times = self._time(page_client, url, min(repeat, page.repeat_at_most or repeat))
            median = statistics.median(times)
            p95 = statistics.quantiles(times, n=20, method="inclusive")[18] if len(times) > 1 else times[0]
            floor = floor or median
            with CaptureQueriesContext(connection) as queries:
                page_client.get(url)
            ratio = median / floor
            flag = " over aim" if page.misses_aim(median, ratio) else ""
            self.stdout.write(
                f"{page.name:<32}{median:>10.1f}{p95:>10.1f}{ratio:>8.1f}x{page.aim_text:>6}{len(queries):>9}{flag}"
            )

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
