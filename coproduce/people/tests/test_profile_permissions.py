"""Who may use the "your details" pages and the pages for acting on someone's behalf.

Access needs are special category data: only the person and coordinators may see them, by any URL.
"""

from collections.abc import Callable

import pytest
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.people.models import AccessNeed, AccessProfile, Consent, ConsentMethod, Need, Person
from coproduce.people.services.profile import AccessDetails, save_access_needs
from coproduce.people.tests.factories import PersonFactory

ClientFor = Callable[[User], Client]

PERSONAS = ("amina", "dev", "grace", "tom", "priya", "sam", "morgan")
COORDINATORS = ("amina", "morgan")
NOT_COORDINATORS = ("dev", "grace", "tom", "priya", "sam")
YOU_PATHS = ("/you/", "/you/contact/", "/you/access-needs/", "/you/recognition/", "/you/consent/")
ON_BEHALF_PATHS = ("/people/{pk}/access-needs/", "/people/{pk}/consent/")


def keep_needs_for(person: Person, *needs: Need, other_needs: str = "") -> None:
    save_access_needs(
        person,
        needs=list(needs),
        details=AccessDetails(other_needs=other_needs),
        by=person.user,  # type: ignore[arg-type]
        method=ConsentMethod.ONLINE,
        agreed=True,
    )


@pytest.mark.parametrize("path", YOU_PATHS)
@pytest.mark.parametrize("persona", PERSONAS)
def test_you_pages_are_open_to_everyone_with_a_record(
    path: str, persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    response = client_for(everyone[persona]).get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("path", YOU_PATHS)
def test_you_pages_refuse_a_sign_in_without_a_record(path: str, client_for: ClientFor) -> None:
    response = client_for(UserFactory.create()).get(path)

    assertContains(response, "You cannot see this page", status_code=403)


@pytest.mark.parametrize("path", YOU_PATHS)
def test_you_pages_send_signed_out_people_to_sign_in(path: str, client: Client, db: None) -> None:
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next={path}"


@pytest.mark.parametrize("path", ON_BEHALF_PATHS)
@pytest.mark.parametrize("persona", COORDINATORS)
def test_on_behalf_pages_are_open_to_coordinators(
    path: str, persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")

    response = client_for(everyone[persona]).get(path.format(pk=rosa.pk))

    assert response.status_code == 200


@pytest.mark.parametrize("path", ON_BEHALF_PATHS)
@pytest.mark.parametrize("persona", NOT_COORDINATORS)
@pytest.mark.parametrize("whose", ["dev", "grace", "priya", "rosa", "missing"])
def test_on_behalf_pages_refuse_everyone_else_whoever_the_person_is(
    path: str, persona: str, whose: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    # Including their own record, a person in their own organisation, and a record that does not exist.
    colleague = PersonFactory.create(organisation=everyone["priya"].person.organisation)
    pk = {
        "dev": everyone["dev"].person.pk,
        "grace": everyone["grace"].person.pk,
        "priya": colleague.pk,
        "rosa": PersonFactory.create().pk,
        "missing": 999999,
    }[whose]

    response = client_for(everyone[persona]).get(path.format(pk=pk))

    assertContains(response, "You cannot see this page", status_code=403)
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize("path", ON_BEHALF_PATHS)
def test_on_behalf_pages_send_signed_out_people_to_sign_in(path: str, client: Client, db: None) -> None:
    url = path.format(pk=PersonFactory.create().pk)

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/sign-in/?next={url}"


@pytest.mark.parametrize("persona", NOT_COORDINATORS)
def test_on_behalf_posts_are_refused_and_write_nothing(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    rosa = PersonFactory.create()
    client = client_for(everyone[persona])

    needs = client.post(
        f"/people/{rosa.pk}/access-needs/", {"needs_format": ["braille"], "agreed": "on", "method": "phone"}
    )
    consent = client.post(f"/people/{rosa.pk}/consent/", {"purpose": "contact", "action": "give", "method": "phone"})

    assert (needs.status_code, consent.status_code) == (403, 403)
    assert (Consent.objects.count(), AccessProfile.objects.count(), AuditEvent.objects.count()) == (0, 0, 0)


@pytest.mark.parametrize("persona", ["grace", "tom", "priya", "sam"])
@pytest.mark.parametrize("path", YOU_PATHS)
def test_you_pages_never_show_another_persons_access_needs(
    path: str, persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    keep_needs_for(everyone["dev"].person, Need.ASSISTANCE_DOG, other_needs="Dev's private note")

    response = client_for(everyone[persona]).get(path)

    assertNotContains(response, "Dev&#x27;s private note")
    assertNotContains(response, "Dev's private note")
    assertNotContains(response, "Assistance dog (")
    assertNotContains(response, "<li>Assistance dog</li>")
    assertNotContains(response, 'value="assistance_dog" checked')


def test_you_access_needs_post_only_ever_changes_the_signed_in_persons_own_needs(
    dev: User, grace: User, client_for: ClientFor
) -> None:
    keep_needs_for(dev.person, Need.AUDIO)

    client_for(grace).post("/you/access-needs/", {"needs_format": ["braille"], "agree": "on"})

    assert list(AccessNeed.objects.filter(profile__person=dev.person).values_list("need", flat=True)) == ["audio"]
    assert list(AccessNeed.objects.filter(profile__person=grace.person).values_list("need", flat=True)) == ["braille"]


@pytest.mark.parametrize("persona", COORDINATORS)
def test_every_coordinator_view_of_someones_access_needs_is_recorded(
    persona: str, everyone: dict[str, User], client_for: ClientFor
) -> None:
    dev = everyone["dev"]
    keep_needs_for(dev.person, Need.AUDIO)
    client = client_for(everyone[persona])

    client.get(f"/people/{dev.person.pk}/access-needs/")
    client.get(f"/people/{dev.person.pk}/access-needs/")

    viewed = AuditEvent.objects.filter(action="people.access_needs_viewed")
    assert [(event.actor, event.target_id, event.payload) for event in viewed] == [
        (everyone[persona], str(dev.person.pk), {}),
        (everyone[persona], str(dev.person.pk), {}),
    ]
