"""The analytics part of the demo data (for `seed_demo`; running it again changes nothing).

Makes sure the Census 2021 England and Wales figures are there as the default reference population
(a flushed database loses the ones the migration loaded).
"""

from coproduce.accounts.models import User
from coproduce.analytics.services import ensure_reference_data
from coproduce.people.models import Person


def seed(people: dict[str, Person], coordinator: User) -> None:
    ensure_reference_data()
