"""Fixtures for the involvement tests: uploads go to a temporary folder, and a workshop to register for."""

from pathlib import Path

import pytest

from coproduce.accounts.models import User
from coproduce.involvement.models import Activity
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.projects.models import Project


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def workshop(amina: User, bus_stops: Project) -> Activity:
    """An open co-design workshop for the bus stops project, with 2 places, in two weeks."""
    return ActivityFactory.create(project=bus_stops, title="Bus stop design workshop", capacity=2, created_by=amina)
