"""The consent pages: the person agreeing or withdrawing, and a coordinator recording it for someone."""

import pytest
from django.template.defaultfilters import date
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.people.models import (
    AccessProfile,
    Consent,
    ConsentMethod,
    Need,
    Notice,
    Purpose,
)
from coproduce.people.services.profile import give_consent
from coproduce.people.tests.factories import PersonFactory
from coproduce.people.tests.profile_pages import ClientFor, keep_needs, rows

# --- Consents ------------------------------------------------------------------------------------


def test_profile_consents_shows_each_notice_with_its_version_and_an_agree_button(
    dev: User, client_for: ClientFor
) -> None:
    Notice.objects.create(purpose=Purpose.CONTACT, version=2, title="Keeping in touch with you", text="New words.")

    response = client_for(dev).get("/you/consent/")

    assertContains(response, '<h1 class="govuk-heading-l">What you have agreed to</h1>', html=True)
    assertContains(response, '<h2 class="govuk-heading-m" id="contact">Keeping in touch with you</h2>', html=True)
    assertContains(response, "Version 2, published")
    assertContains(response, "New words.")
    assertContains(response, '<input type="hidden" name="purpose" value="contact">', html=True)
    assertContains(response, 'name="action" value="give"', count=3)
    assertNotContains(response, 'name="action" value="withdraw"')
    assertNotContains(response, "If you withdraw, we will delete the access needs")
    assertContains(
        response,
        '<a class="govuk-link" href="/you/equality/">Agree or withdraw on the equality monitoring page</a>',
    )
    assertNotContains(response, 'value="equality_monitoring"')


def test_profile_consents_when_agreed_offers_withdrawal_and_warns_about_access_needs(
    dev: User, client_for: ClientFor
) -> None:
    keep_needs(dev.person, dev, Need.AUDIO)
    consent = Consent.objects.get(person=dev.person)

    response = client_for(dev).get("/you/consent/")

    assertContains(response, f"Agreed on {date(consent.given_at)}, online")
    assertContains(response, 'name="action" value="withdraw"', count=1)
    assertContains(response, 'name="action" value="give"', count=2)
    assertContains(response, "If you withdraw, we will delete the access needs you have told us about.")


def test_profile_consents_after_the_wording_changed_offers_agreeing_again(dev: User, client_for: ClientFor) -> None:
    give_consent(dev.person, purpose=Purpose.PRIVACY_NOTICE, by=dev, method=ConsentMethod.ONLINE)
    Notice.objects.create(purpose=Purpose.PRIVACY_NOTICE, version=2, title="How we use it", text="New words.")

    response = client_for(dev).get("/you/consent/")

    assertContains(response, "Agreed to version 1 on")
    assertContains(response, "The wording has changed since.")
    assertContains(response, 'name="action" value="give"', count=3)
    assertContains(response, 'name="action" value="withdraw"', count=1)


def test_profile_consents_agree_creates_consent_and_says_so(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post("/you/consent/", {"purpose": "contact", "action": "give"}, follow=True)

    assertRedirects(response, "/you/consent/")
    assertContains(response, "You have agreed to: Keeping in touch")
    consent = Consent.objects.get(person=dev.person)
    assert (consent.notice.purpose, consent.method) == ("contact", "online")


def test_profile_consents_withdraw_access_needs_deletes_them_and_says_so(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev, Need.AUDIO)

    response = client_for(dev).post("/you/consent/", {"purpose": "access_needs", "action": "withdraw"}, follow=True)

    assertContains(
        response,
        "You have withdrawn your agreement to: Keeping your access needs. We have deleted your access needs.",
    )
    assertContains(response, "Withdrawn on")
    assert AccessProfile.objects.count() == 0
    assert Consent.objects.get(person=dev.person).withdrawn_method == "online"


def test_profile_consents_withdraw_contact_keeps_access_needs(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev, Need.AUDIO)
    give_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ConsentMethod.ONLINE)

    response = client_for(dev).post("/you/consent/", {"purpose": "contact", "action": "withdraw"}, follow=True)

    assertContains(response, "You have withdrawn your agreement to: Keeping in touch.")
    assertNotContains(response, "We have deleted your access needs")
    assert AccessProfile.objects.count() == 1


@pytest.mark.parametrize(
    "data",
    [
        {"purpose": "equality_monitoring", "action": "give"},
        {"purpose": "contact", "action": "shout"},
        {},
    ],
)
def test_profile_consents_refuses_forged_buttons_and_writes_nothing(
    data: dict[str, str], dev: User, client_for: ClientFor
) -> None:
    before = rows()

    response = client_for(dev).post("/you/consent/", data)

    assert response.status_code == 400
    assertContains(response, "Something was wrong with the request", status_code=400)
    assert rows() == before


# --- A coordinator recording consent for someone -------------------------------------------------


def test_person_consents_shows_where_they_stand_and_the_form(dev: User, amina: User, client_for: ClientFor) -> None:
    give_consent(dev.person, purpose=Purpose.CONTACT, by=amina, method=ConsentMethod.PHONE)

    response = client_for(amina).get(f"/people/{dev.person.pk}/consent/")

    assertContains(response, '<h1 class="govuk-heading-l">Consent for Devendra Patel</h1>', html=True)
    assertContains(response, "Agreed on")
    assertContains(response, ", by phone")
    assertContains(response, "Not agreed", count=3)
    assertContains(response, "we delete the access needs we keep for them.")
    assertContains(
        response, '<label class="govuk-label govuk-radios__label" for="id_purpose_1">Keeping their access needs</label>'
    )
    assertNotContains(response, 'value="equality_monitoring"')


def test_person_consents_records_agreement_by_phone(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", preferred_name="Rosa")

    response = client_for(amina).post(
        f"/people/{rosa.pk}/consent/", {"purpose": "contact", "action": "give", "method": "phone"}, follow=True
    )

    assertRedirects(response, f"/people/{rosa.pk}/consent/")
    assertContains(response, "Recorded that Rosa agreed to: Keeping in touch")
    consent = Consent.objects.get(person=rosa)
    assert (consent.notice.purpose, consent.method, consent.recorded_by) == ("contact", "phone", amina)


def test_person_consents_records_withdrawal_on_paper_and_deletes_access_needs(
    dev: User, amina: User, client_for: ClientFor
) -> None:
    keep_needs(dev.person, dev, Need.AUDIO)

    response = client_for(amina).post(
        f"/people/{dev.person.pk}/consent/",
        {"purpose": "access_needs", "action": "withdraw", "method": "paper"},
        follow=True,
    )

    assertContains(
        response,
        "Recorded that Dev withdrew their agreement to: Keeping your access needs. We have deleted their access needs.",
    )
    assertContains(response, ", on paper")
    assert Consent.objects.get(person=dev.person).withdrawn_method == "paper"
    assert AccessProfile.objects.count() == 0


def test_person_consents_with_nothing_chosen_shows_errors_and_writes_nothing(
    amina: User, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create()
    before = rows()

    response = client_for(amina).post(f"/people/{rosa.pk}/consent/", {})

    assertContains(
        response, '<li><a href="#id_purpose_0">Select what they agreed to or withdrew from</a></li>', html=True
    )
    assertContains(response, '<li><a href="#id_action_0">Select whether they agreed or withdrew</a></li>', html=True)
    assertContains(response, '<li><a href="#id_method_0">Select how they told you</a></li>', html=True)
    assert rows() == before
