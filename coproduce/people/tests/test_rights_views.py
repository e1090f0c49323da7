"""The data rights pages: your data, deleting your account, the same for a coordinator, and the retention review."""

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.apps import apps
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessNeed,
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Notice,
    Person,
    Purpose,
)
from coproduce.people.services.rights import DeletionReason, anonymise_person
from coproduce.people.tests.factories import PersonFactory
from coproduce.projects.models import Membership, Project, ProjectRole
from coproduce.projects.tests.factories import ProjectFactory

ClientFor = Callable[[User], Client]

GIVEN_AT = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)
JOINED_AT = datetime(2027, 1, 5, 14, 0, tzinfo=UTC)
LONG_AGO = datetime(2020, 1, 10, 9, 0, tzinfo=UTC)

# The most queries the retention review may make, however many people are due.
RETENTION_MAX_QUERIES = 5

NOT_COORDINATORS = ["dev", "grace", "tom", "priya", "sam"]


def equality_responses() -> Any:
    # Looked up by name: only analytics may import the equality app (ADR 0003).
    return apps.get_model("equality", "EqualityResponse").objects


def record_what_dev_entered(dev: User) -> None:
    """Access needs, a consent and a membership, written with the ORM as the other pages would."""
    person = dev.person
    person.preferred_name = "Dev Zoë"
    person.save()
    profile = AccessProfile.objects.create(person=person, other_needs="Meetings after 11am")
    AccessNeed.objects.create(profile=profile, need=Need.EASY_READ)
    AccessNeed.objects.create(profile=profile, need=Need.QUIET_SPACE)
    Consent.objects.create(
        person=person,
        notice=Notice.objects.current(Purpose.ACCESS_NEEDS),
        method=ConsentMethod.ONLINE,
        given_at=GIVEN_AT,
    )
    project = ProjectFactory.create(title="Accessible libraries")
    Membership.objects.create(project=project, person=person, role=ProjectRole.CHAMPION, joined_at=JOINED_AT)


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
    AuditEvent.objects.create(actor=dev, action="user.signed_in", target_type="accounts.user", target_id=str(dev.pk))
    AuditEvent.objects.create(actor=dev, action="something.new", target_type="", target_id="")

    response = client_for(dev).get("/you/data/")

    assertContains(response, '<td class="govuk-table__cell">Signed in</td>', html=True)
    assertContains(response, '<td class="govuk-table__cell">something.new</td>', html=True)


def test_your_data_records_that_you_looked(dev: User, client_for: ClientFor) -> None:
    client_for(dev).get("/you/data/")

    event = AuditEvent.objects.get(action="person.data_downloaded")
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
    assertContains(response, "None.")


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

    assert AuditEvent.objects.get(action="person.data_downloaded").payload == {"as_file": True}


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
    event = AuditEvent.objects.get(action="person.data_downloaded")
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
    assert not AuditEvent.objects.filter(action="person.data_downloaded").exists()


# --- you:delete -------------------------------------------------------------------------------------


def test_your_account_delete_explains_what_goes_and_what_stays(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/delete/")

    assertContains(response, '<h1 class="govuk-heading-l">Delete your account</h1>', html=True)
    assertContains(response, "<li>your access needs</li>", html=True)
    assertContains(response, "<li>your equality monitoring answers</li>", html=True)
    assertContains(response, "<li>your sign-in, so nobody can use it again</li>", html=True)
    assertContains(response, "We do not keep your name with it.")
    assertContains(response, "I understand this cannot be undone")
    assertContains(response, 'class="govuk-button govuk-button--warning"')
    assertContains(response, "Delete my account")


def test_your_account_delete_without_the_tick_shows_an_error_and_changes_nothing(
    dev: User, client_for: ClientFor
) -> None:
    response = client_for(dev).post("/you/delete/", {})

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, 'href="#id_confirm">Tick the box to show you understand this cannot be undone</a>')
    assertContains(response, "<title>Error: Delete your account – Coproduce</title>")
    dev.person.refresh_from_db()
    assert dev.person.full_name == "Devendra Patel"
    assert dev.person.anonymised_at is None
    assert User.objects.get(pk=dev.pk).is_active
    assert not AuditEvent.objects.filter(action="person.anonymised").exists()


def test_your_account_delete_anonymises_you_and_signs_you_out(dev: User, client_for: ClientFor) -> None:
    record_what_dev_entered(dev)
    client = client_for(dev)

    response = client.post("/you/delete/", {"confirm": "on"}, follow=True)

    assertRedirects(response, "/accounts/signed-out/")
    assertContains(response, "Your account has been deleted. We no longer keep your name or how to contact you.")
    person = Person.objects.get(pk=dev.person.pk)
    assert person.full_name == "Former participant"
    assert person.anonymised_at is not None
    assert not AccessProfile.objects.filter(person=person).exists()
    assert not Consent.objects.filter(person=person).exists()
    assert Membership.objects.filter(person=person).count() == 1
    assert not any(session.get_decoded().get("_auth_user_id") == str(dev.pk) for session in Session.objects.all())
    assert AuditEvent.objects.get(action="person.anonymised").payload == {"by_self": True, "reason": "online"}
    assert client.get("/you/data/").status_code == 302


def test_your_account_delete_leaves_you_unable_to_sign_in_with_your_password(
    dev: User, client: Client, client_for: ClientFor
) -> None:
    client_for(dev).post("/you/delete/", {"confirm": "on"})

    response = client.post(
        "/accounts/sign-in/password/", {"username": "dev@example.org", "password": "correct-horse-battery-staple"}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


# --- people:delete ----------------------------------------------------------------------------------


def test_person_delete_asks_a_coordinator_how_they_asked(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).get(f"/people/{rosa.pk}/delete/")

    assertContains(response, '<h1 class="govuk-heading-l">Delete the record of Rosa Lindqvist</h1>', html=True)
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How did they ask?</legend>'
    )
    assertContains(response, "By letter")
    assertNotContains(response, "Online, by themselves")
    assertContains(response, "<li>their access needs</li>", html=True)
    assertContains(response, "Delete their record")
    assertContains(response, f'href="/people/{rosa.pk}/data/"')


def test_person_delete_with_nothing_chosen_shows_both_errors_and_changes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {})

    assertContains(response, "Select how they asked you to delete their record")
    assertContains(response, "Tick the box to show you understand this cannot be undone")
    rosa.refresh_from_db()
    assert rosa.full_name == "Rosa Lindqvist"
    assert not AuditEvent.objects.filter(action="person.anonymised").exists()


def test_person_delete_with_only_the_tick_still_asks_how_they_asked(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {"confirm": "on"})

    assertContains(response, 'href="#id_how_asked_0">Select how they asked you to delete their record</a>')
    rosa.refresh_from_db()
    assert rosa.anonymised_at is None


def test_person_delete_anonymises_them_and_goes_back_to_the_people_list(
    amina: User, dev: User, client_for: ClientFor
) -> None:
    client = client_for(amina)

    response = client.post(f"/people/{dev.person.pk}/delete/", {"how_asked": "letter", "confirm": "on"}, follow=True)

    assertRedirects(response, "/people/")
    assertContains(response, "Their record has been deleted. Their name and contact details are gone.")
    assert Person.objects.get(pk=dev.person.pk).full_name == "Former participant"
    assert not User.objects.get(pk=dev.pk).is_active
    event = AuditEvent.objects.get(action="person.anonymised")
    assert event.actor == amina
    assert event.payload == {"by_self": False, "reason": "letter"}
    assert client.get("/people/").status_code == 200


def test_person_delete_of_your_own_record_signs_you_out(amina: User, client_for: ClientFor) -> None:
    client = client_for(amina)

    response = client.post(f"/people/{amina.person.pk}/delete/", {"how_asked": "in_person", "confirm": "on"})

    assertRedirects(response, "/accounts/signed-out/", fetch_redirect_response=False)
    assert AuditEvent.objects.get(action="person.anonymised").payload == {"by_self": True, "reason": "in_person"}
    assert client.get("/people/").status_code == 302


def test_person_delete_of_a_deleted_record_says_so_without_a_form(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    anonymise_person(rosa, by=amina, reason=DeletionReason.PHONE)

    response = client_for(amina).get(f"/people/{rosa.pk}/delete/")

    assertContains(response, "There is nothing more to delete.")
    assertNotContains(response, "govuk-button--warning")


def test_person_delete_sent_twice_is_refused_with_a_clear_message(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    anonymise_person(rosa, by=amina, reason=DeletionReason.PHONE)

    response = client_for(amina).post(f"/people/{rosa.pk}/delete/", {"how_asked": "phone", "confirm": "on"})

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(
        response, 'href="#main-content">This record has already been deleted. There is nothing more to delete.</a>'
    )
    assert AuditEvent.objects.filter(action="person.anonymised").count() == 1


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_person_delete_is_refused_to_everyone_but_coordinators(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    someone = PersonFactory.create(full_name="Rosa Lindqvist", organisation=everyone["priya"].person.organisation)
    client = client_for(everyone[persona])

    get_response = client.get(f"/people/{someone.pk}/delete/")
    post_response = client.post(f"/people/{someone.pk}/delete/", {"how_asked": "phone", "confirm": "on"})

    assert get_response.status_code == 403
    assert post_response.status_code == 403
    someone.refresh_from_db()
    assert someone.full_name == "Rosa Lindqvist"


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
