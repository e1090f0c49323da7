"""The data rights pages: your data, a coordinator seeing someone's data, and the retention review."""

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessProfile,
    Consent,
    ConsentMethod,
    Notice,
    Person,
    Purpose,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.people.tests.rights_records import record_what_dev_entered
from coproduce.projects.models import Membership, Project

ClientFor = Callable[[User], Client]

LONG_AGO = datetime(2020, 1, 10, 9, 0, tzinfo=UTC)

# The most queries the retention review may make, however many people are due.
RETENTION_MAX_QUERIES = 5

NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]


def equality_responses() -> Any:
    # Looked up by name: only analytics may import the equality app (ADR 0003).
    return apps.get_model("equality", "EqualityResponse").objects


def give_equality_answers(person: Person) -> None:
    consent = Consent.objects.create(
        person=person, notice=Notice.objects.current(Purpose.EQUALITY_MONITORING), method=ConsentMethod.ONLINE
    )
    equality_responses().create(person=person, consent=consent, religion="buddhist")


# --- you:data ---------------------------------------------------------------------------------------


def test_your_data_shows_everything_held_about_you(dev: User, client_for: ClientFor) -> None:
    record_what_dev_entered(dev)
    give_equality_answers(dev.person)

    response = client_for(dev).get("/you/data/")

    assertContains(response, '<h1 class="govuk-heading-l">Your data</h1>', html=True)
    assertContains(response, '<dd class="govuk-summary-list__value">Devendra Patel</dd>', html=True)
    assertContains(response, "<li>Easy Read</li>", html=True)
    assertContains(response, "<li>A quiet space</li>", html=True)
    assertContains(response, "Meetings after 11am")
    assertContains(response, '<td class="govuk-table__cell">Keeping your access needs (version 1)</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">26 November 2026: online, by the person</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">Co-production champion</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">5 January 2027</td>', html=True)
    assertContains(response, '<h2 class="govuk-heading-m" id="equality_responses">')
    assertContains(response, '<dd class="govuk-summary-list__value">Buddhist</dd>', html=True)
    assertContains(response, 'href="/you/data.json"')


def test_your_data_never_shows_the_password_hash(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/data/")

    assertNotContains(response, dev.password)
    assertContains(response, '<dd class="govuk-summary-list__value">Yes</dd>', html=True)


def test_your_data_lists_what_happened_in_plain_words(dev: User, client_for: ClientFor) -> None:
    AuditEvent.objects.create(
        actor=dev, action="accounts.signed_in", target_type="accounts.user", target_id=str(dev.pk)
    )
    AuditEvent.objects.create(actor=dev, action="something.new", target_type="", target_id="")

    response = client_for(dev).get("/you/data/")

    assertContains(response, '<td class="govuk-table__cell">Signed in</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">something.new</td>', html=True)


def test_your_data_names_payment_events_in_plain_words_not_code_names(dev: User, client_for: ClientFor) -> None:
    """Grace's own data listed "payments.offer_declined" on a fresh demo (issue 17)."""
    AuditEvent.objects.create(actor=dev, action="payments.offer_declined", target_type="", target_id="")

    response = client_for(dev).get("/you/data/")

    assertContains(response, '<td class="govuk-table__cell">Payment offer turned down</td>', html=True)
    assertNotContains(response, "payments.offer_declined")


def test_your_data_records_that_you_looked(dev: User, client_for: ClientFor) -> None:
    client_for(dev).get("/you/data/")

    event = AuditEvent.objects.get(action="people.data_downloaded")
    assert event.actor == dev
    assert event.target_id == str(dev.person.pk)
    assert event.payload == {"as_file": False}


def test_your_data_without_a_record_of_your_own_is_refused(client_for: ClientFor, db: None) -> None:
    user = User.objects.create_user("no-record@example.org", role="admin")

    response = client_for(user).get("/you/data/")

    assert response.status_code == 403


def test_your_data_says_when_there_is_nothing_of_a_kind(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/data/")

    assertContains(response, "No access needs recorded.")
    assertContains(response, "No consent recorded.")
    assertContains(response, "Not in any project group.")
    assertContains(response, "No records of this kind.")
    assertNotContains(response, "None")


# --- you:data_json ----------------------------------------------------------------------------------


def test_your_data_json_is_a_utf8_attachment(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/data.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-coproduce-data.json"'


def test_your_data_json_holds_what_the_member_entered(dev: User, client_for: ClientFor) -> None:
    record_what_dev_entered(dev)

    response = client_for(dev).get("/you/data.json")

    data = json.loads(response.content.decode("utf-8"))
    assert "Dev Zoë".encode() in response.content
    assert data["person"]["preferred_name"] == "Dev Zoë"
    assert data["access_profile"]["needs"] == ["Easy Read", "A quiet space"]
    assert data["access_profile"]["other_needs"] == "Meetings after 11am"
    assert data["consents"] == [
        {
            "purpose": "Keeping your access needs",
            "notice_title": "Keeping your access needs",
            "notice_version": 1,
            "given_at": "2026-11-26T10:30:00Z",
            "method": "Online, by the person",
            "recorded_by": None,
            "withdrawn_at": None,
            "withdrawn_method": "",
        }
    ]
    assert data["memberships"] == [
        {"project": "Accessible libraries", "role": "Co-production champion", "since": "2027-01-05T14:00:00Z"}
    ]
    assert data["sign_in"]["email"] == "dev@example.org"
    assert dev.password not in response.content.decode()
    assert data["sign_in"]["has_password"] is True


def test_your_data_json_has_every_relation_to_person(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/data.json")

    data = json.loads(response.content)
    for relation in Person._meta.related_objects:
        assert relation.get_accessor_name() in data


def test_your_data_json_holds_your_equality_answers(dev: User, client_for: ClientFor) -> None:
    give_equality_answers(dev.person)

    response = client_for(dev).get("/you/data.json")

    [answers] = json.loads(response.content)["equality_responses"]
    assert answers["religion"] == "Buddhist"


def test_your_data_json_records_a_download(dev: User, client_for: ClientFor) -> None:
    client_for(dev).get("/you/data.json")

    assert AuditEvent.objects.get(action="people.data_downloaded").payload == {"as_file": True}


# --- people:data and people:data_json ---------------------------------------------------------------


def test_person_data_page_shows_a_coordinator_their_data_with_a_warning(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", phone="01632 960000")

    response = client_for(amina).get(f"/people/{rosa.pk}/data/")

    assertContains(response, '<h1 class="govuk-heading-l">Data we keep about Rosa Lindqvist</h1>', html=True)
    assertContains(response, '<dd class="govuk-summary-list__value">01632 960000</dd>', html=True)
    assertContains(response, "No sign-in.")
    assertContains(response, "Only use it to answer their request. Do not keep a copy.")
    assertContains(response, f'href="/people/{rosa.pk}/data.json"')


def test_person_data_json_gives_a_coordinator_the_file_and_records_them_as_actor(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    record_what_dev_entered(dev)

    response = client_for(amina).get(f"/people/{dev.person.pk}/data.json")

    assert response["Content-Disposition"] == f'attachment; filename="coproduce-data-{dev.person.pk}.json"'
    assert json.loads(response.content)["access_profile"]["needs"] == ["Easy Read", "A quiet space"]
    event = AuditEvent.objects.get(action="people.data_downloaded")
    assert event.actor == amina
    assert event.target_id == str(dev.person.pk)


def test_person_data_for_an_unknown_person_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/999999/data/")

    assert response.status_code == 404


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_person_data_pages_are_refused_to_everyone_but_coordinators(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    someone = PersonFactory.create(organisation=everyone["priya"].person.organisation)
    client = client_for(everyone[persona])

    responses = [
        client.get(f"/people/{someone.pk}/data/"),
        client.get(f"/people/{someone.pk}/data.json"),
        client.get(f"/people/{everyone['dev'].person.pk}/data/"),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert not AuditEvent.objects.filter(action="people.data_downloaded").exists()


# --- people:retention -------------------------------------------------------------------------------


def person_due_for_review(full_name: str, created_at: datetime = LONG_AGO) -> Person:
    person = PersonFactory.create(full_name=full_name, created_at=created_at)
    AccessProfile.objects.create(person=person)
    return person


def test_retention_review_lists_people_due_with_their_last_involvement(amina: User, client_for: ClientFor) -> None:
    ruth = person_due_for_review("Ruth Evans")
    PersonFactory.create(full_name="Kwame Mensah", created_at=LONG_AGO)

    response = client_for(amina).get("/people/retention/")

    assertContains(response, '<h1 class="govuk-heading-l">People to ask about keeping their data</h1>', html=True)
    assertContains(response, "have not taken part for more than 24 months")
    assertContains(response, f'<a class="govuk-link" href="/people/{ruth.pk}/">Ruth Evans</a>', html=True)
    assertContains(response, '<td class="govuk-table__cell">10 January 2020</td>', html=True)
    assertContains(response, "1 person to ask")
    assertNotContains(response, "Kwame Mensah")


def test_retention_review_with_nobody_due_says_so(amina: User, client_for: ClientFor) -> None:
    person_due_for_review("Ruth Evans", created_at=timezone.now() - timedelta(days=30))

    response = client_for(amina).get("/people/retention/")

    assertContains(response, "Nobody needs asking at the moment.")
    assertNotContains(response, "govuk-table")


def test_retention_review_uses_the_months_setting_in_its_words(
    amina: User, client_for: ClientFor, settings: Any
) -> None:
    settings.COPRODUCE_RETENTION_MONTHS = 36

    response = client_for(amina).get("/people/retention/")

    assertContains(response, "have not taken part for more than 36 months")


@pytest.mark.parametrize("how_many", [5, 40])
def test_retention_review_query_count_does_not_grow_with_people(
    how_many: int, amina: User, client_for: ClientFor, django_assert_max_num_queries: Any
) -> None:
    for number in range(how_many):
        person = person_due_for_review(f"Person {number:02d}")
        Membership.objects.create(
            project=Project.objects.create(title=f"P{number}", summary="s", created_by=amina),
            person=person,
            joined_at=LONG_AGO,
        )
    client = client_for(amina)

    with django_assert_max_num_queries(RETENTION_MAX_QUERIES):
        response = client.get("/people/retention/")

    assertContains(response, f"{how_many} people to ask")


def test_retention_review_is_available_to_an_admin(morgan: User, client_for: ClientFor) -> None:
    response = client_for(morgan).get("/people/retention/")

    assert response.status_code == 200


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_retention_review_is_refused_to_everyone_but_coordinators(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    response = client_for(everyone[persona]).get("/people/retention/")

    assert response.status_code == 403
