"""Writing and sending newsletters: who gets them, once each, and what cannot happen."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.decisions.models import GroupMember, ProjectGroup
from coproduce.newsletters import queries
from coproduce.newsletters.choices import Audience, Status
from coproduce.newsletters.models import Newsletter, Recipient
from coproduce.newsletters.services import ALREADY_SENT, EMPTY_AUDIENCE, save_draft, send_newsletter
from coproduce.newsletters.tests.conftest import keep_in_touch
from coproduce.people.models import Consent, PersonKind
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Project
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db


def draft_kwargs(**changes: object) -> dict:
    values: dict = {
        "title": "Autumn news",
        "body": "Hello {first_name}",
        "easy_read_body": "",
        "audience": Audience.MEMBERS,
        "group": None,
        "project": None,
    }
    values.update(changes)
    return values


def test_a_coordinator_saves_a_draft(amina: User) -> None:
    newsletter = save_draft(None, **draft_kwargs(), by=amina)
    assert newsletter.status == Status.DRAFT
    assert newsletter.written_by == amina
    assert newsletter.title == "Autumn news"


def test_a_draft_with_an_unknown_placeholder_is_refused_and_nothing_saved(amina: User) -> None:
    with pytest.raises(Refused) as refused:
        save_draft(None, **draft_kwargs(body="Hello {frist_name}", easy_read_body="Hi {"), by=amina)
    assert set(refused.value.errors) == {"body", "easy_read_body"}
    assert "Did you mean {first_name}?" in refused.value.errors["body"]
    assert not Newsletter.objects.exists()


def test_only_coordinators_write_and_send(amina: User, dev: User, sam: User, priya: User, make_draft) -> None:
    for user in (dev, sam, priya):
        with pytest.raises(PermissionDenied):
            save_draft(None, **draft_kwargs(), by=user)
        with pytest.raises(PermissionDenied):
            send_newsletter(make_draft(), by=user)
    assert not Newsletter.objects.filter(status=Status.SENT).exists()


def test_audience_is_only_current_people_who_said_we_may_keep_in_touch(amina, dev, grace, tom, priya, make_draft):
    keep_in_touch(dev.person, tom.person, priya.person)
    gone = PersonFactory.create(kind=PersonKind.MEMBER, anonymised_at=timezone.now())
    waiting = PersonFactory.create(kind=PersonKind.CARER, awaiting_confirmation=True)
    withdrawn = PersonFactory.create(kind=PersonKind.CARER)
    keep_in_touch(gone, waiting, withdrawn)
    Consent.objects.filter(person=withdrawn).update(withdrawn_at=timezone.now())

    members = make_draft(audience=Audience.MEMBERS)
    partners = make_draft(audience=Audience.PARTNERS)
    # Grace is a carer but has not said we may keep in touch; Tom is an ally, not a member.
    assert list(queries.audience(members)) == [dev.person]
    assert list(queries.audience(partners)) == [priya.person]


def test_audience_of_a_project_and_of_a_project_group(amina, dev, grace, priya, bus_stops: Project, make_draft):
    keep_in_touch(dev.person, grace.person, priya.person)
    group = ProjectGroup.objects.create(project=bus_stops, name="Steering group", created_by=amina)
    GroupMember.objects.create(group=group, person=priya.person)
    GroupMember.objects.create(group=group, person=grace.person)
    project = make_draft(audience=Audience.PROJECT, project=bus_stops)
    in_group = make_draft(audience=Audience.GROUP, group=group)
    assert set(queries.audience(project)) == {dev.person, grace.person}
    assert set(queries.audience(in_group)) == {grace.person, priya.person}


def test_sending_records_each_person_once_marks_sent_and_audits(
    amina: User, dev: User, grace: User, make_draft, django_capture_on_commit_callbacks
) -> None:
    keep_in_touch(dev.person, grace.person)
    draft = make_draft()
    with django_capture_on_commit_callbacks() as callbacks:
        sent = send_newsletter(draft, by=amina)
    assert len(callbacks) == 1  # the background task is queued after the commit
    sent.refresh_from_db()
    assert sent.status == Status.SENT
    assert sent.sent_by == amina
    assert sent.sent_at is not None
    assert sent.recipients_count == 2
    assert set(Recipient.objects.filter(newsletter=sent).values_list("person_id", flat=True)) == {
        dev.person.pk,
        grace.person.pk,
    }
    event = AuditEvent.objects.get(action="newsletters.newsletter_sent")
    assert event.actor == amina
    assert event.payload == {"audience": "members", "recipients": 2}


def test_a_sent_newsletter_cannot_be_changed_or_sent_again(amina: User, dev: User, make_draft) -> None:
    keep_in_touch(dev.person)
    sent = send_newsletter(make_draft(), by=amina)
    with pytest.raises(Refused) as again:
        send_newsletter(sent, by=amina)
    assert again.value.errors == {"__all__": ALREADY_SENT}
    with pytest.raises(Refused) as change:
        save_draft(sent, **draft_kwargs(title="Changed"), by=amina)
    assert change.value.errors == {"__all__": ALREADY_SENT}
    sent.refresh_from_db()
    assert sent.title == "Autumn news"
    assert Recipient.objects.filter(newsletter=sent).count() == 1
    assert AuditEvent.objects.filter(action="newsletters.newsletter_sent").count() == 1


def test_an_empty_audience_is_refused_and_nothing_is_sent(
    amina: User, dev: User, make_draft, django_capture_on_commit_callbacks
) -> None:
    draft = make_draft()  # Dev has not said we may keep in touch
    with django_capture_on_commit_callbacks() as callbacks, pytest.raises(Refused) as refused:
        send_newsletter(draft, by=amina)
    assert refused.value.errors == {"__all__": EMPTY_AUDIENCE}
    assert callbacks == []
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert not Recipient.objects.exists()
    assert not AuditEvent.objects.filter(action="newsletters.newsletter_sent").exists()


def test_the_database_keeps_one_recipient_record_per_person(amina: User, dev: User, make_draft) -> None:
    keep_in_touch(dev.person)
    sent = send_newsletter(make_draft(), by=amina)
    with pytest.raises(IntegrityError), transaction.atomic():
        Recipient.objects.create(newsletter=sent, person=dev.person)


def test_the_database_refuses_an_audience_without_its_group_or_a_sent_draft(amina: User) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Newsletter.objects.create(title="A", body="B", audience=Audience.GROUP, written_by=amina)
    with pytest.raises(IntegrityError), transaction.atomic():
        Newsletter.objects.create(title="A", body="B", audience=Audience.MEMBERS, written_by=amina, status=Status.SENT)


def test_the_delivery_plan_counts_people_by_route_and_format(amina, dev, grace, make_draft) -> None:
    from coproduce.communications.choices import MessageFormat
    from coproduce.communications.models import ContactPreferences
    from coproduce.involvement.tests.factories import give_needs
    from coproduce.people.models import Need

    keep_in_touch(dev.person, grace.person)
    give_needs(dev.person, Need.EASY_READ)
    ContactPreferences.objects.create(person=grace.person, message_format=MessageFormat.PLAIN_TEXT)
    plan = queries.delivery_plan(make_draft())
    assert plan.people == 2
    assert plan.by_route == [("Email", 2)]
    assert sorted(plan.by_format) == [("Easy Read", 1), ("Plain text email (no formatting)", 1)]
    assert plan.unreachable == 0


def test_save_draft_refuses_a_group_audience_without_a_group(amina: User) -> None:
    with pytest.raises(Refused) as refused:
        save_draft(None, **draft_kwargs(audience=Audience.GROUP), by=amina)
    assert refused.value.errors == {"group": "Choose the project group"}
    assert not Newsletter.objects.exists()
