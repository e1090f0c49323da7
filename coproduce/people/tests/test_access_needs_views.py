"""The access needs pages: the person telling us their own, and a coordinator recording them for someone."""

from typing import Any

import pytest
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.people.models import (
    AccessProfile,
    Consent,
    Need,
    Notice,
    Purpose,
)
from coproduce.people.tests.factories import PersonFactory
from coproduce.people.tests.profile_pages import ClientFor, keep_needs, needs_data, rows

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
    assert AuditEvent.objects.get(action="people.access_needs_changed").payload == {"recorded_by_coordinator": False}


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
        ({"needs_communication": ["other_interpreter"]}, "id_interpreter_language",
         "Enter the language you need an interpreter for"),
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

    assert not AuditEvent.objects.filter(action="people.access_needs_viewed").exists()


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
    [event] = AuditEvent.objects.filter(action="people.access_needs_viewed")
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
    assert AuditEvent.objects.get(action="people.access_needs_changed").payload == {"recorded_by_coordinator": True}


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
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["people.access_needs_viewed"]


def test_person_access_needs_for_someone_unknown_is_not_found(amina: User, client_for: ClientFor) -> None:
    response = client_for(amina).get("/people/999999/access-needs/")

    assert response.status_code == 404
