"""Tests for signing in with a password, driven through the Django test client."""

from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from coproduce.accounts.tests.pages import (
    assert_no_traceback,
    error_summary,
    link_path_for,
    signed_in_user_id,
    title_of,
)
from coproduce.audit.models import AuditEvent

PASSWORD = "correct-horse-battery-staple"
WRONG_PASSWORD = (
    "Enter a correct email address and password. If you have forgotten your password, "
    "sign in with an emailed link instead."
)


# Signing in with a password


def test_password_sign_in_page_shows_the_form(db):
    response = Client().get("/accounts/sign-in/password/")

    assert response.status_code == 200
    assert title_of(response) == "Sign in with a password – Coproduce"
    assertContains(response, '<label class="govuk-label govuk-label--s" for="id_username">Email address</label>')
    assertNotContains(response, "There is a problem")


def test_password_sign_in_with_the_right_password_signs_in(dev):
    client = Client()

    response = client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": PASSWORD})

    assertRedirects(response, "/", fetch_redirect_response=False)
    assert signed_in_user_id(client) == str(dev.pk)
    assertContains(client.get("/"), '<h1 class="govuk-heading-l">Hello, Dev</h1>', html=True)


def test_password_sign_in_records_the_sign_in(dev):
    Client().post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": PASSWORD})

    event = AuditEvent.objects.get()
    assert event.action == "accounts.signed_in"
    assert event.actor == dev
    assert event.target_type == "accounts.user"
    assert event.target_id == str(dev.pk)
    assert event.payload == {"method": "password"}


def test_password_sign_in_with_the_wrong_password_shows_a_plain_message(dev):
    client = Client()

    response = client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": "wrong"})

    assert response.status_code == 200
    assertContains(response, error_summary(("id_username", WRONG_PASSWORD)), html=True)
    assert title_of(response) == "Error: Sign in with a password – Coproduce"
    assert signed_in_user_id(client) is None
    assert AuditEvent.objects.count() == 0
    assert_no_traceback(response)


def test_password_sign_in_with_the_wrong_password_marks_both_fields_in_error(dev):
    response = Client().post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": "wrong"})

    assertContains(
        response,
        '<p id="id_username-error" class="govuk-error-message">'
        f'<span class="govuk-visually-hidden">Error:</span> {WRONG_PASSWORD}</p>',
        html=True,
    )
    assertContains(
        response,
        '<input type="email" name="username" value="dev@example.org" autocomplete="email" spellcheck="false" '
        'class="govuk-input govuk-input--error" required aria-invalid="true" aria-describedby="id_username-error" '
        'id="id_username">',
        html=True,
    )
    assertContains(
        response,
        '<input type="password" name="password" autocomplete="current-password" class="govuk-input govuk-input--error" '
        'required aria-invalid="true" aria-describedby="id_username-error" id="id_password">',
        html=True,
    )
    assert response.content.decode().count("govuk-form-group--error") == 2


def test_password_sign_in_with_nothing_entered_asks_for_both_fields(db):
    response = Client().post("/accounts/sign-in/password/", {"username": "", "password": ""})

    assertContains(
        response,
        error_summary(("id_username", "Enter your email address"), ("id_password", "Enter your password")),
        html=True,
    )


def test_password_sign_in_pauses_on_the_fifth_wrong_password(dev):
    client = Client()
    first_four = [
        client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": f"wrong-{attempt}"})
        for attempt in range(4)
    ]

    response = client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": "wrong-4"})

    assert [attempt.status_code for attempt in first_four] == [200, 200, 200, 200]
    assertContains(response, '<h1 class="govuk-heading-l">Password sign-in is paused</h1>', status_code=429, html=True)
    assert title_of(response) == "Error: Password sign-in is paused – Coproduce"
    assert signed_in_user_id(client) is None
    assert_no_traceback(response)


def test_password_sign_in_stays_paused_even_with_the_right_password(dev):
    client = Client()
    for attempt in range(5):
        client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": f"wrong-{attempt}"})

    response = client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": PASSWORD})

    assert response.status_code == 429
    assertContains(response, '<h1 class="govuk-heading-l">Password sign-in is paused</h1>', status_code=429, html=True)
    assert title_of(response) == "Error: Password sign-in is paused – Coproduce"
    assert signed_in_user_id(client) is None
    assert AuditEvent.objects.filter(action="accounts.signed_in").count() == 0
    assert_no_traceback(response)


def test_password_sign_in_pause_leaves_sign_in_by_link_open(dev):
    client = Client()
    for attempt in range(5):
        client.post("/accounts/sign-in/password/", {"username": "dev@example.org", "password": f"wrong-{attempt}"})

    response = client.post(link_path_for(dev))

    assertRedirects(response, "/", fetch_redirect_response=False)
    assert signed_in_user_id(client) == str(dev.pk)


def test_password_sign_in_redirects_a_signed_in_user_home(dev, client_for):
    response = client_for(dev).get("/accounts/sign-in/password/")

    assertRedirects(response, "/")
