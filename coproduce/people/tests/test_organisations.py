import pytest
from django.urls import reverse

from coproduce.people.models import Organisation
from coproduce.people.tests.factories import PersonFactory


def test_organisation_list_counts_current_people(amina, priya, client_for):
    response = client_for(amina).get(reverse("people:organisations"))

    body = response.content.decode()
    assert response.status_code == 200
    assert "Riverside Council" in body
    assert response.context["organisations"].get(name="Riverside Council").people_count == 1


def test_organisation_detail_lists_its_representatives(amina, priya, client_for):
    organisation = priya.person.organisation

    response = client_for(amina).get(reverse("people:organisation_detail", kwargs={"pk": organisation.pk}))

    assert f'href="/people/{priya.person.pk}/">Priya Sharma</a>' in response.content.decode()


def test_organisation_create_adds_it(amina, client_for):
    response = client_for(amina).post(
        reverse("people:organisation_create"), {"name": "Northbridge NHS Trust", "kind": "nhs"}
    )

    organisation = Organisation.objects.get(name="Northbridge NHS Trust")
    assert response["Location"] == reverse("people:organisation_detail", kwargs={"pk": organisation.pk})
    assert organisation.kind == "nhs"


def test_organisation_create_refuses_a_duplicate_with_a_message(amina, priya, client_for):
    response = client_for(amina).post(
        reverse("people:organisation_create"), {"name": "Riverside Council", "kind": "council"}
    )

    assert "This organisation is already recorded" in response.content.decode()
    assert Organisation.objects.filter(name="Riverside Council").count() == 1


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_organisation_pages_are_for_coordinators(persona, everyone, client_for):
    client = client_for(everyone[persona])
    organisation = PersonFactory.create().organisation or Organisation.objects.create(name="Northbridge Council")

    responses = [
        client.get(reverse("people:organisations")),
        client.get(reverse("people:organisation_detail", kwargs={"pk": organisation.pk})),
        client.post(reverse("people:organisation_create"), {"name": "New", "kind": "other"}),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert not Organisation.objects.filter(name="New").exists()
