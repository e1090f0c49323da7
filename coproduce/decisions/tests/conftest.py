"""Fixtures for the decisions tests: the bus stops project's steering group and a consent proposal."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.decisions.choices import GroupKind, GroupRole, Method
from coproduce.decisions.models import GroupMember, ProjectGroup, Proposal
from coproduce.decisions.services.proposals import put_proposal


@pytest.fixture
def steering(bus_stops, amina, dev, grace, priya) -> ProjectGroup:
    """Grace chairs; Dev and Priya are members; Amina is staff adviser. Dev co-leads the project."""
    group = ProjectGroup.objects.create(
        project=bus_stops, name="Steering group", kind=GroupKind.STEERING, created_by=amina
    )
    for user, role in ((grace, GroupRole.CHAIR), (dev, GroupRole.MEMBER), (priya, GroupRole.MEMBER)):
        GroupMember.objects.create(group=group, person=user.person, role=role)
    GroupMember.objects.create(group=group, person=amina.person, role=GroupRole.STAFF_ADVISER)
    return group


@pytest.fixture
def consent_proposal(steering, dev) -> Proposal:
    return put_proposal(
        steering,
        title="Which bus stops do we change first?",
        text="The three stops near the hospital.",
        method=Method.CONSENT,
        closes_at=timezone.now() + timedelta(days=7),
        by=dev,
    )


@pytest.fixture
def ranked_proposal(steering, dev) -> Proposal:
    return put_proposal(
        steering,
        title="Which stop first?",
        text="Rank them.",
        method=Method.RANKED,
        options=["Hospital", "Market", "Station"],
        closes_at=timezone.now() + timedelta(days=7),
        by=dev,
    )
