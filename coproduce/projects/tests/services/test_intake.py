"""Taking ideas in: accepting or declining them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import Person
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import IntakeStatus, Lifecycle, Project, ProjectRole
from coproduce.projects.services import DECLINE_REASON_NEEDED, IntakeDecisionRefused, accept_idea, decline_idea
from coproduce.projects.tests.factories import IdeaFactory
from coproduce.projects.tests.services.helpers import LONG_AGO, NOT_COORDINATORS, counts

# --- accept_idea and decline_idea ----------------------------------------------------------


def test_accept_idea_marks_it_accepted_and_adds_the_proposer_as_a_member(amina: User, dev: User) -> None:
    idea = IdeaFactory.create(proposed_by=dev.person)
    before = timezone.now()

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.stage == Lifecycle.IDEA
    assert idea.intake_decided_by == amina
    assert idea.intake_decided_at is not None
    assert before <= idea.intake_decided_at <= timezone.now()
    assert list(idea.memberships.values_list("person_id", "role")) == [(dev.person.pk, ProjectRole.MEMBER)]


def test_accept_idea_records_an_audit_event(amina: User) -> None:
    idea = IdeaFactory.create()

    accept_idea(idea, by=amina)

    event = AuditEvent.objects.get(action="projects.intake_accepted")
    assert (event.actor, event.target_id, event.payload) == (amina, str(idea.pk), {})


def test_accept_idea_from_someone_whose_record_was_erased_adds_nobody(amina: User) -> None:
    idea = IdeaFactory.create(proposed_by=PersonFactory.create(anonymised_at=LONG_AGO))

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.memberships.count() == 0


def test_accept_idea_whose_proposer_record_is_gone_adds_nobody(amina: User) -> None:
    idea = IdeaFactory.create()
    Person.objects.filter(pk=idea.proposed_by_id).delete()
    idea.refresh_from_db()

    accept_idea(idea, by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
    assert idea.memberships.count() == 0


def test_decline_idea_keeps_the_reason_for_the_proposer(amina: User) -> None:
    idea = IdeaFactory.create()

    decline_idea(idea, reason="  The council already runs this.  ", by=amina)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.DECLINED
    assert idea.decline_reason == "The council already runs this."
    assert idea.intake_decided_by == amina
    assert idea.intake_decided_at is not None
    assert idea.memberships.count() == 0


def test_decline_idea_records_an_audit_event_without_the_reason(amina: User) -> None:
    idea = IdeaFactory.create()

    decline_idea(idea, reason="The council already runs this.", by=amina)

    event = AuditEvent.objects.get(action="projects.intake_declined")
    assert (event.actor, event.target_id, event.payload) == (amina, str(idea.pk), {})


@pytest.mark.parametrize("reason", ["", "   \n "])
def test_decline_idea_without_a_reason_is_refused_and_writes_nothing(amina: User, reason: str) -> None:
    idea = IdeaFactory.create()
    counts_before = counts()

    with pytest.raises(IntakeDecisionRefused) as refusal:
        decline_idea(idea, reason=reason, by=amina)

    assert refusal.value.message == DECLINE_REASON_NEEDED
    assert refusal.value.message == (
        "Say why the idea is not being taken forward. The person who suggested it will see this."
    )
    idea.refresh_from_db()
    assert (idea.intake_status, idea.decline_reason, idea.intake_decided_at) == (IntakeStatus.SUBMITTED, "", None)
    assert counts() == counts_before


@pytest.mark.parametrize(
    ("status", "reason", "message"),
    [
        (IntakeStatus.ACCEPTED, "", "Someone has already decided about this idea. It was accepted."),
        (IntakeStatus.DECLINED, "No budget.", "Someone has already decided about this idea. It was not taken forward."),
    ],
)
def test_deciding_an_idea_already_decided_is_refused(
    amina: User, status: IntakeStatus, reason: str, message: str
) -> None:
    idea = IdeaFactory.create(intake_status=status, decline_reason=reason)

    with pytest.raises(IntakeDecisionRefused) as accept_refusal:
        accept_idea(idea, by=amina)
    with pytest.raises(IntakeDecisionRefused) as decline_refusal:
        decline_idea(idea, reason="Changed my mind.", by=amina)

    assert accept_refusal.value.message == message
    assert decline_refusal.value.message == message
    idea.refresh_from_db()
    assert (idea.intake_status, idea.decline_reason) == (status, reason)
    assert idea.memberships.count() == 0


def test_deciding_a_project_that_did_not_come_through_intake_is_refused(amina: User, bus_stops: Project) -> None:
    with pytest.raises(IntakeDecisionRefused) as refusal:
        accept_idea(bus_stops, by=amina)

    assert refusal.value.message == ("This project did not come through the intake queue. There is nothing to decide.")
    bus_stops.refresh_from_db()
    assert bus_stops.intake_status == ""


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_deciding_an_idea_is_refused_to_anyone_but_coordinators(request: pytest.FixtureRequest, persona: str) -> None:
    by = request.getfixturevalue(persona)
    idea = IdeaFactory.create(proposed_by=by.person)

    with pytest.raises(PermissionDenied):
        accept_idea(idea, by=by)
    with pytest.raises(PermissionDenied):
        decline_idea(idea, reason="Not now.", by=by)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.SUBMITTED
    assert AuditEvent.objects.exists() is False


def test_accept_idea_by_an_admin_is_allowed(morgan: User) -> None:
    idea = IdeaFactory.create()

    accept_idea(idea, by=morgan)

    idea.refresh_from_db()
    assert idea.intake_status == IntakeStatus.ACCEPTED
