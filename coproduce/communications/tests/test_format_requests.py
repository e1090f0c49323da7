"""Asking for a page in another format, and coordinators handling the requests."""

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.communications.choices import Format, RequestStatus
from coproduce.communications.models import FormatRequest, FormatRequestAttempt
from coproduce.communications.pages import local_page_path
from coproduce.communications.services import FormatRequestRefused, request_format, update_format_request

pytestmark = pytest.mark.django_db

ClientFor = Callable[[User], Client]
ASK = "/other-formats/ask/"
LIST = "/other-formats/requests/"


def signed_out_data(**overrides: str) -> dict[str, str]:
    data = {
        "page": "/accessibility/",
        "format": "braille",
        "language": "",
        "full_name": "Rosa Diaz",
        "email": "rosa@example.org",
        "phone": "",
        "website": "",
    }
    data.update(overrides)
    return data


def make_request(**overrides: object) -> FormatRequest:
    fields: dict[str, object] = {
        "page_path": "/accessibility/",
        "format": Format.BRAILLE,
        "name": "Rosa",
        "email": "rosa@example.org",
    }
    fields.update(overrides)
    return request_format(**fields)  # type: ignore[arg-type]


# --- Which pages may be asked about ----------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "https://evil.example/",
        "//evil.example/",
        "/\\evil.example",
        "javascript:alert(1)",
        "accessibility/",
        "/no-such-page/",
        "",
        "/help/\n",
        "http:/accessibility/",
    ],
)
def test_only_local_pages_of_this_site_are_accepted(raw: str) -> None:
    assert local_page_path(raw) is None


def test_a_local_page_with_its_query_is_accepted() -> None:
    assert local_page_path("/accessibility/") == "/accessibility/"
    assert local_page_path("/get-involved/?stage=design") == "/get-involved/?stage=design"


@given(st.text(max_size=60))
def test_whatever_is_typed_is_either_refused_or_a_local_path(raw: str) -> None:
    path = local_page_path(raw)
    assert path is None or (path.startswith("/") and not path.startswith("//") and "\\" not in path)


# --- The footer link and the form ------------------------------------------------------------


def test_every_page_links_to_the_form_with_its_own_path(client: Client) -> None:
    response = client.get("/help/")
    assertContains(
        response,
        f'<a class="govuk-link" href="{ASK}?page=/help/">Ask for this page in another format</a>',
        html=True,
    )


def test_signed_out_person_asks_for_braille_and_sees_a_confirmation(client: Client, amina: User) -> None:
    form = client.get(ASK, {"page": "/accessibility/"})
    assertContains(form, '<a class="govuk-link" href="/accessibility/">Accessibility statement</a>', html=True)
    assertContains(form, "Your name")

    response = client.post(ASK, signed_out_data(), REMOTE_ADDR="203.0.113.9")

    assertRedirects(response, "/other-formats/sent/", fetch_redirect_response=False)
    sent = FormatRequest.objects.get()
    assert (sent.page_path, sent.page_title, sent.format, sent.name, sent.email) == (
        "/accessibility/",
        "Accessibility statement",
        "braille",
        "Rosa Diaz",
        "rosa@example.org",
    )
    assert sent.person is None
    assert sent.status == RequestStatus.OPEN
    assert sent.due_on == timezone.localdate() + timedelta(days=10)
    confirmation = client.get("/other-formats/sent/")
    assertContains(confirmation, "Request sent")
    assertContains(confirmation, "You asked for Accessibility statement in Braille.")
    assertContains(confirmation, f"We will send it by {sent.due_on:%-d %B %Y}")
    event = AuditEvent.objects.get(action="communications.format_request_received")
    assert "Rosa" not in str(event.payload)


def test_the_due_date_follows_the_setting(client: Client, settings) -> None:
    settings.COPRODUCE_FORMAT_REQUEST_DAYS = 3
    client.post(ASK, signed_out_data())
    assert FormatRequest.objects.get().due_on == timezone.localdate() + timedelta(days=3)


def test_an_empty_form_shows_errors_and_saves_nothing(client: Client) -> None:
    response = client.post(ASK, {"page": "/accessibility/"})

    assertContains(response, "<title>Error: ", status_code=200)
    assertContains(response, "There is a problem")
    assertContains(response, "Choose a format")
    assertContains(response, "Enter your name")
    assertContains(response, "Enter an email address or a phone number, so we can contact you")
    assert FormatRequest.objects.count() == 0


def test_another_language_needs_the_language(client: Client) -> None:
    response = client.post(ASK, signed_out_data(format="other_language"))
    assertContains(response, "Enter the language you need")
    client.post(ASK, signed_out_data(format="other_language", language="Polish"))
    assert FormatRequest.objects.get().format_label == "Another language: Polish"


def test_a_phone_number_is_enough_but_must_look_like_one(client: Client) -> None:
    response = client.post(ASK, signed_out_data(email="", phone="call me"))
    assertContains(response, "Enter a phone number, like")
    client.post(ASK, signed_out_data(email="", phone="01632 960 001"))
    assert FormatRequest.objects.get().phone == "01632 960 001"


def test_a_page_of_another_site_is_never_recorded_or_linked(client: Client) -> None:
    form = client.get(ASK, {"page": "https://evil.example/"})
    assertNotContains(form, 'href="https://evil.example/"')
    assert form.context["page_path"] == "/"
    response = client.post(ASK, signed_out_data(page="https://evil.example/"))
    assertContains(response, "We cannot find that page")
    assert FormatRequest.objects.count() == 0


def test_the_honeypot_looks_like_success_and_writes_nothing(client: Client) -> None:
    response = client.post(ASK, signed_out_data(website="http://spam.example"))
    assertRedirects(response, "/other-formats/sent/", fetch_redirect_response=False)
    assert FormatRequest.objects.count() == 0
    assertContains(client.get("/other-formats/sent/"), "No request sent yet")


def test_signed_out_requests_are_limited_per_address(client: Client, settings) -> None:
    settings.COPRODUCE_FORMAT_REQUESTS_PER_IP_PER_HOUR = 2
    for _ in range(2):
        client.post(ASK, signed_out_data(), REMOTE_ADDR="203.0.113.5")
    response = client.post(ASK, signed_out_data(), REMOTE_ADDR="203.0.113.5")
    assertContains(response, "We have had a lot of requests from your internet connection")
    assert FormatRequest.objects.count() == 2
    client.post(ASK, signed_out_data(), REMOTE_ADDR="203.0.113.6")
    assert FormatRequest.objects.count() == 3


def test_old_attempts_are_forgotten(settings) -> None:
    settings.COPRODUCE_FORMAT_REQUESTS_PER_IP_PER_HOUR = 1
    make_request(ip_address="203.0.113.5")
    FormatRequestAttempt.objects.update(requested_at=timezone.now() - timedelta(minutes=61))
    make_request(ip_address="203.0.113.5")
    assert FormatRequestAttempt.objects.count() == 1
    with pytest.raises(FormatRequestRefused):
        make_request(ip_address="203.0.113.5")


def test_signed_in_person_asks_as_themselves_and_sees_their_requests(client_for: ClientFor, grace: User) -> None:
    client = client_for(grace)
    form = client.get(ASK, {"page": "/accessibility/"})
    assertNotContains(form, "Your name")
    assertContains(form, "We will contact you using the details in your record.")

    client.post(ASK, {"page": "/accessibility/", "format": "large_print", "language": "Welsh"})

    sent = FormatRequest.objects.get()
    assert sent.person == grace.person
    assert (sent.name, sent.email, sent.language) == ("", "", "")
    mine = client.get("/other-formats/mine/")
    assertContains(mine, "Large print")
    assertContains(mine, "Accessibility statement")
    assertContains(client.get("/other-formats/sent/"), "See all your requests")


def test_people_only_see_their_own_requests(client_for: ClientFor, grace: User, dev: User) -> None:
    make_request(person=grace.person, name="", email="")
    response = client_for(dev).get("/other-formats/mine/")
    assert response.context["requests"] == []
    assertContains(response, "You have not asked for any pages in another format.")


def test_a_confirmation_is_only_shown_to_the_session_that_sent_it(client: Client) -> None:
    client.post(ASK, signed_out_data())
    assertContains(Client().get("/other-formats/sent/"), "No request sent yet")


# --- Coordinators ------------------------------------------------------------------------------


def test_coordinators_see_open_requests_overdue_first_and_marked(client_for: ClientFor, amina: User) -> None:
    later = make_request(format=Format.AUDIO)
    overdue = make_request(format=Format.BSL)
    FormatRequest.objects.filter(pk=overdue.pk).update(due_on=date.today() - timedelta(days=2))
    done = make_request(format=Format.EASY_READ)
    update_format_request(done, status=RequestStatus.DONE, by=amina)

    response = client_for(amina).get(LIST)

    content = response.content.decode()
    assert response.context["to_handle"] == [overdue, later]
    assert content.index("British Sign Language") < content.index("Audio")
    assertContains(response, "2 requests to handle, 1 overdue.")
    assertContains(response, '<strong class="govuk-tag govuk-tag--red">Overdue</strong>', count=1, html=True)
    assertContains(response, "Recently closed")


def test_the_list_costs_the_same_queries_for_more_requests(
    client_for: ClientFor, amina: User, django_assert_max_num_queries
) -> None:
    client = client_for(amina)
    make_request()
    client.get(LIST)
    for _ in range(10):
        make_request()
    with django_assert_max_num_queries(8):
        client.get(LIST)


def test_coordinator_marks_in_hand_then_done_with_audit(client_for: ClientFor, amina: User) -> None:
    item = make_request()
    client = client_for(amina)
    url = f"{LIST}{item.pk}/"

    response = client.post(url, {"status": "in_hand", "reason": ""})
    assertRedirects(response, LIST, fetch_redirect_response=False)
    item.refresh_from_db()
    assert (item.status, item.handled_by, item.done_on) == ("in_hand", amina, None)

    client.post(url, {"status": "done", "reason": ""})
    item.refresh_from_db()
    assert (item.status, item.done_on) == ("done", timezone.localdate())
    changes = AuditEvent.objects.filter(action="communications.format_request_status_changed").order_by("pk")
    assert [event.payload for event in changes] == [
        {"from": "open", "to": "in_hand"},
        {"from": "in_hand", "to": "done"},
    ]


def test_cannot_do_needs_a_reason_which_the_person_sees(client_for: ClientFor, amina: User, grace: User) -> None:
    item = make_request(person=grace.person, name="", email="")
    url = f"{LIST}{item.pk}/"
    response = client_for(amina).post(url, {"status": "cannot_do", "reason": " "})
    assertContains(response, "Say why we cannot make this format")
    item.refresh_from_db()
    assert item.status == "open"

    client_for(amina).post(url, {"status": "cannot_do", "reason": "We have no braille printer yet."})
    assertContains(client_for(grace).get("/other-formats/mine/"), "We have no braille printer yet.")


def test_reopening_clears_the_closing_day(amina: User) -> None:
    item = update_format_request(make_request(), status=RequestStatus.DONE, by=amina)
    item = update_format_request(item, status=RequestStatus.OPEN, by=amina)
    assert item.done_on is None


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_only_coordinators_handle_requests(persona: str, everyone: dict[str, User], client_for: ClientFor) -> None:
    item = make_request()
    client = client_for(everyone[persona])
    assert client.get(LIST).status_code == 403
    assert client.post(f"{LIST}{item.pk}/", {"status": "done"}).status_code == 403
    with pytest.raises(PermissionDenied):
        update_format_request(item, status=RequestStatus.DONE, by=everyone[persona])
    item.refresh_from_db()
    assert item.status == "open"


# --- Database constraints ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"format": "other_language", "language": ""},
        {"format": "braille", "language": "Polish"},
        {"name": "", "email": ""},
        {"email": "", "phone": ""},
        {"status": "cannot_do", "reason": "", "done_on": date(2026, 1, 1)},
        {"status": "done"},
        {"status": "open", "done_on": date(2026, 1, 1)},
        {"page_path": "https://evil.example/"},
    ],
)
def test_the_database_refuses_broken_requests(fields: dict[str, object]) -> None:
    values: dict[str, object] = {
        "page_path": "/help/",
        "format": "braille",
        "name": "Rosa",
        "email": "rosa@example.org",
        "due_on": date(2026, 1, 1),
    }
    values.update(fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        FormatRequest.objects.create(**values)


@hypothesis_settings(max_examples=15, deadline=None)
@given(days=st.integers(min_value=0, max_value=60))
def test_due_date_is_always_today_plus_the_setting(days: int) -> None:
    from django.test import override_settings

    with override_settings(COPRODUCE_FORMAT_REQUEST_DAYS=days), transaction.atomic():
        item = make_request()
        assert item.due_on == timezone.localdate() + timedelta(days=days)
        transaction.set_rollback(True)


def test_demo_data_is_added_once(everyone: dict[str, User]) -> None:
    from coproduce.communications import demo

    people = {key: user.person for key, user in everyone.items()}
    demo.seed(people, everyone["amina"])
    demo.seed(people, everyone["amina"])

    assert sorted(FormatRequest.objects.values_list("format", "status")) == [
        ("braille", "open"),
        ("easy_read", "in_hand"),
    ]
