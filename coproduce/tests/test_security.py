"""Security headers, error pages without tracebacks, and production settings."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import path

from coproduce import settings as project_settings
from coproduce.urls import urlpatterns as project_urlpatterns

ROOT = Path(__file__).resolve().parents[2]


@login_not_required
def broken_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("secret internal detail")


urlpatterns = [*project_urlpatterns, path("broken/", broken_view)]


@pytest.mark.django_db
def test_every_page_sends_a_strict_content_security_policy(client):
    response = client.get("/")

    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_every_page_sends_the_security_headers(client):
    response = client.get("/")

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_https_responses_send_strict_transport_security(client):
    response = client.get("/", secure=True)

    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


@pytest.mark.django_db
def test_pages_have_no_inline_scripts_or_styles(client, amina, client_for):
    html = client_for(amina).get("/projects/").content.decode()

    assert "<script>" not in html
    assert "style=" not in html
    assert "<style" not in html
    assert '<script type="module" src="/static/coproduce/coproduce.mjs"></script>' in html


@pytest.mark.django_db
def test_missing_page_shows_the_styled_not_found_page(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in response.content.decode()


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_server_error_shows_the_styled_page_without_a_traceback():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    body = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in body
    assert "secret internal detail" not in body
    assert "Traceback" not in body


@pytest.mark.django_db
def test_form_without_csrf_token_is_refused_with_a_plain_message():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/accounts/sign-in/", {"email": "dev@example.org"})

    assert response.status_code == 403
    assert "Your form could not be sent" in response.content.decode()


def test_production_settings_hash_passwords_with_argon2():
    assert project_settings.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"


def test_production_settings_are_secure_by_default():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "COPRODUCE_", "DATABASE_URL"))}
    env["DJANGO_SECRET_KEY"] = "a-long-random-production-like-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    env["DJANGO_ALLOWED_HOSTS"] = "coproduce.example.org"

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_settings_refuse_to_sign_anything_without_a_secret_key_outside_debug():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "COPRODUCE_", "DATABASE_URL"))}
    code = "import django; django.setup(); from django.conf import settings; settings.SECRET_KEY"

    result = subprocess.run(  # noqa: S603 - runs this project's own settings
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "coproduce.settings"},
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
