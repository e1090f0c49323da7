import pytest
from django.urls import reverse

from coproduce.learning.services.charter import Commitment, ensure_learning_defaults, sign_for_organisation
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


def test_organisation_page_shows_its_own_commitments(amina, priya, client_for):
    """The organisation page once left out what the organisation promised when it signed the charter."""
    ensure_learning_defaults()
    organisation = priya.person.organisation
    sign_for_organisation(organisation, commitments=[Commitment("We answer within 8 weeks.", 56)], by=priya)

    html = client_for(amina).get(reverse("people:organisation_detail", kwargs={"pk": organisation.pk})).content.decode()

    assert "What Riverside Council committed to" in html
    assert "We answer within 8 weeks. (answering recommendations within 56 days)" in html


def test_partner_sees_her_own_organisations_page_only(priya, client_for):
    client = client_for(priya)
    other = Organisation.objects.create(name="Northbridge Council")

    own = client.get(reverse("people:organisation_detail", kwargs={"pk": priya.person.organisation_id}))
    refused = client.get(reverse("people:organisation_detail", kwargs={"pk": other.pk}))

    assert own.status_code == 200
    assert "Riverside Council has made no commitments of its own yet." in own.content.decode()
    assert f'href="{reverse("people:organisations")}"' not in own.content.decode()
    assert refused.status_code == 403
