"""Tests for the append-only audit trail: writing events, and the refusal to change or delete them."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models.deletion import ProtectedError
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent, AuditTrailIsAppendOnly
from coproduce.audit.services import record_event
from coproduce.projects.tests.factories import ProjectFactory

# record_event


def test_record_event_stores_who_did_what_to_which_record(amina, bus_stops):
    event = record_event(
        actor=amina,
        action="projects.stage_advanced",
        target=bus_stops,
        payload={"from": "design", "to": "delivery", "members": 3, "urgent": False, "note": None},
    )

    stored = AuditEvent.objects.get()
    assert stored == event
    assert stored.actor == amina
    assert stored.action == "projects.stage_advanced"
    assert stored.target_type == "projects.project"
    assert stored.target_id == str(bus_stops.pk)
    assert stored.payload == {"from": "design", "to": "delivery", "members": 3, "urgent": False, "note": None}


def test_record_event_sets_the_time_it_happened(amina):
    before = timezone.now()

    event = record_event(actor=amina, action="accounts.signed_in", target=amina)

    stored = AuditEvent.objects.get(pk=event.pk)
    assert before - timedelta(seconds=1) <= stored.occurred_at <= timezone.now() + timedelta(seconds=1)


def test_record_event_without_a_target_or_payload_stores_blanks(amina):
    record_event(actor=amina, action="reports.narrative_saved")

    stored = AuditEvent.objects.get()
    assert stored.target_type == ""
    assert stored.target_id == ""
    assert stored.payload == {}


def test_record_event_stores_an_anonymous_actor_as_nobody(db):
    record_event(actor=AnonymousUser(), action="accounts.signed_in")  # type: ignore[arg-type]

    stored = AuditEvent.objects.get()
    assert stored.actor is None
    assert stored.actor_id is None


def test_record_event_stores_a_missing_actor_as_nobody(bus_stops):
    record_event(actor=None, action="projects.stage_advanced", target=bus_stops)

    stored = AuditEvent.objects.get()
    assert stored.actor_id is None
    assert stored.target_type == "projects.project"


@pytest.mark.parametrize(
    ("value", "type_name"),
    [(["wheelchair user", "screen reader"], "list"), ({"needs": "Easy Read"}, "dict")],
)
def test_record_event_refuses_a_payload_value_that_is_not_plain(dev, value, type_name):
    with pytest.raises(TypeError) as error:
        record_event(actor=dev, action="people.access_needs_changed", target=dev, payload={"needs": value})

    assert str(error.value) == f"Audit payload value for 'needs' must be a plain value, not {type_name}."
    assert AuditEvent.objects.count() == 0


# Append-only


def test_audit_event_cannot_be_saved_again(amina):
    event = record_event(actor=amina, action="accounts.signed_in", target=amina)
    event.action = "accounts.signed_out"

    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be changed"):
        event.save()

    assert AuditEvent.objects.get().action == "accounts.signed_in"


def test_audit_event_loaded_from_the_database_cannot_be_saved(amina):
    record_event(actor=amina, action="accounts.signed_in", target=amina)
    loaded = AuditEvent.objects.get()

    with pytest.raises(AuditTrailIsAppendOnly):
        loaded.save(update_fields=["action"])

    assert AuditEvent.objects.get().action == "accounts.signed_in"


def test_audit_event_cannot_be_overwritten_by_a_new_instance_with_its_id(amina):
    event = record_event(actor=amina, action="accounts.signed_in", target=amina)

    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent(pk=event.pk, actor=None, action="forged").save()

    assert AuditEvent.objects.get().action == "accounts.signed_in"


def test_audit_event_cannot_be_deleted(amina):
    event = record_event(actor=amina, action="accounts.signed_in", target=amina)

    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be deleted"):
        event.delete()

    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_audit_events_cannot_be_deleted_in_bulk(amina):
    record_event(actor=amina, action="accounts.signed_in", target=amina)
    record_event(actor=amina, action="accounts.signed_out", target=amina)

    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be deleted"):
        AuditEvent.objects.filter(action="accounts.signed_in").delete()
    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be deleted"):
        AuditEvent.objects.all().delete()

    assert AuditEvent.objects.count() == 2


def test_audit_events_cannot_be_updated_in_bulk(amina):
    record_event(actor=amina, action="accounts.signed_in", target=amina)

    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be changed"):
        AuditEvent.objects.filter(action="accounts.signed_in").update(action="accounts.signed_out")
    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be changed"):
        AuditEvent.objects.update(payload={"method": "forged"})

    stored = AuditEvent.objects.get()
    assert stored.action == "accounts.signed_in"
    assert stored.payload == {}


def test_audit_events_cannot_be_changed_with_bulk_update(amina):
    event = record_event(actor=amina, action="accounts.signed_in", target=amina)
    event.action = "accounts.signed_out"

    # bulk_update runs in its own atomic block; the savepoint keeps the test's transaction usable.
    with pytest.raises(AuditTrailIsAppendOnly, match="cannot be changed"), transaction.atomic():
        AuditEvent.objects.bulk_update([event], ["action"])

    assert AuditEvent.objects.get().action == "accounts.signed_in"


def test_audit_event_keeps_its_actor_from_being_deleted(amina):
    record_event(actor=amina, action="accounts.signed_in", target=amina)

    with pytest.raises(ProtectedError):
        User.objects.filter(pk=amina.pk).delete()

    assert AuditEvent.objects.get().actor == amina


# Reading the trail


def test_audit_events_are_listed_newest_first(amina):
    first = record_event(actor=amina, action="accounts.signed_in", target=amina)
    second = record_event(actor=amina, action="accounts.sign_in_link_sent", target=amina)
    third = record_event(actor=amina, action="accounts.signed_out", target=amina)

    events = list(AuditEvent.objects.all())

    assert events == [third, second, first]


def test_audit_events_are_ordered_by_when_they_happened_not_when_they_were_stored(amina):
    recent = record_event(actor=amina, action="accounts.signed_in", target=amina)
    backdated = AuditEvent.objects.create(
        actor=amina, action="user.imported", occurred_at=timezone.now() - timedelta(days=1)
    )

    events = list(AuditEvent.objects.all())

    assert events == [recent, backdated]


def test_for_target_lists_only_the_events_about_that_record(amina, bus_stops):
    other_project = ProjectFactory.create(title="Quiet hours at the library")
    about_bus_stops = record_event(actor=amina, action="projects.created", target=bus_stops)
    record_event(actor=amina, action="projects.created", target=other_project)
    record_event(actor=amina, action="reports.narrative_saved")
    later_about_bus_stops = record_event(actor=amina, action="projects.stage_advanced", target=bus_stops)

    events = list(AuditEvent.objects.for_target(bus_stops))

    assert events == [later_about_bus_stops, about_bus_stops]


def test_for_target_tells_apart_records_of_different_types_with_the_same_id(amina):
    project = ProjectFactory.create(pk=amina.pk)
    about_project = record_event(actor=amina, action="projects.created", target=project)
    about_user = record_event(actor=amina, action="accounts.signed_in", target=amina)

    assert list(AuditEvent.objects.for_target(project)) == [about_project]
    assert list(AuditEvent.objects.for_target(amina)) == [about_user]


def test_audit_events_cannot_be_overwritten_with_bulk_create_on_conflict(amina):
    event = record_event(actor=amina, action="accounts.signed_in", target=amina)

    with pytest.raises(AuditTrailIsAppendOnly), transaction.atomic():
        AuditEvent.objects.bulk_create(
            [AuditEvent(pk=event.pk, action="forged")],
            update_conflicts=True,
            unique_fields=["id"],
            update_fields=["action"],
        )

    assert AuditEvent.objects.get().action == "accounts.signed_in"
