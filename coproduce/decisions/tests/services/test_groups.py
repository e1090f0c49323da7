"""Project groups through the services: seats and the lived experience share, ground rules."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.decisions.choices import GroupRole
from coproduce.decisions.models import GroupMember
from coproduce.decisions.services.groups import add_group_member, update_ground_rules
from coproduce.people.models import Person
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


def test_add_group_member_refuses_a_staff_seat_below_the_minimum_share(steering, amina, sam):
    steering.min_member_share = Decimal("0.60")
    steering.save()
    # 2 of 4 seats (Grace, Dev) have lived experience: 50%. Another staff seat makes it 2 of 5.

    with pytest.raises(Refused, match="At least 60%"):
        add_group_member(steering, person=sam.person, role=GroupRole.STAFF_ADVISER, by=amina)

    assert not GroupMember.objects.filter(group=steering, person=sam.person).exists()


def test_add_group_member_allows_a_member_seat_whatever_the_share(steering, amina):
    steering.min_member_share = Decimal("0.90")
    steering.save()
    rosa = Person.objects.create(full_name="Rosa Lindqvist", kind="member")

    add_group_member(steering, person=rosa, role=GroupRole.MEMBER, by=amina)

    assert GroupMember.objects.filter(group=steering, person=rosa).exists()


def test_add_group_member_only_by_leads(steering, grace, tom):
    with pytest.raises(PermissionDenied):
        add_group_member(steering, person=tom.person, role=GroupRole.MEMBER, by=grace)


def test_ground_rules_keep_who_changed_them_and_when(steering, priya):
    update_ground_rules(steering, text="One person speaks at a time.", by=priya)

    steering.refresh_from_db()
    assert steering.ground_rules == "One person speaks at a time."
    assert steering.ground_rules_changed_by == priya
    assert steering.ground_rules_changed_at is not None


def test_ground_rules_not_editable_by_people_outside_the_group(steering, tom):
    with pytest.raises(PermissionDenied):
        update_ground_rules(steering, text="x", by=tom)
