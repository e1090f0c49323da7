"""What Dev has told us, written as the other pages would, for the data rights page tests."""

from datetime import UTC, datetime

from coproduce.accounts.models import User
from coproduce.people.models import AccessNeed, AccessProfile, Consent, ConsentMethod, Need, Notice, Purpose
from coproduce.projects.models import Membership, ProjectRole
from coproduce.projects.tests.factories import ProjectFactory

GIVEN_AT = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)
JOINED_AT = datetime(2027, 1, 5, 14, 0, tzinfo=UTC)


def record_what_dev_entered(dev: User) -> None:
    """Access needs, a consent and a membership, written with the ORM as the other pages would."""
    person = dev.person
    person.preferred_name = "Dev Zoë"
    person.save()
    profile = AccessProfile.objects.create(person=person, other_needs="Meetings after 11am")
    AccessNeed.objects.create(profile=profile, need=Need.EASY_READ)
    AccessNeed.objects.create(profile=profile, need=Need.QUIET_SPACE)
    Consent.objects.create(
        person=person,
        notice=Notice.objects.current(Purpose.ACCESS_NEEDS),
        method=ConsentMethod.ONLINE,
        given_at=GIVEN_AT,
    )
    project = ProjectFactory.create(title="Accessible libraries")
    Membership.objects.create(project=project, person=person, role=ProjectRole.CHAMPION, joined_at=JOINED_AT)
