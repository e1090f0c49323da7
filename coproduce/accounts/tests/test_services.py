"""Tests for signing in by emailed link: asking for a link, finding it, and using it."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.middleware import SessionMiddleware
from django.core import mail
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from coproduce.accounts.models import SignInLink, SignInRequest, User
from coproduce.accounts.services import (
    SignInLinkProblem,
    SignInLinkRequest,
    find_sign_in_link,
    request_sign_in_link,
    sign_in_with_link,
)
from coproduce.accounts.tests.factories import UserFactory
from coproduce.audit.models import AuditEvent

LINK_IN_EMAIL = re.compile(r"http://testserver/accounts/sign-in/link/(?P<token>[A-Za-z0-9_-]+)/")


def token_from_last_email() -> str:
    match = LINK_IN_EMAIL.search(str(mail.outbox[-1].body))
    assert match is not None, mail.outbox[-1].body
    return match["token"]


def emailed_token_for(user: User) -> str:
    """Ask for a link for ``user`` the way the sign-in page does, and return the token from the email."""
    assert request_sign_in_link(email=user.email, ip_address="192.0.2.1") is SignInLinkRequest.ACCEPTED
    return token_from_last_email()


def request_with_session() -> HttpRequest:
    request = RequestFactory().post("/accounts/sign-in/link/token/")
    SessionMiddleware(lambda request: HttpResponse()).process_request(request)
    request.user = AnonymousUser()
    return request


# request_sign_in_link


def test_request_sign_in_link_emails_a_link_to_an_active_user(dev):
    outcome = request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["dev@example.org"]
    assert message.subject == "Your link to sign in to Coproduce"
    assert "The link works once, for 15 minutes." in message.body
    assert LINK_IN_EMAIL.search(str(message.body)) is not None


def test_request_sign_in_link_stores_only_the_hash_of_the_emailed_token(dev):
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    token = token_from_last_email()
    link = SignInLink.objects.get()
    assert link.user == dev
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in link.token_hash
    assert link.used_at is None


def test_request_sign_in_link_makes_the_link_expire_15_minutes_after_creation(dev):
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    link = SignInLink.objects.get()
    assert link.expires_at - link.created_at == timedelta(minutes=15)


def test_request_sign_in_link_records_that_a_link_was_sent(dev):
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    event = AuditEvent.objects.get()
    assert event.action == "accounts.sign_in_link_sent"
    assert event.actor == dev
    assert event.target_type == "accounts.user"
    assert event.target_id == str(dev.pk)
    assert event.payload == {}


def test_request_sign_in_link_records_the_request_for_rate_limiting(dev):
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    sign_in_request = SignInRequest.objects.get()
    assert sign_in_request.ip_address == "192.0.2.1"
    assert "dev@example.org" not in sign_in_request.email_hash


def test_request_sign_in_link_accepts_an_unknown_address_without_sending_anything(db):
    outcome = request_sign_in_link(email="nobody@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert mail.outbox == []
    assert SignInLink.objects.count() == 0
    assert AuditEvent.objects.count() == 0
    assert SignInRequest.objects.count() == 1


def test_request_sign_in_link_sends_nothing_to_an_inactive_user(db):
    UserFactory(email="closed@example.org", is_active=False)

    outcome = request_sign_in_link(email="closed@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert mail.outbox == []
    assert SignInLink.objects.count() == 0


def test_request_sign_in_link_matches_the_address_without_regard_to_case_or_spaces(dev):
    outcome = request_sign_in_link(email="  Dev@Example.ORG ", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dev@example.org"]
    assert SignInLink.objects.get().user == dev


def test_request_sign_in_link_refuses_a_fourth_request_for_one_address_in_the_window(dev):
    for ip_address in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        assert request_sign_in_link(email="dev@example.org", ip_address=ip_address) is SignInLinkRequest.ACCEPTED

    outcome = request_sign_in_link(email="dev@example.org", ip_address="192.0.2.4")

    assert outcome is SignInLinkRequest.TOO_MANY
    assert len(mail.outbox) == 3
    assert SignInLink.objects.count() == 3
    assert SignInRequest.objects.count() == 3


def test_request_sign_in_link_counts_an_address_the_same_whatever_its_case(dev):
    for email in ("dev@example.org", "DEV@example.org", "Dev@Example.org"):
        request_sign_in_link(email=email, ip_address=None)

    outcome = request_sign_in_link(email="dEv@eXample.org", ip_address=None)

    assert outcome is SignInLinkRequest.TOO_MANY
    assert len(mail.outbox) == 3


def test_request_sign_in_link_counts_unknown_addresses_towards_the_limit(db):
    for _ in range(3):
        request_sign_in_link(email="nobody@example.org", ip_address=None)

    outcome = request_sign_in_link(email="nobody@example.org", ip_address=None)

    assert outcome is SignInLinkRequest.TOO_MANY


def test_request_sign_in_link_limit_for_one_address_does_not_block_another(dev, grace):
    for _ in range(3):
        request_sign_in_link(email="dev@example.org", ip_address=None)

    outcome = request_sign_in_link(email="grace@example.org", ip_address=None)

    assert outcome is SignInLinkRequest.ACCEPTED
    assert mail.outbox[-1].to == ["grace@example.org"]


def test_request_sign_in_link_refuses_requests_from_one_ip_address_over_its_limit(settings, dev, grace, tom):
    settings.SIGN_IN_LINK_LIMIT_PER_IP = 2
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")
    request_sign_in_link(email="grace@example.org", ip_address="192.0.2.1")

    outcome = request_sign_in_link(email="tom@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.TOO_MANY
    assert [message.to for message in mail.outbox] == [["dev@example.org"], ["grace@example.org"]]
    assert not SignInLink.objects.filter(user=tom).exists()


def test_request_sign_in_link_ip_limit_does_not_block_another_ip_address(settings, dev, grace, tom):
    settings.SIGN_IN_LINK_LIMIT_PER_IP = 2
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")
    request_sign_in_link(email="grace@example.org", ip_address="192.0.2.1")

    outcome = request_sign_in_link(email="tom@example.org", ip_address="198.51.100.7")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert mail.outbox[-1].to == ["tom@example.org"]


def test_request_sign_in_link_ignores_requests_older_than_the_window(dev):
    for _ in range(3):
        request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")
    SignInRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=16))

    outcome = request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert len(mail.outbox) == 4


def test_request_sign_in_link_ignores_old_requests_for_the_ip_limit(settings, dev, grace):
    settings.SIGN_IN_LINK_LIMIT_PER_IP = 1
    request_sign_in_link(email="dev@example.org", ip_address="192.0.2.1")
    SignInRequest.objects.update(requested_at=timezone.now() - timedelta(minutes=16))

    outcome = request_sign_in_link(email="grace@example.org", ip_address="192.0.2.1")

    assert outcome is SignInLinkRequest.ACCEPTED
    assert mail.outbox[-1].to == ["grace@example.org"]


# find_sign_in_link


def test_find_sign_in_link_returns_a_usable_link(dev):
    token = emailed_token_for(dev)

    link = find_sign_in_link(token)

    assert link == SignInLink.objects.get()
    assert link.user == dev


def test_find_sign_in_link_rejects_an_unknown_token(dev):
    emailed_token_for(dev)

    with pytest.raises(SignInLinkProblem) as problem:
        find_sign_in_link("not-a-real-token")

    assert problem.value.message == (
        "This sign-in link is not recognised. Check you copied the whole link, or ask for a new one."
    )


def test_find_sign_in_link_rejects_a_used_link(dev):
    token = emailed_token_for(dev)
    SignInLink.objects.update(used_at=timezone.now())

    with pytest.raises(SignInLinkProblem) as problem:
        find_sign_in_link(token)

    assert problem.value.message == "This sign-in link has already been used. Each link works once. Ask for a new one."


def test_find_sign_in_link_rejects_an_expired_link(dev):
    token = emailed_token_for(dev)
    now = timezone.now()
    SignInLink.objects.update(created_at=now - timedelta(minutes=16), expires_at=now - timedelta(minutes=1))

    with pytest.raises(SignInLinkProblem) as problem:
        find_sign_in_link(token)

    assert problem.value.message == "This sign-in link has expired. Links work for 15 minutes. Ask for a new one."


def test_find_sign_in_link_accepts_a_link_just_before_it_expires(dev):
    token = emailed_token_for(dev)
    now = timezone.now()
    SignInLink.objects.update(created_at=now - timedelta(minutes=14), expires_at=now + timedelta(minutes=1))

    link = find_sign_in_link(token)

    assert link.user == dev


def test_find_sign_in_link_does_not_recognise_a_link_for_a_closed_account(dev):
    token = emailed_token_for(dev)
    User.objects.filter(pk=dev.pk).update(is_active=False)

    with pytest.raises(SignInLinkProblem) as problem:
        find_sign_in_link(token)

    assert problem.value.message == (
        "This sign-in link is not recognised. Check you copied the whole link, or ask for a new one."
    )


# sign_in_with_link


def test_sign_in_with_link_marks_the_link_used(dev):
    token = emailed_token_for(dev)
    before = timezone.now()

    sign_in_with_link(request_with_session(), token=token)

    link = SignInLink.objects.get()
    assert link.used_at is not None
    assert before <= link.used_at <= timezone.now()


def test_sign_in_with_link_signs_the_user_in(dev):
    token = emailed_token_for(dev)
    request = request_with_session()

    user = sign_in_with_link(request, token=token)

    assert user == dev
    assert request.user == dev
    assert request.session[SESSION_KEY] == str(dev.pk)


def test_sign_in_with_link_records_the_sign_in(dev):
    token = emailed_token_for(dev)

    sign_in_with_link(request_with_session(), token=token)

    event = AuditEvent.objects.filter(action="accounts.signed_in").get()
    assert event.actor == dev
    assert event.target_type == "accounts.user"
    assert event.target_id == str(dev.pk)
    assert event.payload == {"method": "link"}


def test_sign_in_with_link_refuses_a_second_use(dev):
    token = emailed_token_for(dev)
    sign_in_with_link(request_with_session(), token=token)
    second_request = request_with_session()

    with pytest.raises(SignInLinkProblem) as problem:
        sign_in_with_link(second_request, token=token)

    assert problem.value.message == "This sign-in link has already been used. Each link works once. Ask for a new one."
    assert SESSION_KEY not in second_request.session
    assert AuditEvent.objects.filter(action="accounts.signed_in").count() == 1


def test_sign_in_with_link_refuses_an_expired_link_and_leaves_it_unused(dev):
    token = emailed_token_for(dev)
    now = timezone.now()
    SignInLink.objects.update(created_at=now - timedelta(minutes=16), expires_at=now - timedelta(minutes=1))
    request = request_with_session()

    with pytest.raises(SignInLinkProblem, match="has expired"):
        sign_in_with_link(request, token=token)

    assert SignInLink.objects.get().used_at is None
    assert SESSION_KEY not in request.session


def test_request_sign_in_link_deletes_requests_older_than_the_window(db, settings):
    from datetime import timedelta

    from django.utils import timezone

    from coproduce.accounts.models import SignInRequest
    from coproduce.accounts.services import request_sign_in_link

    request_sign_in_link(email="old@example.org", ip_address="203.0.113.1")
    SignInRequest.objects.update(requested_at=timezone.now() - settings.SIGN_IN_LINK_WINDOW - timedelta(seconds=1))

    request_sign_in_link(email="new@example.org", ip_address="203.0.113.2")

    assert list(SignInRequest.objects.values_list("ip_address", flat=True)) == ["203.0.113.2"]
