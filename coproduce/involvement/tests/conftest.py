"""Fixtures for the involvement tests: uploads in a temporary folder, a workshop, and a place with needs."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity, Registration
from coproduce.involvement.tests.factories import ActivityFactory, RegistrationFactory, give_needs
from coproduce.people.models import Need
from coproduce.projects.models import Project


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def workshop(amina: User, bus_stops: Project) -> Activity:
    """An open co-design workshop for the bus stops project, with 2 places, in two weeks."""
    return ActivityFactory.create(project=bus_stops, title="Bus stop design workshop", capacity=2, created_by=amina)


@pytest.fixture
def held_workshop(workshop: Activity) -> Activity:
    """The workshop, started an hour ago: attendance can be recorded."""
    workshop.starts_at = timezone.now() - timedelta(hours=1)
    workshop.ends_at = workshop.starts_at + timedelta(hours=2)
    workshop.save()
    return workshop


@pytest.fixture
def devs_place(dev: User, workshop: Activity) -> Registration:
    """Dev's place at the workshop; Dev needs Easy Read and step-free access."""
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    return RegistrationFactory.create(activity=workshop, person=dev.person)
