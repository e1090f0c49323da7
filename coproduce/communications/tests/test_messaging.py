"""The one path for messages to people: route and format from their preferences, retries, post and calls."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from coproduce.accounts.models import User
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.letters import letters_html, post_batch_pdf
from coproduce.communications.messaging import Content, content_from_templates, send_message
from coproduce.communications.models import ContactPreferences
from coproduce.involvement.tests.factories import give_needs
from coproduce.people.models import Need, Person
from coproduce.people.models.person import ContactRoute
from coproduce.people.tests.factories import PersonFactory
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text

CONTENT = Content(
    subject="Reminder: bus stop workshop tomorrow",
    text="Hello.\n\nThe workshop is tomorrow at 10am.\n\nRead more: http://testserver/get-involved/1/",
    easy_read_subject="The workshop is tomorrow",
    easy_read_text="Hello.\n\nThe workshop is tomorrow.\n\nIt starts at 10 in the morning.",
)


@pytest.fixture(autouse=True)
def texts_in_a_folder(settings, tmp_path: Path) -> Path:
    settings.COPRODUCE_SMS_BACKEND = "coproduce.communications.sms.FolderSmsBackend"
    settings.COPRODUCE_SMS_FOLDER = tmp_path / "texts"
    return tmp_path / "texts"


def prefer(person: Person, **values: Any) -> None:
    ContactPreferences.objects.update_or_create(person=person, defaults=values)


# --- Format -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_easy_read_member_gets_an_easy_read_email_with_large_type(dev: User) -> None:
    give_needs(dev.person, Need.EASY_READ)

    message = send_message(dev.person, CONTENT, topic="reminder")

    assert message.status == MessageStatus.SENT
    assert (message.route, message.format) == (MessageRoute.EMAIL, MessageFormat.EASY_READ)
    [email] = mail.outbox
    assert email.to == ["dev@example.org"]
    assert email.subject == "The workshop is tomorrow"
    assert "It starts at 10 in the morning." in email.body
    assert "10am" not in email.body
    assert isinstance(email, EmailMultiAlternatives)
    [(content, mimetype)] = email.alternatives
    html = str(content)
    assert mimetype == "text/html"
    assert "It starts at 10 in the morning." in html
    assert "font-size: 16pt" in html


@pytest.mark.django_db
def test_screen_reader_carer_who_asked_for_plain_text_gets_no_html_part(grace: User) -> None:
    prefer(grace.person, message_format=MessageFormat.PLAIN_TEXT)

    message = send_message(grace.person, CONTENT, topic="reminder")

    assert message.format == MessageFormat.PLAIN_TEXT
    [email] = mail.outbox
    assert email.to == ["grace@example.org"]
    assert email.subject == "Reminder: bus stop workshop tomorrow"
    assert "The workshop is tomorrow at 10am." in email.body
    assert not getattr(email, "alternatives", [])
    assert "<" not in email.message().as_string().split("\n\n", 1)[1]


@pytest.mark.django_db
def test_standard_email_has_a_simple_html_version_at_standard_size(tom: User) -> None:
    send_message(tom.person, CONTENT, topic="reminder")

    [email] = mail.outbox
    assert isinstance(email, EmailMultiAlternatives)
    [(content, _)] = email.alternatives
    html = str(content)
    assert "font-size: 12pt" in html
    assert '<a href="http://testserver/get-involved/1/"' in html


@pytest.mark.django_db
def test_large_print_need_gives_large_print_at_the_persons_size(tom: User) -> None:
    give_needs(tom.person, Need.LARGE_PRINT, large_print_size=20)

    message = send_message(tom.person, CONTENT, topic="reminder")

    assert message.format == MessageFormat.LARGE_PRINT
    email = mail.outbox[0]
    assert isinstance(email, EmailMultiAlternatives)
    assert "font-size: 20pt" in str(email.alternatives[0][0])


@pytest.mark.django_db
def test_chosen_format_wins_over_access_needs(dev: User) -> None:
    give_needs(dev.person, Need.EASY_READ)
    prefer(dev.person, message_format=MessageFormat.STANDARD)

    message = send_message(dev.person, CONTENT, topic="reminder")

    assert message.format == MessageFormat.STANDARD
    assert mail.outbox[0].subject == "Reminder: bus stop workshop tomorrow"


def test_content_from_templates_uses_the_easy_read_template_when_there_is_one() -> None:
    content = content_from_templates(
        "communications/email/format_request_received",
        {"format_request": None, "url": "u", "list_url": "l"},
        subject="S",
    )
    assert content.subject == "S"
    assert content.text
    assert content.easy_read_text == ""


# --- Routes -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_member_who_asked_for_post_gets_a_large_print_letter_in_the_batch() -> None:
    rosa = PersonFactory.create(
        full_name="Rosa Ortiz",
        email="",
        contact_route=ContactRoute.POST,
        postal_address="12 Mill Lane\nRiverside\nRV1 2AB",
    )
    give_needs(rosa, Need.LARGE_PRINT, large_print_size=18)
    other = PersonFactory.create(
        full_name="Ben Lowe", contact_route=ContactRoute.POST, postal_address="3 High St\nRV2 3CD"
    )

    first = send_message(rosa, CONTENT, topic="reminder")
    second = send_message(other, CONTENT, topic="reminder")

    assert first.status == MessageStatus.WAITING_FOR_POST
    assert (first.route, first.format) == (MessageRoute.POST, MessageFormat.LARGE_PRINT)
    assert mail.outbox == []
    html = letters_html([first, second])
    assert re.search(rf'class="letter letter-18pt"\s+data-message="{first.pk}"', html)
    assert re.search(rf'class="letter letter-12pt"\s+data-message="{second.pk}"', html)
    assert ".letter-18pt { font-size: 18pt; }" in html
    pdf = post_batch_pdf([first, second])
    assert pdf_is_tagged(pdf)
    text = pdf_text(pdf)
    assert "Rosa Ortiz" in text
    assert "12 Mill Lane" in text
    assert "The workshop is tomorrow at 10am." in text
    assert text.index("Rosa Ortiz") < text.index("Ben Lowe")


@pytest.mark.django_db
def test_easy_read_letter_uses_the_easy_read_text_in_large_print() -> None:
    rosa = PersonFactory.create(contact_route=ContactRoute.POST, postal_address="12 Mill Lane")
    give_needs(rosa, Need.EASY_READ)

    message = send_message(rosa, CONTENT, topic="reminder")

    html = letters_html([message])
    assert "letter-16pt letter-easy-read" in html
    assert "It starts at 10 in the morning." in html


@pytest.mark.django_db
def test_text_message_goes_to_the_folder_backend(texts_in_a_folder: Path) -> None:
    person = PersonFactory.create(contact_route=ContactRoute.TEXT, phone="07700 900123")

    message = send_message(person, CONTENT, topic="reminder")

    assert (message.status, message.route, message.sent_to) == (MessageStatus.SENT, MessageRoute.TEXT, "07700 900123")
    [file] = list(texts_in_a_folder.iterdir())
    written = file.read_text()
    assert written.startswith("To: 07700 900123\n")
    assert "Reminder: bus stop workshop tomorrow http://testserver/get-involved/1/" in written
    assert mail.outbox == []


@pytest.mark.django_db
def test_supporter_with_an_email_address_gets_the_email_for_the_person() -> None:
    person = PersonFactory.create(
        preferred_name="Jo",
        contact_route=ContactRoute.SUPPORTER,
        supporter_name="Kim",
        supporter_contact="kim@example.org",
    )

    message = send_message(person, CONTENT, topic="reminder")

    assert message.status == MessageStatus.SENT
    [email] = mail.outbox
    assert email.to == ["kim@example.org"]
    assert email.body.startswith("This message is for Jo.")


@pytest.mark.django_db
def test_supporter_with_a_phone_number_gets_a_text(texts_in_a_folder: Path) -> None:
    person = PersonFactory.create(
        contact_route=ContactRoute.SUPPORTER, supporter_name="Kim", supporter_contact="+44 7700 900456"
    )

    send_message(person, CONTENT, topic="reminder")

    [file] = list(texts_in_a_folder.iterdir())
    assert file.read_text().startswith("To: +44 7700 900456\n")


@pytest.mark.django_db
def test_supporter_with_only_a_name_and_phone_route_become_calls_to_make() -> None:
    by_supporter = PersonFactory.create(
        contact_route=ContactRoute.SUPPORTER, supporter_name="Kim", supporter_contact="ask at reception"
    )
    by_phone = PersonFactory.create(contact_route=ContactRoute.PHONE, phone="01632 960001")

    assert send_message(by_supporter, CONTENT, topic="reminder").status == MessageStatus.TO_CALL
    assert send_message(by_phone, CONTENT, topic="reminder").status == MessageStatus.TO_CALL
    assert mail.outbox == []


@pytest.mark.django_db
def test_refused_route_falls_back_to_the_next_allowed_one() -> None:
    person = PersonFactory.create(email="a@example.org", phone="07700 900123", postal_address="1 Road")
    prefer(person, no_email=True, no_text=True)

    message = send_message(person, CONTENT, topic="reminder")

    assert message.route == MessageRoute.POST
    assert mail.outbox == []


@pytest.mark.django_db
def test_nothing_allowed_means_not_sent_with_the_reason() -> None:
    person = PersonFactory.create(email="a@example.org")
    prefer(person, no_email=True)

    message = send_message(person, CONTENT, topic="reminder")

    assert message.status == MessageStatus.NOT_SENT
    assert message.route == MessageRoute.NONE
    assert "email: refused" in message.last_error
    assert "no phone number" in message.last_error
    assert mail.outbox == []


ROUTES = [ContactRoute.EMAIL, ContactRoute.TEXT, ContactRoute.POST, ContactRoute.PHONE, ContactRoute.SUPPORTER]
REFUSAL = {
    MessageRoute.EMAIL: "no_email",
    MessageRoute.TEXT: "no_text",
    MessageRoute.POST: "no_post",
    MessageRoute.PHONE: "no_phone",
    MessageRoute.SUPPORTER: "no_supporter",
}


@pytest.mark.django_db
@hypothesis_settings(max_examples=40, deadline=None)
@given(
    route=st.sampled_from(ROUTES),
    refusals=st.fixed_dictionaries({name: st.booleans() for name in REFUSAL.values()}),
    has_email=st.booleans(),
    has_phone=st.booleans(),
    has_address=st.booleans(),
    supporter=st.sampled_from(["", "kim@example.org", "07700 900999", "Kim at the day centre"]),
)
def test_a_refused_route_is_never_used(
    route: str, refusals: dict[str, bool], has_email: bool, has_phone: bool, has_address: bool, supporter: str
) -> None:
    mail.outbox.clear()
    person = PersonFactory.create(
        contact_route=route,
        email="p@example.org" if has_email else "",
        phone="07700 900123" if has_phone else "",
        postal_address="1 Road" if has_address else "",
        supporter_contact=supporter,
    )
    ContactPreferences.objects.create(person=person, **refusals)

    message = send_message(person, CONTENT, topic="reminder")

    if message.route == MessageRoute.NONE:
        assert message.status == MessageStatus.NOT_SENT
        assert mail.outbox == []
    else:
        assert not refusals[REFUSAL[MessageRoute(message.route)]]
    if refusals["no_email"]:
        assert "p@example.org" not in [address for email in mail.outbox for address in email.to]
    if refusals["no_supporter"]:
        assert "kim@example.org" not in [address for email in mail.outbox for address in email.to]
    allowed_possible_own = not refusals[REFUSAL[MessageRoute(route)]] and (
        (route == ContactRoute.EMAIL and has_email)
        or (route in (ContactRoute.TEXT, ContactRoute.PHONE) and has_phone)
        or (route == ContactRoute.POST and has_address)
        or (route == ContactRoute.SUPPORTER and supporter)
    )
    if allowed_possible_own:
        assert message.route == route
