"""Coordinators' Messages, Post to send and Calls to make pages, and "How we contact you"."""

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from coproduce.accounts.models import User
from coproduce.audit.models import AuditEvent
from coproduce.communications.choices import MessageFormat, MessageRoute, MessageStatus
from coproduce.communications.models import ContactPreferences, Message
from coproduce.people.models import Person
from coproduce.people.tests.factories import PersonFactory
from coproduce.tests.pdfs import pdf_text

pytestmark = pytest.mark.django_db

PERSONAS = ("amina", "dev", "grace", "tom", "priya", "sam", "morgan")
COORDINATORS = ("amina", "morgan")


def make_message(person: Person, **values: Any) -> Message:
    defaults: dict[str, Any] = {
        "topic": "reminder",
        "route": MessageRoute.EMAIL,
        "format": MessageFormat.STANDARD,
        "subject": "Reminder: workshop",
        "body": "The workshop is tomorrow.",
        "status": MessageStatus.SENT,
    }
    defaults.update(values)
    if defaults["status"] == MessageStatus.SENT:
        defaults.setdefault("sent_at", timezone.now())
    if defaults["status"] in (MessageStatus.FAILED, MessageStatus.NOT_SENT, MessageStatus.RETRYING):
        defaults.setdefault("last_error", "ConnectionRefusedError: down")
    return Message.objects.create(person=person, **defaults)


def a_letter() -> Message:
    rosa = PersonFactory.create(full_name="Rosa Ortiz", postal_address="12 Mill Lane\nRV1 2AB")
    return make_message(
        rosa, route=MessageRoute.POST, format=MessageFormat.LARGE_PRINT, status=MessageStatus.WAITING_FOR_POST
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_coordinators_may_retry_post_or_mark_calls(
    persona: str, everyone: dict[str, User], client_for: Any
) -> None:
    tom = everyone["tom"].person
    failed = make_message(tom, status=MessageStatus.FAILED)
    call = make_message(tom, route=MessageRoute.PHONE, status=MessageStatus.TO_CALL)
    letter = a_letter()
    client = client_for(everyone[persona])

    responses = [
        client.post(reverse("communications:message_retry", kwargs={"pk": failed.pk})),
        client.post(reverse("communications:call_done", kwargs={"pk": call.pk})),
        client.post(reverse("communications:letters_posted"), {"message": [letter.pk]}),
    ]

    if persona in COORDINATORS:
        assert [response.status_code for response in responses] == [302, 302, 302]
        statuses = list(Message.objects.order_by("pk").values_list("status", flat=True))
        assert statuses == [MessageStatus.RETRYING, MessageStatus.CALLED, MessageStatus.POSTED]
    else:
        assert [response.status_code for response in responses] == [403, 403, 403]
        statuses = list(Message.objects.order_by("pk").values_list("status", flat=True))
        assert statuses == [MessageStatus.FAILED, MessageStatus.TO_CALL, MessageStatus.WAITING_FOR_POST]


def test_post_only_endpoints_refuse_get(amina: User, client_for: Any) -> None:
    assert client_for(amina).get(reverse("communications:letters_posted")).status_code == 405


def test_messages_page_lists_failures_first_with_the_reason_and_a_retry_button(
    amina: User, tom: User, client_for: Any
) -> None:
    make_message(tom.person, subject="All fine")
    failed = make_message(tom.person, subject="Could not go", status=MessageStatus.FAILED, attempts=4)

    html = client_for(amina).get(reverse("communications:messages")).content.decode()

    assert html.index("Could not go") < html.index("All fine")
    assert "1 message could not be sent" in html
    assert "ConnectionRefusedError: down" in html
    assert reverse("communications:message_retry", kwargs={"pk": failed.pk}) in html
    assert html.count("Try again<span") == 1


def test_messages_page_filters_by_status(amina: User, tom: User, client_for: Any) -> None:
    make_message(tom.person, subject="All fine")
    make_message(tom.person, subject="Could not go", status=MessageStatus.FAILED)

    html = client_for(amina).get(reverse("communications:messages"), {"status": "failed"}).content.decode()

    assert "Could not go" in html
    assert "All fine" not in html


def test_messages_page_queries_do_not_grow_with_messages(
    amina: User, tom: User, client_for: Any, django_assert_max_num_queries: Any
) -> None:
    client = client_for(amina)
    for index in range(30):
        make_message(
            PersonFactory.create(),
            subject=f"Message {index}",
            status=MessageStatus.FAILED if index % 3 else MessageStatus.SENT,
        )

    with django_assert_max_num_queries(12):
        response = client.get(reverse("communications:messages"))
    assert response.status_code == 200


def test_retry_queues_one_more_attempt_and_is_audited(amina: User, tom: User, client_for: Any) -> None:
    failed = make_message(tom.person, status=MessageStatus.FAILED, attempts=4)

    client_for(amina).post(reverse("communications:message_retry", kwargs={"pk": failed.pk}))
    client_for(amina).post(reverse("communications:message_retry", kwargs={"pk": failed.pk}))

    failed.refresh_from_db()
    assert failed.status == MessageStatus.RETRYING
    assert DBTaskResult.objects.filter(task_path__endswith=".retry_message").count() == 1
    assert AuditEvent.objects.filter(action="communications.message_retried", actor=amina).count() == 1


def test_post_to_send_downloads_the_batch_then_marks_only_those_letters_posted(amina: User, client_for: Any) -> None:
    letter = a_letter()
    client = client_for(amina)

    html = client.get(reverse("communications:post_to_send")).content.decode()
    assert "Rosa Ortiz" in html
    assert f'value="{letter.pk}"' in html
    pdf = client.get(reverse("communications:post_batch"))
    assert pdf["Content-Type"] == "application/pdf"
    assert "12 Mill Lane" in pdf_text(pdf.content)

    later = a_letter()  # arrives after the coordinator downloaded the batch
    response = client.post(reverse("communications:letters_posted"), {"message": [letter.pk]})

    assert response.status_code == 302
    letter.refresh_from_db()
    later.refresh_from_db()
    assert letter.status == MessageStatus.POSTED
    assert letter.printed_at is not None
    assert later.status == MessageStatus.WAITING_FOR_POST


def test_marking_letters_already_posted_shows_an_error_and_changes_nothing(amina: User, client_for: Any) -> None:
    letter = a_letter()
    Message.objects.filter(pk=letter.pk).update(status=MessageStatus.POSTED, printed_at=letter.created_at)

    response = client_for(amina).post(reverse("communications:letters_posted"), {"message": [letter.pk]})

    assert response.status_code == 400
    assert "already marked as posted" in response.content.decode()


def test_calls_to_make_lists_the_call_and_marks_it_done(amina: User, client_for: Any) -> None:
    person = PersonFactory.create(full_name="Jo Bell", phone="01632 960001")
    call = make_message(person, route=MessageRoute.PHONE, status=MessageStatus.TO_CALL, sent_to="01632 960001")
    client = client_for(amina)

    html = client.get(reverse("communications:calls")).content.decode()
    assert "Jo Bell" in html
    assert "01632 960001" in html

    client.post(reverse("communications:call_done", kwargs={"pk": call.pk}))

    call.refresh_from_db()
    assert (call.status, call.done_by) == (MessageStatus.CALLED, amina)
    assert "There are no calls to make." in client.get(reverse("communications:calls")).content.decode()


def test_a_person_sets_how_we_contact_them_and_it_is_audited_without_values(grace: User, client_for: Any) -> None:
    url = reverse("communications:my_contact_preferences")
    client = client_for(grace)

    response = client.post(url, {"message_format": "plain_text", "refused": ["no_post", "no_phone"]})

    assert response.status_code == 302
    preferences = ContactPreferences.objects.get(person=grace.person)
    assert preferences.message_format == MessageFormat.PLAIN_TEXT
    assert (preferences.no_post, preferences.no_phone, preferences.no_email) == (True, True, False)
    assert preferences.recorded_by is None
    event = AuditEvent.objects.get(action="communications.contact_preferences_changed")
    assert event.payload == {"fields": "message_format, no_phone, no_post", "on_behalf": False}
    html = client.get(url).content.decode()
    assert 'value="plain_text" checked' in html or 'checked value="plain_text"' in html or 'plain_text" checked' in html


def test_bad_choice_shows_an_error_and_saves_nothing(grace: User, client_for: Any) -> None:
    response = client_for(grace).post(
        reverse("communications:my_contact_preferences"), {"message_format": "braille", "refused": ["no_fax"]}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: " in html
    assert "Choose a format from the list" in html
    assert not ContactPreferences.objects.exists()


def test_coordinator_records_contact_choices_for_someone_who_asked_by_phone(amina: User, client_for: Any) -> None:
    rosa = PersonFactory.create(full_name="Rosa Ortiz")
    url = reverse("communications:contact_preferences_for", kwargs={"person_id": rosa.pk})

    client_for(amina).post(url, {"message_format": "large_print", "refused": ["no_email"]})

    preferences = ContactPreferences.objects.get(person=rosa)
    assert (preferences.message_format, preferences.no_email, preferences.recorded_by) == ("large_print", True, amina)
    assert AuditEvent.objects.get(action="communications.contact_preferences_changed").payload["on_behalf"] is True


def test_contact_preferences_for_an_unknown_person_is_not_found(amina: User, client_for: Any) -> None:
    url = reverse("communications:contact_preferences_for", kwargs={"person_id": 999999})
    assert client_for(amina).get(url).status_code == 404
