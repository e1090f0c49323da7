"""Two submissions of the same person's response at the same moment (a double click, two tabs):
one response is kept, neither submission fails.

This needs a database where two transactions really run at once. SQLite runs one write transaction
at a time, so the race cannot happen there and the test is skipped; the suite's PostgreSQL run
exercises the row lock in `respond` and the unique constraint behind it.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from coproduce.decisions.choices import GroupRole, Method, Stance
from coproduce.decisions.models import GroupMember, ProjectGroup, Response
from coproduce.decisions.services.proposals import put_proposal
from coproduce.decisions.services.responses import respond
from coproduce.involvement.tests.test_concurrency import at_the_same_moment

pytestmark = pytest.mark.django_db(transaction=True)

SQLITE_REASON = (
    "SQLite runs one write transaction at a time, so two responses cannot overlap; "
    "the row lock is tested on PostgreSQL (scripts/with-postgres.sh)."
)


@pytest.mark.parametrize("attempt", range(5))
def test_concurrent_double_submit_keeps_one_response(bus_stops, amina, grace, attempt):
    if connection.vendor == "sqlite":
        pytest.skip(SQLITE_REASON)
    group = ProjectGroup.objects.create(project=bus_stops, name="Steering group", created_by=amina)
    GroupMember.objects.create(group=group, person=grace.person, role=GroupRole.CHAIR)
    proposal = put_proposal(
        group, title="T", text="x", method=Method.CONSENT, closes_at=timezone.now() + timedelta(days=1), by=amina
    )

    problems = at_the_same_moment(
        lambda: respond(proposal, person=grace.person, stance=Stance.AGREE, by=grace),
        lambda: respond(proposal, person=grace.person, stance=Stance.CONCERNS, reason="Buses", by=grace),
    )

    assert problems == []
    assert Response.objects.filter(proposal=proposal, person=grace.person).count() == 1
