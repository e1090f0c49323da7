"""Fixtures for the newsletter tests: people who said we may keep in touch, and drafts."""

from collections.abc import Callable
from typing import Any

import pytest

from coproduce.accounts.models import User
from coproduce.newsletters.choices import Audience
from coproduce.newsletters.models import Newsletter
from coproduce.people.models import Consent, ConsentMethod, Notice, Person, Purpose
from coproduce.tests.world import restore_first_notices


def keep_in_touch(*people: Person) -> None:
    """Record that each person said we may keep in touch with them (as on their consent page)."""
    restore_first_notices()  # tests that flush the database remove the notices the migrations made
    notice = Notice.objects.current(Purpose.CONTACT)
    for person in people:
        Consent.objects.create(person=person, notice=notice, method=ConsentMethod.ONLINE)


@pytest.fixture
def make_draft(amina: User) -> Callable[..., Newsletter]:
    def make(**fields: Any) -> Newsletter:
        values: dict[str, Any] = {
            "title": "Autumn news",
            "body": "Hello {first_name},\n\nWe walked round the bus stops.",
            "audience": Audience.MEMBERS,
            "written_by": amina,
        }
        values.update(fields)
        return Newsletter.objects.create(**values)

    return make
