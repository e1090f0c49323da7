from datetime import date

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.reports.models import Digest, ReportNarrative, YouSaidWeDidPage


def test_one_narrative_per_project_and_period_and_one_for_the_organisation(bus_stops, amina):
    values = {"period_start": date(2026, 10, 1), "period_end": date(2026, 12, 31), "written_by": amina}
    ReportNarrative.objects.create(project=bus_stops, **values)
    ReportNarrative.objects.create(project=None, **values)

    for project in (bus_stops, None):
        with pytest.raises(IntegrityError), transaction.atomic():
            ReportNarrative.objects.create(project=project, **values)


def test_narrative_period_must_end_after_it_starts(amina):
    with pytest.raises(IntegrityError):
        ReportNarrative.objects.create(period_start=date(2026, 10, 1), period_end=date(2026, 9, 30), written_by=amina)


def test_a_published_page_says_who_published_it(bus_stops):
    with pytest.raises(IntegrityError):
        YouSaidWeDidPage.objects.create(project=bus_stops, published_at=timezone.now())


def test_a_digest_is_sent_once_per_person_and_period(grace):
    values = {"person": grace.person, "period_start": date(2026, 10, 1), "period_end": date(2026, 12, 31)}
    Digest.objects.create(contributions=1, **values)

    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(contributions=2, **values)
    with pytest.raises(IntegrityError), transaction.atomic():
        Digest.objects.create(
            person=grace.person, period_start=date(2026, 7, 1), period_end=date(2026, 9, 30), contributions=0
        )
