"""Reading everything held about a person, and finding people due a retention review."""

from datetime import UTC, datetime, timedelta
from typing import Any

from django.apps import apps
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.audit.services import record_event
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Notice,
    Organisation,
    Person,
    Purpose,
)
from coproduce.people.queries import (
    other_record_titles,
    people_due_for_retention_review,
    person_data,
    person_relations,
    related_records,
    relation_key,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, ProjectRole
from coproduce.projects.tests.factories import ProjectFactory

NOW = datetime(2027, 6, 15, 12, 0, tzinfo=UTC)
LONG_AGO = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)
RECENTLY = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)


def equality_response_model() -> Any:
    # Looked up by name: only analytics may import the equality app (ADR 0003).
    return apps.get_model("equality", "EqualityResponse")


def give_equality_answers(person: Person, **answers: str) -> Any:
    consent = Consent.objects.create(
        person=person, notice=Notice.objects.current(Purpose.EQUALITY_MONITORING), method=ConsentMethod.ONLINE
    )
    return equality_response_model().objects.create(person=person, consent=consent, **answers)


def give_access_needs(person: Person, *needs: Need) -> AccessProfile:
    profile = AccessProfile.objects.create(person=person, other_needs="A quiet room to rest in")
    for need in needs:
        AccessNeed.objects.create(profile=profile, need=need)
    return profile


def relation_to(model_label: str) -> Any:
    return next(relation for relation in person_relations() if relation.related_model._meta.label_lower == model_label)


# --- person_data ------------------------------------------------------------------------------------


def test_person_data_holds_the_person_record_with_labels(dev: User) -> None:
    person = dev.person
    person.pronouns = "he/him"
    person.phone = "01632 960002"
    person.postal_address = "1 High Street\nRiverside"
    person.organisation = Organisation.objects.create(name="Riverside Carers", kind="charity")
    person.save()

    data = person_data(person)

    assert data["person"] == {
        "full_name": "Devendra Patel",
        "preferred_name": "Dev",
        "pronouns": "he/him",
        "kind": "Member (lived experience)",
        "organisation": {"name": "Riverside Carers", "kind": "Charity or voluntary group"},
        "email": "dev@example.org",
        "phone": "01632 960002",
        "postal_address": "1 High Street\nRiverside",
        "contact_route": "Email",
        "supporter_name": "",
        "supporter_contact": "",
        "credit_preference": "",
        "payment_preference": "",
        "recorded_by": None,
        "created_at": person.created_at,
        "anonymised_at": None,
    }


def test_person_data_names_the_coordinator_who_recorded_the_person(amina: User) -> None:
    person = PersonFactory.create(recorded_by=amina)

    data = person_data(person)

    assert data["person"]["recorded_by"] == "Amina"


def test_person_data_sign_in_has_no_password_hash(dev: User) -> None:
    data = person_data(dev.person)

    assert data["sign_in"] == {
        "email": "dev@example.org",
        "role": "Member",
        "joined_at": dev.joined_at,
        "last_login": None,
        "has_password": True,
        "can_sign_in": True,
    }
    assert dev.password not in str(data)


def test_person_data_without_sign_in_says_none(db: None) -> None:
    person = PersonFactory.create()

    data = person_data(person)

    assert data["sign_in"] is None
    assert data["access_profile"] is None
    assert data["consents"] == []
    assert data["memberships"] == []
    assert data["equality_responses"] == []


def test_person_data_holds_access_needs_consents_and_memberships(dev: User, amina: User) -> None:
    give_access_needs(dev.person, Need.EASY_READ, Need.BREAKS)
    notice = Notice.objects.current(Purpose.ACCESS_NEEDS)
    Consent.objects.create(
        person=dev.person, notice=notice, method=ConsentMethod.PHONE, recorded_by=amina, given_at=RECENTLY
    )
    project = ProjectFactory.create(title="Step-free bus stops")
    Membership.objects.create(project=project, person=dev.person, role=ProjectRole.CO_LEAD, joined_at=RECENTLY)

    data = person_data(dev.person)

    assert data["access_profile"]["needs"] == ["Regular breaks", "Easy Read"]
    assert data["access_profile"]["other_needs"] == "A quiet room to rest in"
    assert data["consents"] == [
        {
            "purpose": "Keeping your access needs",
            "notice_title": notice.title,
            "notice_version": 1,
            "given_at": RECENTLY,
            "method": "By phone, recorded by a coordinator",
            "recorded_by": "Amina",
            "withdrawn_at": None,
            "withdrawn_method": "",
        }
    ]
    assert data["memberships"] == [
        {"project": "Step-free bus stops", "role": "Co-lead (lived experience)", "since": RECENTLY}
    ]


def test_person_data_has_a_key_for_every_relation_to_person(dev: User) -> None:
    data = person_data(dev.person)

    for relation in Person._meta.related_objects:
        assert relation.get_accessor_name() in data


def test_person_data_shows_equality_answers_field_by_field_with_labels(dev: User) -> None:
    response = give_equality_answers(dev.person, ethnic_group="asian_indian", unpaid_care="no")

    data = person_data(dev.person)

    [answers] = data["equality_responses"]
    assert answers["ethnic_group"] == "Asian, Asian British or Asian Welsh: Indian"
    assert answers["sex"] == ""
    assert answers["answered_at"] == response.answered_at
    assert "person" not in answers
    assert "id" not in answers


def test_person_data_audit_events_are_those_by_or_about_the_person_with_action_and_date_only(
    dev: User, grace: User, amina: User
) -> None:
    record_event(actor=dev, action="projects.created", target=grace.person, payload={"kind": "x"})
    record_event(actor=amina, action="people.person_added", target=dev.person)
    record_event(actor=None, action="accounts.sign_in_link_sent", target=dev)
    record_event(actor=amina, action="people.person_added", target=grace.person)

    data = person_data(dev.person)

    assert sorted(event["action"] for event in data["audit_events"]) == [
        "accounts.sign_in_link_sent",
        "people.person_added",
        "projects.created",
    ]
    assert all(set(event) == {"action", "occurred_at"} for event in data["audit_events"])


def test_person_data_audit_events_without_sign_in_are_those_about_the_person(amina: User) -> None:
    person = PersonFactory.create()
    record_event(actor=amina, action="people.person_added", target=person)
    record_event(actor=amina, action="projects.created", target=None)

    data = person_data(person)

    assert [event["action"] for event in data["audit_events"]] == ["people.person_added"]


# --- related_records (for records other apps add) ----------------------------------------------------


def test_related_records_shows_each_concrete_field_by_name_without_id_or_person(amina: User, dev: User) -> None:
    notice = Notice.objects.current(Purpose.CONTACT)
    Consent.objects.create(person=dev.person, notice=notice, method=ConsentMethod.PAPER, recorded_by=amina)

    [record] = related_records(relation_to("people.consent"), dev.person)

    assert set(record) == {"notice", "given_at", "method", "recorded_by", "withdrawn_at", "withdrawn_method"}
    assert record["notice"] == "Keeping in touch, version 1"
    assert record["method"] == "On paper, recorded by a coordinator"
    assert record["recorded_by"] == "amina@example.org"
    assert record["withdrawn_method"] == ""
    assert record["withdrawn_at"] is None


def test_relation_key_is_the_accessor_name(db: None) -> None:
    assert relation_key(relation_to("people.consent")) == "consents"
    assert relation_key(relation_to("people.accessprofile")) == "access_profile"


# --- people_due_for_retention_review ------------------------------------------------------------------


def test_retention_review_finds_someone_with_access_needs_not_involved_for_two_years(db: None) -> None:
    person = PersonFactory.create(full_name="Ruth Evans", created_at=LONG_AGO)
    give_access_needs(person)

    due = list(people_due_for_retention_review(now=NOW).values_list("pk", "last_involvement_at"))

    assert due == [(person.pk, LONG_AGO)]


def test_retention_review_finds_someone_with_only_equality_answers(db: None) -> None:
    person = PersonFactory.create(created_at=LONG_AGO)
    give_equality_answers(person, sex="female")

    assert list(people_due_for_retention_review(now=NOW)) == [person]


def test_retention_review_leaves_out_people_without_access_needs_or_equality_answers(db: None) -> None:
    PersonFactory.create(created_at=LONG_AGO)

    assert list(people_due_for_retention_review(now=NOW)) == []


def test_retention_review_leaves_out_someone_in_a_project_group_recently(db: None) -> None:
    person = PersonFactory.create(created_at=LONG_AGO)
    give_access_needs(person)
    Membership.objects.create(project=ProjectFactory.create(), person=person, joined_at=LONG_AGO)
    Membership.objects.create(project=ProjectFactory.create(), person=person, joined_at=RECENTLY)

    assert list(people_due_for_retention_review(now=NOW)) == []


def test_retention_review_leaves_out_someone_who_signed_in_recently(dev: User) -> None:
    Person.objects.filter(pk=dev.person.pk).update(created_at=LONG_AGO)
    User.objects.filter(pk=dev.pk).update(last_login=RECENTLY)
    give_access_needs(dev.person)

    assert list(people_due_for_retention_review(now=NOW)) == []


def test_retention_review_dates_involvement_from_the_newest_of_membership_sign_in_and_record(dev: User) -> None:
    Person.objects.filter(pk=dev.person.pk).update(created_at=LONG_AGO)
    User.objects.filter(pk=dev.pk).update(last_login=LONG_AGO + timedelta(days=30))
    give_access_needs(dev.person)
    Membership.objects.create(
        project=ProjectFactory.create(), person=dev.person, joined_at=LONG_AGO + timedelta(days=60)
    )

    dates = list(people_due_for_retention_review(now=NOW).values_list("last_involvement_at", flat=True))

    assert dates == [LONG_AGO + timedelta(days=60)]


def test_retention_review_leaves_out_anonymised_people(db: None) -> None:
    person = PersonFactory.create(created_at=LONG_AGO, anonymised_at=RECENTLY)
    give_access_needs(person)

    assert list(people_due_for_retention_review(now=NOW)) == []


def test_retention_review_lists_the_longest_gone_first(db: None) -> None:
    later = PersonFactory.create(created_at=LONG_AGO + timedelta(days=100))
    earlier = PersonFactory.create(created_at=LONG_AGO)
    give_access_needs(later)
    give_access_needs(earlier)

    assert list(people_due_for_retention_review(now=NOW)) == [earlier, later]


def test_retention_review_uses_the_retention_setting(settings: Any, db: None) -> None:
    settings.COPRODUCE_RETENTION_MONTHS = 6
    person = PersonFactory.create(created_at=NOW - timedelta(days=240))
    give_access_needs(person)

    due_with_six_months = list(people_due_for_retention_review(now=NOW))
    settings.COPRODUCE_RETENTION_MONTHS = 24
    due_with_two_years = list(people_due_for_retention_review(now=NOW))

    assert due_with_six_months == [person]
    assert due_with_two_years == []


def test_retention_review_without_a_time_uses_now(db: None) -> None:
    person = PersonFactory.create(created_at=timezone.now() - timedelta(days=800))
    give_access_needs(person)

    assert list(people_due_for_retention_review()) == [person]


def test_other_record_titles_name_each_relation_not_shaped_by_hand(db: None) -> None:
    titles = other_record_titles()

    assert "equality_responses" in titles
    assert not {"access_profile", "consents", "memberships"} & set(titles)
    for relation in person_relations():
        key = relation_key(relation)
        if key in titles:
            plural = str(relation.related_model._meta.verbose_name_plural).capitalize()
            how = f" ({relation.field.verbose_name})" if relation.field.name != "person" else ""
            assert titles[key] == plural + how
