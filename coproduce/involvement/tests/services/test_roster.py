"""The rules of arranging access needs, the ready gate, and looking at the roster."""

import pytest
from django.core.exceptions import PermissionDenied

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, NeedArrangement, Registration
from coproduce.involvement.services.roster import (
    ArrangementRefused,
    NotReady,
    mark_ready,
    record_roster_view,
    set_arrangements,
)
from coproduce.involvement.tests.factories import RegistrationFactory, give_needs
from coproduce.involvement.tests.services.helpers import queued
from coproduce.people.models import Need

pytestmark = pytest.mark.django_db


def test_set_arrangements_records_each_need_and_tells_the_person_what_cannot_be_met(
    amina: User, devs_place: Registration, django_capture_on_commit_callbacks
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        changed = set_arrangements(
            devs_place,
            decisions={
                "easy_read": (ArrangementStatus.MET, ""),
                "step_free": (ArrangementStatus.CANNOT_BE_MET, "  The lift is broken until May.  "),
            },
            by=amina,
        )

    assert len(changed) == 2
    rows = {row.need: (row.status, row.reason) for row in devs_place.arrangements.all()}
    assert rows == {"easy_read": ("met", ""), "step_free": ("cannot_be_met", "The lift is broken until May.")}
    step_free = devs_place.arrangements.get(need="step_free")
    assert queued("tell_person_need_cannot_be_met") == [{"arrangement_id": step_free.pk}]
    event = AuditEvent.objects.get(action="involvement.arrangements_updated")
    assert event.payload == {"activity": devs_place.activity_id, "changed": 2}


def test_set_arrangements_refuses_cannot_be_met_without_a_reason(amina: User, devs_place: Registration) -> None:
    with pytest.raises(ArrangementRefused) as refusal:
        set_arrangements(
            devs_place,
            decisions={"easy_read": (ArrangementStatus.MET, ""), "step_free": (ArrangementStatus.CANNOT_BE_MET, " ")},
            by=amina,
        )

    assert refusal.value.errors == {"reason_step_free": "Say why this cannot be met. We will tell the person."}
    assert NeedArrangement.objects.count() == 0


def test_set_arrangements_refuses_a_need_the_person_did_not_tell_us(amina: User, devs_place: Registration) -> None:
    with pytest.raises(ValueError, match="braille"):
        set_arrangements(devs_place, decisions={"braille": (ArrangementStatus.MET, "")}, by=amina)


def test_set_arrangements_leaves_needs_without_a_choice_and_unchanged_needs_alone(
    amina: User, devs_place: Registration
) -> None:
    set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=amina)

    changed = set_arrangements(
        devs_place, decisions={"easy_read": (ArrangementStatus.MET, ""), "step_free": ("", "")}, by=amina
    )

    assert changed == []
    assert list(devs_place.arrangements.values_list("need", flat=True)) == ["easy_read"]
    assert AuditEvent.objects.filter(action="involvement.arrangements_updated").count() == 1


def test_set_arrangements_makes_the_activity_not_ready_when_a_need_is_no_longer_met(
    amina: User, devs_place: Registration
) -> None:
    met = {"easy_read": (ArrangementStatus.MET, ""), "step_free": (ArrangementStatus.MET, "")}
    set_arrangements(devs_place, decisions=met, by=amina)
    mark_ready(devs_place.activity, by=amina)

    set_arrangements(devs_place, decisions={"step_free": (ArrangementStatus.BEING_ARRANGED, "")}, by=amina)

    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_set_arrangements_is_refused_to_members(dev: User, devs_place: Registration) -> None:
    with pytest.raises(PermissionDenied):
        set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=dev)


# --- mark_ready ---------------------------------------------------------------------------


def test_mark_ready_refuses_while_a_need_has_no_status(amina: User, devs_place: Registration) -> None:
    set_arrangements(devs_place, decisions={"easy_read": (ArrangementStatus.MET, "")}, by=amina)

    with pytest.raises(NotReady) as refusal:
        mark_ready(devs_place.activity, by=amina)

    assert refusal.value.message == (
        "This activity cannot be marked ready yet. 1 access need is not met. "
        "Mark each need as met, or say why it cannot be met."
    )
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_mark_ready_refuses_while_a_need_is_being_arranged(amina: User, devs_place: Registration) -> None:
    set_arrangements(
        devs_place,
        decisions={
            "easy_read": (ArrangementStatus.BEING_ARRANGED, ""),
            "step_free": (ArrangementStatus.BEING_ARRANGED, ""),
        },
        by=amina,
    )

    with pytest.raises(NotReady) as refusal:
        mark_ready(devs_place.activity, by=amina)

    assert "2 access needs are not met" in refusal.value.message


def test_mark_ready_accepts_needs_met_or_explained(amina: User, devs_place: Registration) -> None:
    set_arrangements(
        devs_place,
        decisions={
            "easy_read": (ArrangementStatus.MET, ""),
            "step_free": (ArrangementStatus.CANNOT_BE_MET, "The lift is broken until May."),
        },
        by=amina,
    )

    activity = mark_ready(devs_place.activity, by=amina)

    assert activity.is_ready is True
    assert activity.ready_at is not None
    assert AuditEvent.objects.get(action="involvement.activity_ready").target_id == str(activity.pk)


def test_mark_ready_counts_other_needs_the_person_wrote_down(amina: User, grace: User, workshop: Activity) -> None:
    give_needs(grace.person, other="I need the room to be cool.")
    RegistrationFactory.create(activity=workshop, person=grace.person)

    with pytest.raises(NotReady) as refusal:
        mark_ready(workshop, by=amina)

    assert "1 access need is not met" in refusal.value.message


def test_mark_ready_ignores_the_needs_of_people_on_the_waiting_list(amina: User, dev: User, workshop: Activity) -> None:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person, status=RegistrationStatus.WAITING)

    activity = mark_ready(workshop, by=amina)

    assert activity.is_ready is True


def test_mark_ready_with_nobody_registered(amina: User, workshop: Activity) -> None:
    assert mark_ready(workshop, by=amina).is_ready is True


@pytest.mark.parametrize("persona", ["dev", "sam", "priya"])
def test_mark_ready_is_refused_to_people_who_do_not_run_activities(
    request: pytest.FixtureRequest, workshop: Activity, persona: str
) -> None:
    with pytest.raises(PermissionDenied):
        mark_ready(workshop, by=request.getfixturevalue(persona))


# --- record_roster_view -------------------------------------------------------------------


def test_record_roster_view_records_who_looked_without_any_needs(
    amina: User, workshop: Activity, devs_place: Registration
) -> None:
    record_roster_view(workshop, by=amina)

    event = AuditEvent.objects.get(action="involvement.roster_viewed")
    assert event.actor == amina
    assert event.target_type == "involvement.activity"
    assert event.payload == {}


def test_record_roster_view_is_refused_to_members(dev: User, workshop: Activity) -> None:
    with pytest.raises(PermissionDenied):
        record_roster_view(workshop, by=dev)
