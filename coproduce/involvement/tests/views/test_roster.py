"""The roster, support for one person, adding someone, and the ready gate."""

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.involvement.choices import ArrangementStatus, RegistrationStatus
from coproduce.involvement.models import Activity, NeedArrangement, Registration
from coproduce.involvement.tests.factories import RegistrationFactory, give_needs
from coproduce.involvement.tests.views.helpers import ERROR_SUMMARY, ROSTER_MAX_QUERIES, ClientFor
from coproduce.people.models import Need
from coproduce.people.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def test_roster_shows_each_persons_access_needs_and_formats(
    amina: User, dev: User, grace: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.EASY_READ, Need.STEP_FREE)
    devs = RegistrationFactory.create(activity=workshop, person=dev.person)
    RegistrationFactory.create(activity=workshop, person=grace.person)
    NeedArrangement.objects.create(registration=devs, need="step_free", status="met", updated_by=amina)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, '<h1 class="govuk-heading-l">Who is coming to Bus stop design workshop</h1>')
    assertContains(response, '<h3 class="govuk-summary-card__title">Devendra Patel</h3>')
    assertContains(response, "<strong>Easy Read</strong>")
    assertContains(response, '<dt class="govuk-summary-list__key">Step-free access</dt>')
    assertContains(response, '<strong class="govuk-tag govuk-tag--green">Met</strong>')
    assertContains(response, '<strong class="govuk-tag govuk-tag--grey">Not looked at yet</strong>')
    assertContains(response, "No access needs told to us")
    assertContains(response, "1 access need is not met yet.")
    assertContains(response, f'href="/get-involved/manage/registrations/{devs.pk}/support/">Update support')


def test_roster_records_that_it_was_seen_without_the_needs(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.EASY_READ)
    RegistrationFactory.create(activity=workshop, person=dev.person)

    client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    event = AuditEvent.objects.get(action="involvement.roster_viewed")
    assert (event.actor, event.target_id, event.payload) == (amina, str(workshop.pk), {})


def test_roster_warns_when_papers_go_out_too_late(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    give_needs(dev.person, Need.LARGE_PRINT)
    RegistrationFactory.create(activity=workshop, person=dev.person)
    Activity.objects.filter(pk=workshop.pk).update(
        papers_issued_on=timezone.localdate(workshop.starts_at) - timedelta(days=2)
    )

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, "Papers go out 2 days before the activity. 1 person needs papers in another format")


def test_roster_lists_waiting_and_interested_people(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    RegistrationFactory.create(activity=workshop, status=RegistrationStatus.WAITING)
    olu = PersonFactory.create(full_name="Olu Ade", email="olu@example.org", awaiting_confirmation=True)
    RegistrationFactory.create(activity=workshop, person=olu, status=RegistrationStatus.INTERESTED)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, '<h2 class="govuk-heading-m">Waiting list (1)</h2>')
    assertContains(response, '<h2 class="govuk-heading-m">Interested, not confirmed yet (1)</h2>')
    assertContains(response, '<td class="govuk-table__cell">olu@example.org</td>')
    assertContains(response, f'href="/get-involved/manage/{workshop.pk}/roster/add/?person={olu.pk}">Add')


@pytest.mark.parametrize("count", [3, 40])
def test_roster_stays_within_a_fixed_number_of_queries(
    django_assert_max_num_queries, amina: User, workshop: Activity, client_for: ClientFor, count: int
) -> None:
    Activity.objects.filter(pk=workshop.pk).update(capacity=None)
    for number in range(count):
        registration = RegistrationFactory.create(activity=workshop)
        if number % 2:
            give_needs(registration.person, Need.EASY_READ, Need.BSL_INTERPRETER)
            NeedArrangement.objects.create(registration=registration, need="easy_read", status="met", updated_by=amina)
    client = client_for(amina)

    with django_assert_max_num_queries(ROSTER_MAX_QUERIES):
        response = client.get(f"/get-involved/manage/{workshop.pk}/roster/")

    assertContains(response, f"Registered ({count})")


def test_arrangements_page_asks_about_each_need(amina: User, devs_place: Registration, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/get-involved/manage/registrations/{devs_place.pk}/support/")

    assertContains(response, '<h1 class="govuk-heading-l">Support for Devendra Patel</h1>')
    assertContains(response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Easy Read</legend>')
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Step-free access</legend>'
    )
    assertContains(response, "If step-free access cannot be met, say why")


def test_arrangements_are_saved_and_the_person_is_told(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    client = client_for(amina)

    response = client.post(
        f"/get-involved/manage/registrations/{devs_place.pk}/support/",
        {"status_easy_read": "met", "status_step_free": "cannot_be_met", "reason_step_free": "The lift is broken."},
    )

    assertRedirects(response, f"/get-involved/manage/{devs_place.activity_id}/roster/", fetch_redirect_response=False)
    assert dict(devs_place.arrangements.values_list("need", "status")) == {
        "easy_read": "met",
        "step_free": "cannot_be_met",
    }
    assertContains(
        client.get(f"/get-involved/manage/{devs_place.activity_id}/roster/"),
        "Support for Devendra Patel is saved. We will email them to say what cannot be met, and why.",
    )


def test_arrangements_tell_the_coordinator_to_phone_someone_without_email(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    give_needs(rosa, Need.BRAILLE)
    registration = RegistrationFactory.create(activity=workshop, person=rosa)
    client = client_for(amina)

    client.post(
        f"/get-involved/manage/registrations/{registration.pk}/support/",
        {"status_braille": "cannot_be_met", "reason_braille": "No braille printer."},
    )

    assertContains(
        client.get(f"/get-involved/manage/{workshop.pk}/roster/"),
        "Rosa Lindqvist has no email address, so tell them yourself what cannot be met.",
    )


def test_arrangements_refuse_cannot_be_met_without_a_reason(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    response = client_for(amina).post(
        f"/get-involved/manage/registrations/{devs_place.pk}/support/",
        {"status_easy_read": "met", "status_step_free": "cannot_be_met", "reason_step_free": ""},
    )

    assertContains(response, ERROR_SUMMARY)
    assertContains(response, '<a href="#id_reason_step_free">Say why this cannot be met. We will tell the person.</a>')
    assert NeedArrangement.objects.count() == 0


def test_arrangements_for_a_withdrawn_registration_are_not_found(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    Registration.objects.filter(pk=devs_place.pk).update(status=RegistrationStatus.WITHDRAWN)

    response = client_for(amina).get(f"/get-involved/manage/registrations/{devs_place.pk}/support/")

    assert response.status_code == 404


def test_arrangements_page_for_someone_with_no_needs(amina: User, grace: User, workshop: Activity, client_for) -> None:
    registration = RegistrationFactory.create(activity=workshop, person=grace.person)

    response = client_for(amina).get(f"/get-involved/manage/registrations/{registration.pk}/support/")

    assertContains(response, "No access needs told to us.")
    assertNotContains(response, "Save support")


# --- Adding someone -----------------------------------------------------------------------


def test_roster_add_registers_someone_who_phoned(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", email="")
    client = client_for(amina)

    response = client.post(f"/get-involved/manage/{workshop.pk}/roster/add/", {"person": rosa.pk})

    assertRedirects(response, f"/get-involved/manage/{workshop.pk}/roster/", fetch_redirect_response=False)
    assert Registration.objects.get(person=rosa).status == RegistrationStatus.REGISTERED
    assertContains(client.get(f"/get-involved/manage/{workshop.pk}/roster/"), "Rosa Lindqvist is registered.")


def test_roster_add_chooses_the_interested_person_from_the_link(
    amina: User, workshop: Activity, client_for: ClientFor
) -> None:
    olu = PersonFactory.create(full_name="Olu Ade", awaiting_confirmation=True)

    response = client_for(amina).get(f"/get-involved/manage/{workshop.pk}/roster/add/?person={olu.pk}")

    assertContains(response, f'<option value="{olu.pk}" selected>Olu Ade</option>', html=True)


def test_roster_add_refuses_someone_already_registered(
    amina: User, dev: User, workshop: Activity, client_for: ClientFor
) -> None:
    RegistrationFactory.create(activity=workshop, person=dev.person)

    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/roster/add/", {"person": dev.person.pk})

    assertContains(response, '<a href="#id_person">Devendra Patel is already registered for this activity.</a>')


def test_roster_add_without_a_choice_explains(amina: User, workshop: Activity, client_for: ClientFor) -> None:
    response = client_for(amina).post(f"/get-involved/manage/{workshop.pk}/roster/add/", {})

    assertContains(response, '<a href="#id_person">Choose who is coming</a>')
    assert Registration.objects.count() == 0


# --- The ready gate -----------------------------------------------------------------------


def test_mark_ready_lists_the_needs_not_met(amina: User, devs_place: Registration, client_for: ClientFor) -> None:
    response = client_for(amina).get(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertContains(response, '<h1 class="govuk-heading-l">Mark Bus stop design workshop as ready?</h1>')
    assertContains(response, "<li>Devendra Patel: Easy Read (not looked at yet).")
    assertContains(response, "<li>Devendra Patel: Step-free access (not looked at yet).")


def test_mark_ready_is_refused_while_needs_are_not_met(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    response = client_for(amina).post(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertContains(response, ERROR_SUMMARY)
    assertContains(
        response,
        '<a href="#open-needs">This activity cannot be marked ready yet. 2 access needs are not met. '
        "Mark each need as met, or say why it cannot be met.</a>",
    )
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is False


def test_mark_ready_once_every_need_is_met_or_explained(
    amina: User, devs_place: Registration, client_for: ClientFor
) -> None:
    NeedArrangement.objects.create(registration=devs_place, need="easy_read", status="met", updated_by=amina)
    NeedArrangement.objects.create(
        registration=devs_place,
        need="step_free",
        status=ArrangementStatus.CANNOT_BE_MET,
        reason="The lift is broken.",
        updated_by=amina,
    )
    client = client_for(amina)

    response = client.post(f"/get-involved/manage/{devs_place.activity_id}/ready/")

    assertRedirects(response, f"/get-involved/manage/{devs_place.activity_id}/", fetch_redirect_response=False)
    assert Activity.objects.get(pk=devs_place.activity_id).is_ready is True
    assertContains(client.get(f"/get-involved/manage/{devs_place.activity_id}/"), "Bus stop design workshop is ready.")
