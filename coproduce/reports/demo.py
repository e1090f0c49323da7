"""The reports part of the demo data (called by `seed_demo`; running it again changes nothing)."""

from coproduce.accounts.models import User
from coproduce.people.models import Person


def seed(people: dict[str, Person], coordinator: User) -> None:
    return None
