import pytest
from django.core.exceptions import PermissionDenied

from coproduce.audit.models import AuditEvent
from coproduce.contributions.models import (
    Contribution,
    ContributionKind,
    ContributionResponse,
    Outcome,
    Thanks,
    ThanksMethod,
)
from coproduce.contributions.services import record_contribution, respond_to_contribution, thank_participants
from coproduce.involvement.tests.factories import AttendanceFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.refusals import Refused


def test_coordinator_records_an_attendees_contribution_with_an_audit_event(dev_attended, amina):
    contribution = record_contribution(
        dev_attended.person,
        project=dev_attended.activity.project,
        activity=dev_attended.activity,
        kind=ContributionKind.IDEA,
        summary="  Lower kerbs.  ",
        credit="initials",
        by=amina,
    )

    assert contribution.summary == "Lower kerbs."
    assert contribution.recorded_by == amina
    event = AuditEvent.objects.get(action="contributions.recorded")
    assert event.target_id == str(contribution.pk)
    assert "Lower kerbs." not in str(event.payload)


def test_coordinator_cannot_record_for_someone_who_did_not_attend(past_workshop, tom, amina):
    with pytest.raises(Refused) as refusal:
        record_contribution(
            tom.person,
            project=past_workshop.project,
            activity=past_workshop,
            kind=ContributionKind.IDEA,
            summary="Something",
            credit="",
            by=amina,
        )

    assert "not recorded as attending" in refusal.value.errors["activity"]
    assert not Contribution.objects.exists()


def test_person_records_their_own_for_their_project_but_not_for_others(bus_stops, grace, tom):
    own = record_contribution(
        grace.person,
        project=bus_stops,
        activity=None,
        kind=ContributionKind.CONCERN,
        summary="Too steep",
        credit="",
        by=grace,
    )
    with pytest.raises(Refused) as refusal:
        record_contribution(
            tom.person, project=bus_stops, activity=None, kind=ContributionKind.IDEA, summary="Hi", credit="", by=tom
        )
    with pytest.raises(PermissionDenied):
        record_contribution(
            grace.person, project=bus_stops, activity=None, kind=ContributionKind.IDEA, summary="Hi", credit="", by=tom
        )

    assert own.person == grace.person
    assert refusal.value.errors == {"project": "Choose a project you belong to"}
    assert Contribution.objects.count() == 1


def test_activity_must_belong_to_the_project(dev_attended, dev, amina):
    other = ProjectFactory.create()

    with pytest.raises(Refused) as refusal:
        record_contribution(
            dev.person,
            project=other,
            activity=dev_attended.activity,
            kind=ContributionKind.IDEA,
            summary="x",
            credit="",
            by=dev,
        )

    assert refusal.value.errors["activity"] == "The activity must belong to the project"


def test_response_is_kept_as_history_and_audited(graces_idea, amina, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        respond_to_contribution(graces_idea, outcome=Outcome.UNDER_CONSIDERATION, explanation="", by=amina)
        respond_to_contribution(graces_idea, outcome=Outcome.ADOPTED, explanation="Benches ordered.", by=amina)

    outcomes = list(graces_idea.responses.values_list("outcome", flat=True))
    assert outcomes == [Outcome.ADOPTED, Outcome.UNDER_CONSIDERATION]
    assert [
        event.payload["outcome"] for event in AuditEvent.objects.filter(action="contributions.responded").order_by("id")
    ] == [
        "under_consideration",
        "adopted",
    ]
    assert len(callbacks) == 2


def test_not_adopted_needs_a_reason_and_writes_nothing(graces_idea, amina):
    with pytest.raises(Refused) as refusal:
        respond_to_contribution(graces_idea, outcome=Outcome.NOT_ADOPTED, explanation="   ", by=amina)

    assert "Say why" in refusal.value.errors["explanation"]
    assert not ContributionResponse.objects.exists()
    assert not AuditEvent.objects.filter(action="contributions.responded").exists()


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("amina", True),
        ("morgan", True),
        ("dev", True),
        ("grace", False),
        ("tom", False),
        ("priya", False),
        ("sam", False),
    ],
)
def test_who_may_respond(who, allowed, graces_idea, everyone):
    if allowed:
        respond_to_contribution(graces_idea, outcome=Outcome.ADOPTED, explanation="", by=everyone[who])
        assert graces_idea.responses.count() == 1
    else:
        with pytest.raises(PermissionDenied):
            respond_to_contribution(graces_idea, outcome=Outcome.ADOPTED, explanation="", by=everyone[who])
        assert not graces_idea.responses.exists()


def test_a_lead_of_another_project_may_not_respond(graces_idea, dev, amina):
    graces_idea.project = ProjectFactory.create()
    graces_idea.save()

    with pytest.raises(PermissionDenied):
        respond_to_contribution(graces_idea, outcome=Outcome.ADOPTED, explanation="", by=dev)


def test_nobody_answers_their_own_contribution(dev_attended, dev):
    own = Contribution.objects.create(
        person=dev.person, project=dev_attended.activity.project, kind="idea", summary="Mine", recorded_by=dev
    )

    with pytest.raises(PermissionDenied):
        respond_to_contribution(own, outcome=Outcome.ADOPTED, explanation="", by=dev)


def test_thanks_recorded_once_per_method_with_audit(dev_attended, amina, grace):
    thank_participants([dev_attended], method=ThanksMethod.LETTER, by=amina)

    with pytest.raises(Refused):
        thank_participants([dev_attended], method=ThanksMethod.LETTER, by=amina)
    with pytest.raises(PermissionDenied):
        thank_participants([dev_attended], method=ThanksMethod.EMAIL, by=grace)

    assert dev_attended.thanks.count() == 1
    assert AuditEvent.objects.filter(action="contributions.thanked").count() == 1


def test_everyone_who_took_part_is_thanked_in_one_step(dev_attended, amina, grace):
    # The defect: thanks were one person and one method at a time.
    grace_attended = AttendanceFactory.create(activity=dev_attended.activity, person=grace.person)
    thank_participants([dev_attended], method=ThanksMethod.EMAIL, by=amina)

    given = thank_participants([dev_attended, grace_attended], method=ThanksMethod.EMAIL, by=amina)

    assert (given.thanked, given.already) == ([grace_attended], [dev_attended])
    assert Thanks.objects.filter(method=ThanksMethod.EMAIL).count() == 2
    assert AuditEvent.objects.filter(action="contributions.thanked").count() == 2


def test_thanks_recorded_by_someone_else_meanwhile_is_refused_with_a_message(dev_attended, amina, monkeypatch):
    # Between the check for earlier thanks and the write, another coordinator records the same thanks.
    real_filter = Thanks.objects.filter

    def filter_then_someone_else_thanks(*args, **kwargs):
        found = real_filter(*args, **kwargs)
        if not Thanks.objects.exists():
            Thanks.objects.create(attendance=dev_attended, method=ThanksMethod.EMAIL, thanked_by=amina)
        return found.none()

    monkeypatch.setattr(Thanks.objects, "filter", filter_then_someone_else_thanks)

    with pytest.raises(Refused) as refusal:
        thank_participants([dev_attended], method=ThanksMethod.EMAIL, by=amina)

    assert refusal.value.field == "attendances"
    assert AuditEvent.objects.filter(action="contributions.thanked").count() == 0
