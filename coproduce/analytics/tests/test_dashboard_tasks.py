"""The refresh runs in the real worker. These tests commit, so the on-commit hook queues the task."""

from datetime import datetime, time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.analytics.indicators.definitions import INDICATORS
from coproduce.analytics.models import IndicatorRefresh, IndicatorValue
from coproduce.analytics.services import ensure_reference_data
from coproduce.analytics.tasks import SWEEP, refresh_indicators_task
from coproduce.tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_refresh_now_works_the_figures_out_in_the_worker(client_for, amina: User) -> None:
    ensure_reference_data()
    client = client_for(amina)
    client.post(reverse("analytics:dashboard_refresh"))
    html = client.get(reverse("analytics:dashboard")).content.decode()
    assert "being worked out again" in html
    assert not IndicatorValue.objects.exists()

    run_worker()

    assert IndicatorValue.objects.filter(project__isnull=True).count() == 4 * len(INDICATORS)
    assert not IndicatorRefresh.objects.filter(finished_at__isnull=True).exists()
    html = client.get(reverse("analytics:dashboard")).content.decode()
    assert "Figures as of" in html
    assert "being worked out again" not in html


def test_the_nightly_refresh_is_planned_once(db, capsys) -> None:
    now = timezone.make_aware(datetime(2026, 11, 26, 14, 30))
    assert SWEEP.schedule(refresh_indicators_task, now=now, projects=True) is True
    assert SWEEP.is_waiting()
    assert SWEEP.schedule(refresh_indicators_task, now=now, projects=True) is False
    call_command("refresh_indicators", "--schedule")
    assert "The nightly refresh was already planned." in capsys.readouterr().out
    [planned] = DBTaskResult.objects.filter(task_path__endswith=".refresh_indicators_task")
    assert planned.run_after == timezone.make_aware(datetime(2026, 11, 27, 2, 0))
    assert planned.args_kwargs["kwargs"] == {"projects": True, "repeat": True}


def test_the_command_plans_the_nightly_refresh_for_two_in_the_morning(db, capsys) -> None:
    call_command("refresh_indicators", "--schedule")
    assert "The nightly indicator refresh is planned." in capsys.readouterr().out
    [planned] = DBTaskResult.objects.filter(task_path__endswith=".refresh_indicators_task")
    assert timezone.localtime(planned.run_after).time() == time(2, 0)
    assert planned.args_kwargs["kwargs"] == {"projects": True, "repeat": True}
    assert SWEEP.is_waiting()


def test_the_command_refreshes(db) -> None:
    ensure_reference_data()
    call_command("refresh_indicators", "--quarters", "2")
    assert IndicatorValue.objects.count() == 2 * len(INDICATORS)
