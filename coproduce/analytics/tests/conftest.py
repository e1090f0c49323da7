import pytest

from coproduce.accounts.models import User
from coproduce.analytics.models import ReferencePopulation
from coproduce.analytics.services import ensure_reference_data
from coproduce.analytics.tests.factories import under_represented_world
from coproduce.involvement.models import Activity
from coproduce.projects.models import Project


@pytest.fixture
def census(db) -> ReferencePopulation:
    return ensure_reference_data()


@pytest.fixture
def walkabout(census: ReferencePopulation, bus_stops: Project, amina: User) -> Activity:
    return under_represented_world(bus_stops, amina)
