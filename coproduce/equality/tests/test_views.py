"""The person's own equality monitoring pages: their answers, the questions, and stopping the use of them."""

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent
from coproduce.equality.models import EqualityResponse
from coproduce.equality.tests.factories import EqualityConsentFactory, EqualityResponseFactory
from coproduce.people.models import Consent, ConsentMethod

ClientFor = Callable[[User], Client]

MINE = "/you/equality/"
ANSWER = "/you/equality/answer/"
WITHDRAW = "/you/equality/withdraw/"
ANSWERED_ON = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)

# The most queries each page may make.
MINE_MAX_QUERIES = 10
ANSWER_MAX_QUERIES = 10

NOTICE_TEXT = "We ask some questions about who you are, such as your ethnic group or whether you are disabled."
NO_AGREEMENT = (
    "You need to agree to us keeping your answers before we can save them. Tick the box to agree, "
    "or leave this page and nothing will be saved."
)
STAFF = ["amina", "sam", "morgan"]


@pytest.fixture
def devs_answers(dev: User) -> EqualityResponse:
    """Dev's answers, with a write-in that appears nowhere else."""
    return EqualityResponseFactory.create(
        person=dev.person,
        answered_at=ANSWERED_ON,
        age_band="25_to_34",
        gender_identity="no",
        gender_identity_write_in="Genderfluid-Dev",
        ethnic_group="white_gypsy_or_irish_traveller",
        unpaid_care="20_to_34",
    )


def checked_radio(name: str, value: str) -> str:
    return f'name="{name}" type="radio" value="{value}" checked'


# --- Your answers -----------------------------------------------------------------------------


def test_mine_without_answers_invites_the_person_to_answer(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get(MINE)

    assertContains(response, '<h1 class="govuk-heading-l">Your equality monitoring answers</h1>', html=True)
    assertContains(response, "You have not answered the equality monitoring questions.")
    assertContains(response, f'<a href="{ANSWER}" role="button" draggable="false" class="govuk-button"')
    assertNotContains(response, "Stop using my answers")


def test_mine_shows_the_persons_latest_answers_and_the_date_given(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    EqualityResponseFactory.create(
        person=dev.person, consent=devs_answers.consent, answered_at=datetime(2026, 1, 5, tzinfo=UTC), sex="male"
    )

    response = client_for(dev).get(MINE)

    assertContains(response, "You gave these answers on 15 June 2026.")
    assertContains(
        response,
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Ethnic group</dt>'
        '<dd class="govuk-summary-list__value">White: Gypsy or Irish Traveller</dd></div>',
        html=True,
    )
    assertContains(response, "No (you wrote: Genderfluid-Dev)")
    assertContains(
        response,
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Sex</dt>'
        '<dd class="govuk-summary-list__value">Not answered</dd></div>',
        html=True,
    )
    assertContains(response, f'<a class="govuk-link" href="{ANSWER}">Change your answers</a>', html=True)
    assertContains(response, f'<form method="post" action="{WITHDRAW}" novalidate>')
    assertContains(response, "Stop using my answers</button>")


def test_mine_after_withdrawal_says_the_answers_are_not_used(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    Consent.objects.filter(pk=devs_answers.consent.pk).update(withdrawn_at=ANSWERED_ON)

    response = client_for(dev).get(MINE)

    assertContains(response, "On 15 June 2026 you asked us to stop using your answers.")
    assertContains(response, "White: Gypsy or Irish Traveller")
    assertContains(response, f'<a class="govuk-link" href="{ANSWER}">Answer the questions again</a>', html=True)
    assertNotContains(response, "Stop using my answers</button>")


def test_mine_shows_each_person_only_their_own_answers(
    amina: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(amina).get(MINE)

    assertContains(response, "You have not answered the equality monitoring questions.")
    assertNotContains(response, "Gypsy or Irish Traveller")
    assertNotContains(response, "Genderfluid-Dev")


def test_mine_makes_a_bounded_number_of_queries(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor, django_assert_max_num_queries
) -> None:
    client = client_for(dev)

    with django_assert_max_num_queries(MINE_MAX_QUERIES):
        response = client.get(MINE)

    assert response.status_code == 200


# --- The questions ----------------------------------------------------------------------------


def test_answer_without_consent_shows_the_notice_and_the_i_agree_box(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get(ANSWER)

    assertContains(response, '<h1 class="govuk-heading-l">Equality monitoring questions</h1>', html=True)
    assertContains(response, "You do not have to answer. Choose ‘Prefer not to say’ or leave it blank.")
    assertContains(response, NOTICE_TEXT)
    assertContains(response, 'name="agree" type="checkbox"')
    assertContains(response, "I agree to Coproduce keeping and using my answers in the way described above")


def test_answer_with_consent_does_not_ask_again(dev: User, client_for: ClientFor) -> None:
    EqualityConsentFactory.create(person=dev.person)

    response = client_for(dev).get(ANSWER)

    assertNotContains(response, NOTICE_TEXT)
    assertNotContains(response, 'name="agree"')


def test_answer_shows_every_question_as_radios_in_a_fieldset_with_a_legend(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).get(ANSWER)

    for legend in [
        "What is your age?",
        "What is your sex?",
        "Is the gender you identify with the same as your sex registered at birth?",
        "Which of the following best describes your sexual orientation?",
        "What is your ethnic group?",
        "What is your religion?",
        "Do you consider yourself to be a disabled person?",
    ]:
        assertContains(response, f'<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>')
    assertContains(response, 'value="prefer_not_to_say"', count=10)
    assertContains(response, '<legend class="govuk-fieldset__legend">Mixed or Multiple ethnic groups</legend>')
    assertContains(response, '<label class="govuk-label govuk-radios__label" for="id_ethnic_group_15">Roma</label>')


def test_answer_fills_in_the_persons_last_answers(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(dev).get(ANSWER)

    assertContains(response, checked_radio("ethnic_group", "white_gypsy_or_irish_traveller"))
    assertContains(response, checked_radio("age_band", "25_to_34"))
    assertContains(response, 'value="Genderfluid-Dev"')


def test_answer_never_fills_in_someone_elses_answers(
    amina: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(amina).get(ANSWER)

    assertNotContains(response, " checked")
    assertNotContains(response, "Genderfluid-Dev")


def test_answer_records_answers_with_some_questions_skipped(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(
        ANSWER,
        {"agree": "on", "age_band": "35_to_49", "religion": "no_religion", "sexual_orientation": "prefer_not_to_say"},
        follow=True,
    )

    assertRedirects(response, MINE)
    assertContains(response, "Thank you. We have saved your answers.")
    saved = EqualityResponse.objects.get(person=dev.person)
    assert (saved.age_band, saved.religion, saved.sexual_orientation) == (
        "35_to_49",
        "no_religion",
        "prefer_not_to_say",
    )
    assert (saved.sex, saved.ethnic_group, saved.unpaid_care) == ("", "", "")
    assert saved.consent.method == ConsentMethod.ONLINE
    assert saved.consent.person == dev.person


def test_answer_again_adds_a_new_response_and_keeps_the_old_one(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(dev).post(ANSWER, {"ethnic_group": "white_roma"})

    assertRedirects(response, MINE)
    assert EqualityResponse.objects.filter(person=dev.person).count() == 2
    assert EqualityResponse.objects.get(pk=devs_answers.pk).ethnic_group == "white_gypsy_or_irish_traveller"
    assert EqualityResponse.objects.filter(person=dev.person)[0].ethnic_group == "white_roma"


def test_answer_without_agreement_writes_nothing_and_says_why(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(ANSWER, {"religion": "sikh", "sex": "male"})

    assertContains(response, '<h2 class="govuk-error-summary__title">There is a problem</h2>')
    assertContains(response, f'<a href="#id_agree">{NO_AGREEMENT}</a>', html=True)
    assertContains(response, "<title>Error: Equality monitoring questions – Coproduce</title>")
    assertContains(response, checked_radio("religion", "sikh"))
    assert EqualityResponse.objects.count() == 0
    assert Consent.objects.count() == 0
    assert AuditEvent.objects.count() == 0


def test_answer_refuses_gender_identity_from_someone_under_16(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(ANSWER, {"agree": "on", "age_band": "10_to_15", "gender_identity": "yes"})

    assertContains(
        response,
        '<a href="#id_gender_identity_0">Leave this question blank. It is only for people aged 16 or over.</a>',
        html=True,
    )
    assert EqualityResponse.objects.count() == 0
    assert Consent.objects.count() == 0


def test_answer_with_an_empty_form_still_needs_agreement(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(ANSWER, {})

    assertContains(response, f'<a href="#id_agree">{NO_AGREEMENT}</a>', html=True)
    assert EqualityResponse.objects.count() == 0


def test_answer_makes_a_bounded_number_of_queries(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor, django_assert_max_num_queries
) -> None:
    client = client_for(dev)

    with django_assert_max_num_queries(ANSWER_MAX_QUERIES):
        response = client.get(ANSWER)

    assert response.status_code == 200


# --- Stop using my answers --------------------------------------------------------------------


def test_withdraw_stops_the_use_of_answers_and_says_so(
    dev: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(dev).post(WITHDRAW, follow=True)

    assertRedirects(response, MINE)
    assertContains(response, "We have stopped using your answers.")
    assertContains(response, "you asked us to stop using your answers.")
    consent = Consent.objects.get(pk=devs_answers.consent.pk)
    assert consent.withdrawn_at is not None
    assert consent.withdrawn_method == ConsentMethod.ONLINE


def test_withdraw_with_nothing_to_withdraw_says_so(dev: User, client_for: ClientFor) -> None:
    response = client_for(dev).post(WITHDRAW, follow=True)

    assertRedirects(response, MINE)
    assertContains(response, "We were already not using your answers.")


def test_withdraw_refuses_get(dev: User, devs_answers: EqualityResponse, client_for: ClientFor) -> None:
    response = client_for(dev).get(WITHDRAW)

    assert response.status_code == 405
    assert Consent.objects.get(pk=devs_answers.consent.pk).withdrawn_at is None


@pytest.mark.parametrize("persona", STAFF)
def test_withdraw_by_staff_touches_only_their_own_consent(
    persona: str, everyone: dict[str, User], devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    response = client_for(everyone[persona]).post(WITHDRAW)

    assertRedirects(response, MINE)
    assert Consent.objects.get(pk=devs_answers.consent.pk).withdrawn_at is None


# --- Who may use the pages --------------------------------------------------------------------


def test_no_equality_url_takes_a_person_or_any_other_argument() -> None:
    equality = next(p for p in get_resolver().url_patterns if isinstance(p, URLResolver) and p.namespace == "equality")

    patterns = [
        (p.name, str(p.pattern), p.pattern.regex.groups) for p in equality.url_patterns if isinstance(p, URLPattern)
    ]

    assert patterns == [("mine", "", 0), ("answer", "answer/", 0), ("withdraw", "withdraw/", 0)]
    assert [reverse(f"equality:{name}") for name, _, _ in patterns] == [MINE, ANSWER, WITHDRAW]


@pytest.mark.parametrize("persona", STAFF)
@pytest.mark.parametrize("url", [MINE, ANSWER])
def test_staff_never_see_anyone_elses_equality_answers(
    persona: str, url: str, everyone: dict[str, User], devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    client = client_for(everyone[persona])
    pages = [
        client.get(url),
        client.get(url, {"person": devs_answers.person.pk, "pk": devs_answers.person.pk}),
        # The person's record, which staff may or may not see, never carries equality answers.
        client.get(reverse("people:detail", kwargs={"pk": devs_answers.person.pk})),
    ]

    assert [page.status_code for page in pages[:2]] == [200, 200]
    for page in pages:
        assertNotContains(page, "Gypsy or Irish Traveller</dd>", status_code=page.status_code)
        assertNotContains(page, "Genderfluid-Dev", status_code=page.status_code)
        assertNotContains(page, " checked", status_code=page.status_code)


@pytest.mark.parametrize("url_name", ["people:data", "people:data_json"])
def test_coordinator_cannot_read_equality_answers_through_a_persons_data_page(
    url_name: str, amina: User, devs_answers: EqualityResponse, client_for: ClientFor
) -> None:
    page = client_for(amina).get(reverse(url_name, kwargs={"pk": devs_answers.person.pk}))

    assertNotContains(page, "Genderfluid-Dev", status_code=page.status_code)


def test_someone_signed_in_without_a_record_of_their_own_is_refused(client_for: ClientFor) -> None:
    client = client_for(UserFactory.create())

    responses = [client.get(MINE), client.get(ANSWER), client.post(ANSWER, {"agree": "on"}), client.post(WITHDRAW)]

    assert [response.status_code for response in responses] == [403, 403, 403, 403]
    assertContains(responses[0], "You cannot see this page", status_code=403)
    assert EqualityResponse.objects.count() == 0


@pytest.mark.parametrize("url", [MINE, ANSWER])
def test_signed_out_people_are_sent_to_sign_in(client: Client, db, url: str) -> None:
    response = client.get(url)

    assertRedirects(response, f"{reverse('accounts:sign_in')}?next={url}", fetch_redirect_response=False)


def test_signed_out_withdraw_writes_nothing(client: Client, devs_answers: EqualityResponse) -> None:
    response = client.post(WITHDRAW)

    assert response.status_code == 302
    assert Consent.objects.get(pk=devs_answers.consent.pk).withdrawn_at is None
