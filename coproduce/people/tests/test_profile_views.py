"""The "your details" pages: the summary, contact details and recognition."""

from typing import Any

import pytest
from django.template.defaultfilters import date
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    ConsentMethod,
    Need,
    Person,
    Purpose,
)
from coproduce.people.services.profile import give_consent
from coproduce.people.tests.profile_pages import ClientFor, contact_data, keep_needs, rows

# The most queries the "your details" page may make, however much the person has told us.
DETAILS_MAX_QUERIES = 12


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


def test_profile_details_says_in_words_when_the_person_has_no_needs(dev: User, client_for: ClientFor) -> None:
    keep_needs(dev.person, dev)

    response = client_for(dev).get("/you/")

    assertContains(response, '<dd class="govuk-summary-list__value">You have not told us about any</dd>', html=True)
    assertNotContains(response, "None")


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
