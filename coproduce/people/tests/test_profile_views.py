"""The "your details" pages, and a coordinator recording access needs and consent for someone."""

from collections.abc import Callable
from typing import Any

import pytest
from django.template.defaultfilters import date
from django.test import Client
from django.utils.html import escape
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
from coproduce.people.services.profile import AccessDetails, give_consent, save_access_needs
from coproduce.people.tests.factories import PersonFactory

ClientFor = Callable[[User], Client]

# The most queries the "your details" page may make, however much the person has told us.
DETAILS_MAX_QUERIES = 12


def rows() -> tuple[int, int, int, int, int]:
    """Counts of every kind of row these pages write, to show that bad input writes nothing."""
    return (
        Consent.objects.count(),
        AccessProfile.objects.count(),
        AccessNeed.objects.count(),
        AuditEvent.objects.count(),
        Person.objects.exclude(pronouns="").count(),
    )


def contact_data(**fields: str) -> dict[str, str]:
    data = {
        "preferred_name": "Dev",
        "pronouns": "he/him",
        "email": "dev.patel@example.org",
        "phone": "01632 960111",
        "postal_address": "1 High Street\nRiverside",
        "contact_route": "email",
        "supporter_name": "",
        "supporter_contact": "",
    }
    data.update(fields)
    return data


def needs_data(**fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "needs_format": [],
        "large_print_size": "",
        "needs_communication": [],
        "language": "",
        "needs_practical": [],
        "dietary_details": "",
        "needs_timing": [],
        "papers_days_before": "",
        "time_of_day": "",
        "other_needs": "",
    }
    data.update(fields)
    return data


def keep_needs(person: Person, by: User, *needs: Need, **details: Any) -> AccessProfile:
    method = ConsentMethod.ONLINE if person.user_id == by.pk else ConsentMethod.PHONE
    return save_access_needs(
        person, needs=list(needs), details=AccessDetails(**details), by=by, method=method, agreed=True
    )


# --- Your details --------------------------------------------------------------------------------


def test_profile_details_shows_contact_details_with_change_links(dev: User, client_for: ClientFor) -> None:
    Person.objects.filter(pk=dev.person.pk).update(
        pronouns="he/him", contact_route="supporter", supporter_name="Asha Patel", supporter_contact="01632 960222"
    )

    response = client_for(dev).get("/you/")

    assertContains(response, '<h1 class="govuk-heading-l">Your details</h1>', html=True)
    assertContains(response, '<dd class="govuk-summary-list__value">he/him</dd>', html=True)
    assertContains(response, '<dd class="govuk-summary-list__value">dev@example.org</dd>', html=True)
    assertContains(response, "Through someone who supports me")
    assertContains(response, "Asha Patel (01632 960222)")
    assertContains(
        response,
        '<a class="govuk-link" href="/you/contact/#id_pronouns">'
        'Change<span class="govuk-visually-hidden"> pronouns</span></a>',
    )
    assertContains(
        response,
        '<a class="govuk-link" href="/you/contact/#id_contact_route_0">'
        'Change<span class="govuk-visually-hidden"> how we contact you</span></a>',
    )


def test_profile_details_shows_access_needs_grouped_with_their_details(dev: User, client_for: ClientFor) -> None:
    keep_needs(
        dev.person,
        dev,
        Need.LARGE_PRINT,
        Need.EASY_READ,
        Need.DIETARY,
        large_print_size=18,
        dietary_details="Halal",
        other_needs="Please speak slowly.",
    )

    response = client_for(dev).get("/you/")

    assertContains(response, '<dt class="govuk-summary-list__key">Formats</dt>', html=True)
    assertContains(response, "<li>Large print (18 point)</li>", html=True)
    assertContains(response, "<li>Easy Read</li>", html=True)
    assertContains(response, '<dt class="govuk-summary-list__key">Practical needs</dt>', html=True)
    assertContains(response, "<li>Dietary needs (Halal)</li>", html=True)
    assertNotContains(response, "Communication support")
    assertContains(response, "Please speak slowly.")
    assertContains(
        response,
        '<a class="govuk-link" href="/you/access-needs/">Change<span class="govuk-visually-hidden"> formats</span></a>',
    )
    assertNotContains(response, "A coordinator recorded these for you")


def test_profile_details_says_when_a_coordinator_recorded_the_needs(
    dev: User, amina: User, client_for: ClientFor
) -> None:
    keep_needs(dev.person, amina, Need.BREAKS)

    response = client_for(dev).get("/you/")

    assertContains(response, "A coordinator recorded these for you, with your agreement, on")
    assertContains(response, "<li>Regular breaks</li>", html=True)


def test_profile_details_says_none_when_the_person_has_no_needs(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev)

    response = client_for(dev).get("/you/")

    assertContains(response, '<dd class="govuk-summary-list__value">None</dd>', html=True)


def test_profile_details_without_access_needs_invites_the_person_to_tell_us(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/")

    assertContains(response, "You have not told us about any access needs.")
    assertContains(response, '<a class="govuk-link" href="/you/access-needs/">Tell us about your access needs</a>')


def test_profile_details_shows_recognition_choices(dev: User, client_for: ClientFor) -> None:
    Person.objects.filter(pk=dev.person.pk).update(credit_preference="initials", payment_preference="voucher")

    response = client_for(dev).get("/you/")

    assertContains(response, '<dd class="govuk-summary-list__value">My initials</dd>', html=True)
    assertContains(response, '<dd class="govuk-summary-list__value">Shopping voucher</dd>', html=True)
    assertContains(
        response,
        '<a class="govuk-link" href="/you/recognition/#id_payment_preference_0">'
        'Change<span class="govuk-visually-hidden"> how we pay you</span></a>',
    )


def test_profile_details_shows_recognition_not_yet_given(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/")

    assertContains(response, "You have not told us yet", count=2)


def test_profile_details_shows_each_consent_and_links_to_change_it(dev: User, client_for: ClientFor) -> None:
    consent = give_consent(dev.person, purpose=Purpose.CONTACT, by=dev, method=ConsentMethod.ONLINE)
    consent.refresh_from_db()

    response = client_for(dev).get("/you/")

    assertContains(response, f"Agreed on {date(consent.given_at)}, online")
    assertContains(response, "Not agreed", count=3)
    assertContains(
        response,
        '<a class="govuk-link" href="/you/consent/#contact">'
        'Change<span class="govuk-visually-hidden"> keeping in touch</span></a>',
    )
    assertContains(
        response,
        '<a class="govuk-link" href="/you/equality/">'
        'Change<span class="govuk-visually-hidden"> equality monitoring</span></a>',
    )


def test_profile_details_links_to_equality_monitoring_and_your_data(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/")

    assertContains(response, '<a class="govuk-link" href="/you/equality/">Go to equality monitoring</a>')
    assertContains(response, '<a class="govuk-link" href="/you/data/">Download your data</a>')
    assertContains(response, '<a class="govuk-link" href="/you/delete/">Delete your account</a>')


def test_profile_details_makes_a_bounded_number_of_queries(
    dev: User, client_for: ClientFor, django_assert_max_num_queries: Any
) -> None:
    keep_needs(dev.person, dev, *Need, large_print_size=20, language="Urdu", dietary_details="Vegan")
    for purpose in (Purpose.PRIVACY_NOTICE, Purpose.CONTACT):
        give_consent(dev.person, purpose=purpose, by=dev, method=ConsentMethod.ONLINE)
    client = client_for(dev)

    with django_assert_max_num_queries(DETAILS_MAX_QUERIES):
        response = client.get("/you/")

    assert response.status_code == 200


# --- Contact details -----------------------------------------------------------------------------


def test_profile_contact_shows_the_current_details(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/contact/")

    assertContains(response, '<h1 class="govuk-heading-l">Your contact details</h1>', html=True)
    assertContains(response, 'value="dev@example.org"')
    assertContains(response, 'autocomplete="email"')
    assertContains(response, "It does not change the email address you sign in with.")
    assertContains(response, 'name="contact_route" type="radio" value="email" checked')


def test_profile_contact_saves_and_says_so(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post("/you/contact/", contact_data(), follow=True)

    assertRedirects(response, "/you/")
    assertContains(response, "Your contact details have been saved")
    person = Person.objects.get(pk=dev.person.pk)
    assert (person.pronouns, person.email, person.phone, person.postal_address) == (
        "he/him",
        "dev.patel@example.org",
        "01632 960111",
        "1 High Street\nRiverside",
    )
    assert dev.email == User.objects.get(pk=dev.pk).email == "dev@example.org"


def test_profile_contact_through_a_supporter_saves_their_details(dev: User, client_for: ClientFor) -> None:
    data = contact_data(contact_route="supporter", supporter_name="Asha Patel", supporter_contact="01632 960222")

    client_for(dev).post("/you/contact/", data)

    person = Person.objects.get(pk=dev.person.pk)
    assert (person.contact_route, person.supporter_name, person.supporter_contact) == (
        "supporter",
        "Asha Patel",
        "01632 960222",
    )


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        (
            {"contact_route": "supporter", "supporter_contact": "01632 960222"},
            "id_supporter_name",
            "Enter the name of the person who supports you",
        ),
        (
            {"contact_route": "supporter", "supporter_name": "Asha Patel"},
            "id_supporter_contact",
            "Enter how we can contact the person who supports you",
        ),
        ({"email": ""}, "id_email", "Enter your email address, or choose another way for us to contact you"),
        (
            {"contact_route": "phone", "phone": ""},
            "id_phone",
            "Enter your phone number, or choose another way for us to contact you",
        ),
        (
            {"contact_route": "text", "phone": ""},
            "id_phone",
            "Enter your mobile phone number, or choose another way for us to contact you",
        ),
        (
            {"contact_route": "post", "postal_address": ""},
            "id_postal_address",
            "Enter your postal address, or choose another way for us to contact you",
        ),
        ({"email": "not an email"}, "id_email", "Enter an email address in the correct format, like name@example.com"),
        ({"contact_route": ""}, "id_contact_route_0", "Select how you want us to contact you"),
    ],
)
def test_profile_contact_bad_input_shows_the_error_and_writes_nothing(
    fields: dict[str, str], field_id: str, message: str, dev: User, client_for: ClientFor
) -> None:
    before = rows()

    response = client_for(dev).post("/you/contact/", contact_data(**fields))

    assert response.status_code == 200
    assertContains(response, f'<li><a href="#{field_id}">{escape(message)}</a></li>', html=True)
    assertContains(response, "<title>Error: Your contact details – Coproduce</title>")
    assert rows() == before
    assert Person.objects.get(pk=dev.person.pk).phone == ""


# --- Access needs --------------------------------------------------------------------------------


def test_profile_access_needs_without_consent_shows_the_notice_and_asks_for_agreement(
    dev: User, client_for: ClientFor
) -> None:
    notice = Notice.objects.current(Purpose.ACCESS_NEEDS)

    response = client_for(dev).get("/you/access-needs/")

    assertContains(response, '<h1 class="govuk-heading-l">Your access needs</h1>', html=True)
    for legend in ("Formats", "Communication support", "Practical needs", "Timing"):
        assertContains(
            response, f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>', html=True
        )
    assertContains(response, f'<h2 class="govuk-heading-m">{notice.title}</h2>', html=True)
    assertContains(response, notice.text)
    assertContains(response, "I agree to you keeping a note of my access needs")


def test_profile_access_needs_with_consent_does_not_ask_again_and_shows_what_was_kept(
    dev: User, client_for: ClientFor
) -> None:
    keep_needs(dev.person, dev, Need.LARGE_PRINT, Need.TIME_OF_DAY, large_print_size=16, time_of_day="Mornings")

    response = client_for(dev).get("/you/access-needs/")

    assertNotContains(response, 'name="agree"')
    assertNotContains(response, Notice.objects.current(Purpose.ACCESS_NEEDS).text)
    assertContains(response, 'name="needs_format" type="checkbox" value="large_print" checked')
    assertContains(response, 'name="needs_timing" type="checkbox" value="time_of_day" checked')
    assertContains(response, 'name="large_print_size" value="16"')
    assertContains(response, 'name="time_of_day" value="Mornings"')


def test_profile_access_needs_saves_needs_with_agreement_in_one_go(dev: User, client_for: ClientFor) -> None:
    data = needs_data(
        needs_format=["large_print", "other_language"],
        large_print_size="16",
        language="Gujarati",
        needs_practical=["step_free"],
        needs_timing=["papers_in_advance"],
        papers_days_before="7",
        other_needs="I bring my own chair.",
        agree="on",
    )

    response = client_for(dev).post("/you/access-needs/", data, follow=True)

    assertRedirects(response, "/you/")
    assertContains(response, "Your access needs have been saved")
    profile = AccessProfile.objects.get(person=dev.person)
    assert sorted(profile.needs.values_list("need", flat=True)) == [
        "large_print",
        "other_language",
        "papers_in_advance",
        "step_free",
    ]
    assert (profile.large_print_size, profile.language, profile.papers_days_before, profile.other_needs) == (
        16,
        "Gujarati",
        7,
        "I bring my own chair.",
    )
    assert Consent.objects.get(person=dev.person).method == "online"
    assert AuditEvent.objects.get(action="access_needs.changed").payload == {"recorded_by_coordinator": False}


@pytest.mark.parametrize(
    ("fields", "field_id", "message"),
    [
        ({"needs_format": ["large_print"], "large_print_size": "huge"}, "id_large_print_size",
         "Large print size must be a whole number, like 16"),
        ({"needs_format": ["large_print"], "large_print_size": "200"}, "id_large_print_size",
         "Large print size must be between 12 and 72"),
        ({"needs_format": ["large_print"], "large_print_size": "11"}, "id_large_print_size",
         "Large print size must be between 12 and 72"),
        ({"needs_format": ["large_print"], "large_print_size": "14.5"}, "id_large_print_size",
         "Large print size must be a whole number, like 16"),
        ({"needs_format": ["large_print"]}, "id_large_print_size",
         "Enter the large print size you need, in points, like 16"),
        ({"needs_format": ["other_language"]}, "id_language", "Enter the language you need"),
        ({"needs_communication": ["other_interpreter"]}, "id_language", "Enter the language you need"),
        ({"needs_practical": ["dietary"]}, "id_dietary_details", "Tell us about your dietary needs"),
        ({"needs_timing": ["papers_in_advance"], "papers_days_before": "29"}, "id_papers_days_before",
         "The number of days must be between 1 and 28"),
        ({"needs_timing": ["papers_in_advance"], "papers_days_before": "a week"}, "id_papers_days_before",
         "The number of days must be a whole number, like 5"),
        ({"needs_format": ["jetpack"]}, "id_needs_format_0",
         "Select a valid choice. jetpack is not one of the available choices."),
    ],
)  # fmt: skip
def test_profile_access_needs_bad_input_shows_the_error_and_writes_nothing(
    fields: dict[str, Any], field_id: str, message: str, dev: User, client_for: ClientFor
) -> None:
    before = rows()

    response = client_for(dev).post("/you/access-needs/", needs_data(agree="on", **fields))

    assert response.status_code == 200
    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>', html=True)
    assertContains(response, f'<li><a href="#{field_id}">{escape(message)}</a></li>', html=True)
    assert rows() == before


def test_profile_access_needs_without_ticking_agreement_writes_nothing(dev: User, client_for: ClientFor) -> None:
    before = rows()

    response = client_for(dev).post("/you/access-needs/", needs_data(needs_format=["easy_read"]))

    assertContains(
        response,
        '<li><a href="#id_agree">Tick the box to agree, or we cannot keep your access needs</a></li>',
        html=True,
    )
    assertContains(response, Notice.objects.current(Purpose.ACCESS_NEEDS).text)
    assert rows() == before


def test_profile_access_needs_by_the_person_records_no_view(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev, Need.AUDIO)

    client_for(dev).get("/you/access-needs/")

    assert not AuditEvent.objects.filter(action="access_needs.viewed").exists()


# --- Recognition ---------------------------------------------------------------------------------


def test_profile_recognition_shows_both_questions_with_plain_hints(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get("/you/recognition/")

    assertContains(response, '<h1 class="govuk-heading-l">Being thanked and paid</h1>', html=True)
    assertContains(response, "How do you want to be named when we thank people?")
    assertContains(response, "We thank people by name in reports and on our website. You can choose not to be named.")
    assertContains(response, "You can say no: it will not change how we treat you.")
    assertContains(response, 'value="anonymous"')
    assertContains(response, 'value="decline"')


def test_profile_recognition_saves_the_choices(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(
        "/you/recognition/", {"credit_preference": "full_name", "payment_preference": "bank_transfer"}, follow=True
    )

    assertRedirects(response, "/you/")
    assertContains(response, "Your choices about being thanked and paid have been saved")
    person = Person.objects.get(pk=dev.person.pk)
    assert (person.credit_preference, person.payment_preference) == ("full_name", "bank_transfer")


def test_profile_recognition_with_nothing_chosen_shows_both_errors_and_writes_nothing(
    dev: User, client_for: ClientFor
) -> None:
    response = client_for(dev).post("/you/recognition/", {})

    assertContains(
        response, '<li><a href="#id_credit_preference_0">Select how you want to be named</a></li>', html=True
    )
    assertContains(
        response, '<li><a href="#id_payment_preference_0">Select how you want to be paid</a></li>', html=True
    )
    assert AuditEvent.objects.count() == 0
    assert Person.objects.get(pk=dev.person.pk).credit_preference == ""


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


# --- A coordinator recording access needs for someone --------------------------------------------


def test_person_access_needs_shows_the_form_the_notice_and_the_agreement_question(
    amina: User, client_for: ClientFor
) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", preferred_name="Rosa")

    response = client_for(amina).get(f"/people/{rosa.pk}/access-needs/")

    assertContains(response, '<h1 class="govuk-heading-l">Access needs for Rosa Lindqvist</h1>', html=True)
    assertContains(response, "We do not keep any access needs for Rosa yet.")
    assertContains(response, "Rosa has not agreed yet. Read this to them, or send it to them on paper")
    assertContains(response, Notice.objects.current(Purpose.ACCESS_NEEDS).text)
    assertContains(response, "Rosa has agreed to us recording their access needs")
    assertContains(
        response, '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">How did they tell you?</legend>'
    )
    assertContains(response, '<label class="govuk-label govuk-radios__label" for="id_method_0">By phone</label>')


def test_person_access_needs_shows_what_is_kept_and_records_the_view(
    dev: User, amina: User, client_for: ClientFor
) -> None:
    keep_needs(dev.person, dev, Need.EASY_READ)

    response = client_for(amina).get(f"/people/{dev.person.pk}/access-needs/")

    assertContains(response, 'name="needs_format" type="checkbox" value="easy_read" checked')
    assertContains(response, "Dev has agreed to us keeping their access needs. Check they still agree.")
    assertContains(response, ", by Dev.</p>")
    [event] = AuditEvent.objects.filter(action="access_needs.viewed")
    assert (event.actor, event.target_id, event.payload) == (amina, str(dev.person.pk), {})


def test_person_access_needs_says_who_recorded_them(dev: User, amina: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, amina, Need.EASY_READ)

    response = client_for(amina).get(f"/people/{dev.person.pk}/access-needs/")

    assertContains(response, ", recorded by amina@example.org.</p>")


def test_person_access_needs_saves_with_consent_recorded_on_their_behalf(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist")
    data = needs_data(needs_communication=["bsl_interpreter"], agreed="on", method="paper")

    response = client_for(amina).post(f"/people/{rosa.pk}/access-needs/", data, follow=True)

    assertRedirects(response, f"/people/{rosa.pk}/")
    assertContains(response, "Rosa Lindqvist’s access needs have been saved")
    consent = Consent.objects.get(person=rosa)
    assert (consent.method, consent.recorded_by) == ("paper", amina)
    profile = AccessProfile.objects.get(person=rosa)
    assert (profile.recorded_by, profile.person_agreed) == (amina, True)
    assert list(profile.needs.values_list("need", flat=True)) == ["bsl_interpreter"]
    assert AuditEvent.objects.get(action="access_needs.changed").payload == {"recorded_by_coordinator": True}


def test_person_access_needs_without_agreement_or_method_writes_nothing(amina: User, client_for: ClientFor) -> None:
    rosa = PersonFactory.create(full_name="Rosa Lindqvist", preferred_name="Rosa")
    before = rows()

    response = client_for(amina).post(f"/people/{rosa.pk}/access-needs/", needs_data(needs_format=["braille"]))

    assertContains(
        response,
        '<li><a href="#id_agreed">'
        "Tick the box to confirm they have agreed, or we cannot keep their access needs</a></li>",
        html=True,
    )
    assertContains(response, '<li><a href="#id_method_0">Select how they told you</a></li>', html=True)
    assert rows()[:3] == before[:3]
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["access_needs.viewed"]


def test_person_access_needs_for_someone_unknown_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/999999/access-needs/")

    assert response.status_code == 404


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
