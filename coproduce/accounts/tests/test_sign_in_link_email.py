"""The sign-in link email comes in the format the person reads best: Easy Read if they asked for it."""

from django.core import mail
from django.core.mail import EmailMultiAlternatives

from coproduce.accounts.services import SignInLinkRequest, request_sign_in_link
from coproduce.accounts.tests.factories import UserFactory
from coproduce.communications.choices import MessageFormat
from coproduce.communications.models import ContactPreferences
from coproduce.people.models import AccessNeed, AccessProfile, Need


def ask_for_link(email: str) -> EmailMultiAlternatives:
    assert request_sign_in_link(email=email, ip_address="192.0.2.1") is SignInLinkRequest.ACCEPTED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert isinstance(message, EmailMultiAlternatives)
    return message


def html_of(message: EmailMultiAlternatives) -> str:
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    return str(html)


def test_sign_in_link_email_is_in_easy_read_for_a_person_whose_access_needs_say_easy_read(dev):
    profile = AccessProfile.objects.create(person=dev.person, person_agreed=True)
    AccessNeed.objects.create(profile=profile, need=Need.EASY_READ)

    message = ask_for_link("dev@example.org")

    assert message.subject == "Sign in to Coproduce"
    assert message.body.startswith("Hello Dev.\n\nYou asked to sign in to Coproduce.\n\nClick this link to sign in:\n")
    assert "The link works 1 time.\nIt stops working after 15 minutes." in message.body
    assert "http://testserver/accounts/sign-in/link/" in message.body
    html = html_of(message)
    assert "You asked to sign in to Coproduce." in html
    assert "The link works 1 time.<br>It stops working after 15 minutes." in html
    assert 'href="http://testserver/accounts/sign-in/link/' in html
    assert "line-height: 1.6" in html  # the Easy Read spacing of every Easy Read email


def test_sign_in_link_email_is_in_easy_read_for_a_person_who_chose_easy_read_messages(grace):
    ContactPreferences.objects.create(person=grace.person, message_format=MessageFormat.EASY_READ)

    message = ask_for_link("grace@example.org")

    assert message.subject == "Sign in to Coproduce"
    assert "Did you not ask to sign in?\nThen you do not need to do anything." in message.body
    assert "Did you not ask to sign in?<br>Then you do not need to do anything." in html_of(message)


def test_sign_in_link_email_stays_standard_for_a_person_who_has_not_asked_for_easy_read(tom):
    message = ask_for_link("tom@example.org")

    assert message.subject == "Your link to sign in to Coproduce"
    assert "The link works once, for 15 minutes." in message.body
    assert "The link works once, for 15 minutes." in html_of(message)


def test_sign_in_link_email_is_plain_text_only_for_a_person_who_chose_plain_text(tom):
    ContactPreferences.objects.create(person=tom.person, message_format=MessageFormat.PLAIN_TEXT)

    assert request_sign_in_link(email="tom@example.org", ip_address=None) is SignInLinkRequest.ACCEPTED

    assert not getattr(mail.outbox[0], "alternatives", [])
    assert "The link works once, for 15 minutes." in mail.outbox[0].body


def test_sign_in_link_email_is_standard_for_a_sign_in_with_no_person_record(db):
    UserFactory(email="admin@example.org")

    message = ask_for_link("admin@example.org")

    assert message.subject == "Your link to sign in to Coproduce"
    assert message.body.startswith("Hello,\n\nUse this link to sign in to Coproduce:")
