import pytest
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.people.tests.factories import PersonFactory


@pytest.fixture
def sunita(db):
    return PersonFactory.create(full_name="Sunita Rao", awaiting_confirmation=True)


def test_person_confirm_clears_the_flag_and_is_audited(amina, sunita, client_for):
    response = client_for(amina).post(reverse("people:confirm", kwargs={"pk": sunita.pk}))

    sunita.refresh_from_db()
    assert response["Location"] == reverse("people:detail", kwargs={"pk": sunita.pk})
    assert sunita.awaiting_confirmation is False
    assert AuditEvent.objects.for_target(sunita).filter(action="people.person_confirmed").count() == 1


def test_person_confirm_twice_records_one_event(amina, sunita, client_for):
    client = client_for(amina)

    client.post(reverse("people:confirm", kwargs={"pk": sunita.pk}))
    client.post(reverse("people:confirm", kwargs={"pk": sunita.pk}))

    assert AuditEvent.objects.for_target(sunita).filter(action="people.person_confirmed").count() == 1


def test_person_detail_offers_confirmation_only_while_awaiting(amina, sunita, client_for):
    client = client_for(amina)

    before = client.get(reverse("people:detail", kwargs={"pk": sunita.pk})).content.decode()
    client.post(reverse("people:confirm", kwargs={"pk": sunita.pk}))
    after = client.get(reverse("people:detail", kwargs={"pk": sunita.pk})).content.decode()

    assert "Confirm Sunita Rao" in before
    assert "Confirm Sunita Rao" not in after


def test_person_list_marks_people_to_confirm(amina, sunita, client_for):
    html = client_for(amina).get(reverse("people:list")).content.decode()

    assert '<strong class="govuk-tag govuk-tag--yellow">To confirm</strong>' in html


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_person_confirm_is_refused_to_everyone_but_coordinators(persona, everyone, sunita, client_for):
    response = client_for(everyone[persona]).post(reverse("people:confirm", kwargs={"pk": sunita.pk}))

    sunita.refresh_from_db()
    assert response.status_code == 403
    assert sunita.awaiting_confirmation is True


def test_person_confirm_by_get_is_not_allowed(amina, sunita, client_for):
    response = client_for(amina).get(reverse("people:confirm", kwargs={"pk": sunita.pk}))

    assert response.status_code == 405
