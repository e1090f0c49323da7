"""Tests for the sign-in and sign-out pages, driven through the Django test client."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.models import SignInLink
from coproduce.accounts.tests.pages import (
    assert_no_traceback,
    error_summary,
    link_path_for,
    signed_in_user_id,
    title_of,
)
from coproduce.audit.models import AuditEvent

TOO_MANY_LINKS = (
    "You have asked for too many sign-in links. Wait 15 minutes, then try again, or ask a coordinator for help"
)


# The sign-in page


def test_sign_in_page_shows_the_form(db):
    response = Client().get("/accounts/sign-in/")

    assert response.status_code == 200
    assert title_of(response) == "Sign in – Coproduce"
    assertContains(response, '<h1 class="govuk-heading-l">Sign in</h1>', html=True)
    assertContains(response, "Email me a sign-in link")
    assertNotContains(response, "There is a problem")


def test_sign_in_page_with_no_email_shows_an_error_summary(db):
    response = Client().post("/accounts/sign-in/", {"email": ""})

    assert response.status_code == 200
    assertContains(response, error_summary(("id_email", "Enter your email address")), html=True)
    assert title_of(response) == "Error: Sign in – Coproduce"
    assertContains(
        response,
        '<p id="id_email-error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Error:</span> Enter your email address</p>',
        html=True,
    )
    assert mail.outbox == []
    assert_no_traceback(response)


def test_sign_in_page_with_an_invalid_email_says_how_to_write_one(db):
    response = Client().post("/accounts/sign-in/", {"email": "dev-at-example.org"})

    assert response.status_code == 200
    assertContains(
        response,
        error_summary(("id_email", "Enter an email address in the correct format, like name@example.com")),
        html=True,
    )
    assert title_of(response).startswith("Error:")
    assert mail.outbox == []


def test_sign_in_page_sends_a_link_and_redirects_to_check_your_email(dev):
    client = Client()

    response = client.post("/accounts/sign-in/", {"email": "dev@example.org"})

    assertRedirects(response, "/accounts/sign-in/check-your-email/")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dev@example.org"]
    page = client.get("/accounts/sign-in/check-your-email/")
    assertContains(page, "If <strong>dev@example.org</strong> belongs to an account, we have emailed a link to it.")


def test_sign_in_page_responds_the_same_whether_or_not_the_address_has_an_account(dev):
    known, unknown = Client(), Client()

    known_response = known.post("/accounts/sign-in/", {"email": "dev@example.org"})
    unknown_response = unknown.post("/accounts/sign-in/", {"email": "nobody@example.org"})

    assert known_response.status_code == unknown_response.status_code == 302
    assert known_response["Location"] == unknown_response["Location"] == "/accounts/sign-in/check-your-email/"
    known_page = known.get("/accounts/sign-in/check-your-email/")
    unknown_page = unknown.get("/accounts/sign-in/check-your-email/")
    assert known_page.status_code == unknown_page.status_code == 200
    assert "dev@example.org" in known_page.content.decode()
    assert "nobody@example.org" in unknown_page.content.decode()
    assert known_page.content.decode().replace("dev@example.org", "ADDRESS") == (
        unknown_page.content.decode().replace("nobody@example.org", "ADDRESS")
    )
    assert len(mail.outbox) == 1


def test_check_your_email_page_without_a_request_goes_back_to_sign_in(db):
    response = Client().get("/accounts/sign-in/check-your-email/")

    assertRedirects(response, "/accounts/sign-in/")


def test_sign_in_page_shows_the_rate_limit_next_to_the_field(dev):
    client = Client()
    for _ in range(3):
        client.post("/accounts/sign-in/", {"email": "dev@example.org"})

    response = client.post("/accounts/sign-in/", {"email": "dev@example.org"})

    assert response.status_code == 200
    assertContains(response, error_summary(("id_email", TOO_MANY_LINKS)), html=True)
    assertContains(
        response,
        '<p id="id_email-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {TOO_MANY_LINKS}</p>',
        html=True,
    )
    assert title_of(response) == "Error: Sign in – Coproduce"
    assert len(mail.outbox) == 3


def test_sign_in_page_redirects_a_signed_in_user_home(dev, client_for):
    response = client_for(dev).get("/accounts/sign-in/")

    assertRedirects(response, "/")


# The sign-in link page


def test_sign_in_link_page_shows_a_button_without_using_the_link(dev):
    path = link_path_for(dev)
    client = Client()

    response = client.get(path)

    assert response.status_code == 200
    assertContains(response, '<h1 class="govuk-heading-l">Sign in to Coproduce</h1>', html=True)
    assertContains(response, "You are signing in as <strong>dev@example.org</strong>.")
    assertContains(
        response, '<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>', html=True
    )
    assert SignInLink.objects.get().used_at is None
    assert signed_in_user_id(client) is None


def test_sign_in_link_page_can_be_opened_more_than_once(dev):
    path = link_path_for(dev)
    Client().get(path)

    response = Client().get(path)

    assert response.status_code == 200
    assertContains(response, "You are signing in as <strong>dev@example.org</strong>.")


def test_sign_in_link_button_signs_in_and_goes_home(dev):
    path = link_path_for(dev)
    client = Client()

    response = client.post(path)

    assertRedirects(response, "/", fetch_redirect_response=False)
    assert signed_in_user_id(client) == str(dev.pk)
    assert SignInLink.objects.get().used_at is not None
    home = client.get("/")
    assertContains(home, '<h1 class="govuk-heading-l">Hello, Dev</h1>', html=True)


def test_sign_in_link_button_records_the_sign_in(dev):
    path = link_path_for(dev)

    Client().post(path)

    event = AuditEvent.objects.get(action="accounts.signed_in")
    assert event.actor == dev
    assert event.payload == {"method": "link"}


def test_sign_in_link_used_twice_says_it_has_been_used(dev):
    path = link_path_for(dev)
    Client().post(path)
    sessions_after_first_use = Session.objects.count()
    client = Client()

    response = client.post(path)

    assert response.status_code == 400
    assert title_of(response) == "Error: This sign-in link cannot be used – Coproduce"
    assertContains(
        response,
        error_summary(
            ("new-link", "This sign-in link has already been used. Each link works once. Ask for a new one.")
        ),
        status_code=400,
        html=True,
    )
    assert signed_in_user_id(client) is None
    assert Session.objects.count() == sessions_after_first_use
    assert_no_traceback(response)


def test_sign_in_link_page_for_a_used_link_says_it_has_been_used(dev):
    path = link_path_for(dev)
    Client().post(path)

    response = Client().get(path)

    assertContains(response, "has already been used", status_code=400)


def test_sign_in_link_that_has_expired_says_so(dev):
    path = link_path_for(dev)
    now = timezone.now()
    SignInLink.objects.update(created_at=now - timedelta(minutes=16), expires_at=now - timedelta(minutes=1))
    client = Client()

    get_response = client.get(path)
    post_response = client.post(path)

    expected = error_summary(
        ("new-link", "This sign-in link has expired. Links work for 15 minutes. Ask for a new one.")
    )
    assertContains(get_response, expected, status_code=400, html=True)
    assertContains(post_response, expected, status_code=400, html=True)
    assert SignInLink.objects.get().used_at is None
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert_no_traceback(post_response)


def test_sign_in_link_with_a_forged_token_is_not_recognised(dev):
    link_path_for(dev)
    client = Client()

    get_response = client.get("/accounts/sign-in/link/forged-token-0123456789abcdef/")
    post_response = client.post("/accounts/sign-in/link/forged-token-0123456789abcdef/")

    expected = error_summary(
        (
            "new-link",
            "This sign-in link is not recognised. Check you copied the whole link, or ask for a new one.",
        )
    )
    assertContains(get_response, expected, status_code=400, html=True)
    assertContains(post_response, expected, status_code=400, html=True)
    assert SignInLink.objects.get().used_at is None
    assert Session.objects.count() == 0
    assert settings.SESSION_COOKIE_NAME not in client.cookies
    assert AuditEvent.objects.filter(action="accounts.signed_in").count() == 0
    assert_no_traceback(post_response)


# Signing out


def test_sign_out_refuses_get(dev, client_for):
    client = client_for(dev)

    response = client.get("/accounts/sign-out/")

    assert response.status_code == 405
    assert signed_in_user_id(client) == str(dev.pk)


def test_sign_out_ends_the_session(dev, client_for):
    client = client_for(dev)
    session_key = client.session.session_key

    response = client.post("/accounts/sign-out/")

    assertRedirects(response, "/accounts/signed-out/")
    assert signed_in_user_id(client) is None
    assert not Session.objects.filter(session_key=session_key).exists()
    assertContains(client.get("/"), "Sign in</a>")


def test_sign_out_records_the_sign_out(dev, client_for):
    client_for(dev).post("/accounts/sign-out/")

    event = AuditEvent.objects.get()
    assert event.action == "accounts.signed_out"
    assert event.actor == dev
    assert event.target_type == "accounts.user"
    assert event.target_id == str(dev.pk)


def test_signed_out_page_offers_to_sign_in_again(db):
    response = Client().get("/accounts/signed-out/")

    assert response.status_code == 200
    assertContains(response, '<h1 class="govuk-heading-l">You have signed out</h1>', html=True)
    assertContains(response, '<a class="govuk-link" href="/accounts/sign-in/">Sign in again</a>', html=True)


@pytest.mark.parametrize(
    ("path", "data", "status"),
    [
        # A form with a mistake is shown again (200); a link that cannot be used is a bad request (400).
        ("/accounts/sign-in/", {"email": ""}, 200),
        ("/accounts/sign-in/", {"email": "not an email"}, 200),
        ("/accounts/sign-in/password/", {"username": "dev@example.org", "password": "wrong"}, 200),
        ("/accounts/sign-in/link/forged/", {}, 400),
    ],
)
def test_sign_in_problems_show_a_page_not_a_traceback(dev, path, data, status):
    response = Client().post(path, data)

    assert response.status_code == status
    assertContains(response, "There is a problem", status_code=status)
    assert_no_traceback(response)
