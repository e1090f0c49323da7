"""Agenda items through the services: the next meeting or the queue, and settling them."""

import pytest

from coproduce.decisions.choices import AgendaStatus
from coproduce.decisions.services.agenda import propose_agenda_item, set_agenda_status
from coproduce.involvement.tests.factories import ActivityFactory
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


def test_agenda_item_goes_to_the_next_meeting(steering, priya, bus_stops):
    meeting = ActivityFactory.create(project=bus_stops, kind="steering_group")

    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    assert item.meeting == meeting
    assert item.status == AgendaStatus.PROPOSED


def test_agenda_item_waits_in_the_queue_without_a_meeting(steering, priya):
    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    assert item.meeting is None


def test_agenda_item_not_taken_needs_a_reason(steering, priya, amina):
    item = propose_agenda_item(steering, title="Lighting", details="", by=priya)

    with pytest.raises(Refused):
        set_agenda_status(item, status=AgendaStatus.NOT_TAKEN, by=amina)
    set_agenda_status(item, status=AgendaStatus.NOT_TAKEN, reason="The council decides this", by=amina)
    item.refresh_from_db()
    assert item.reason == "The council decides this"
