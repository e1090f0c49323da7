"""An anonymous concern's reference: shown once to its sender, then the key to the public answer page."""

import re

import pytest
from django.urls import reverse

from coproduce.audit.models import AuditEvent
from coproduce.decisions.choices import ConcernAbout
from coproduce.decisions.models import Concern
from coproduce.decisions.references import ALPHABET
from coproduce.decisions.services.concerns import answer_concern, raise_concern
from coproduce.decisions.tests.helpers import page

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(rf"[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")
NOT_FOUND = "We cannot find a concern with that reference"


def send_anonymously(client, **fields) -> str:
    data = {"about": "organisation", "text": "Payments always come late.", "anonymous": "anonymous", **fields}
    response = client.post(reverse("decisions:concern_create"), data)
    assert response.status_code == 200
    found = REFERENCE.search(page(response))
    assert found is not None
    return found.group()


def read(client, reference: str):
    return client.post(reverse("decisions:concern_reference"), {"reference": reference})


def test_anonymous_concern_gets_a_reference_to_read_the_answer(grace, amina, client_for, client):
    reference = send_anonymously(client_for(grace))
    answer_concern(Concern.objects.get(), response="We now pay within 28 days.", by=amina)

    # Signed out, typed in lower case with spaces: the answer is there.
    response = read(client, reference.lower().replace("-", " "))

    html = page(response)
    assert response.status_code == 200
    assert "We now pay within 28 days." in html
    assert "Payments always come late." in html
    assert "no-store" in response["Cache-Control"]


def test_reference_is_shown_once_and_kept_nowhere(grace, client_for):
    client = client_for(grace)

    response = client.post(
        reverse("decisions:concern_create"),
        {"about": "organisation", "text": "Payments always come late.", "anonymous": "anonymous"},
    )
    reference = REFERENCE.search(page(response)).group()  # type: ignore[union-attr]

    assert "no-store" in response["Cache-Control"]
    characters = reference.replace("-", "")
    row = Concern.objects.values().get()
    assert not any(characters in str(value) for value in row.values())
    assert characters not in str(dict(client.session.items()))
    assert not AuditEvent.objects.filter(target_type="decisions.concern").exists()
    assert reference not in page(client.get(reverse("decisions:your_concerns")))
    assert reference not in page(client.get(reverse("home")))


def test_named_concern_gets_no_reference(grace, client_for):
    response = client_for(grace).post(
        reverse("decisions:concern_create"),
        {"about": "organisation", "text": "Payments always come late.", "anonymous": "named"},
        follow=True,
    )

    assert REFERENCE.search(page(response)) is None
    assert "A coordinator will reply to you" in page(response)


def test_reference_page_is_open_to_anyone_with_one_field(client, grace, client_for):
    for visitor in (client, client_for(grace)):
        html = page(visitor.get(reverse("decisions:concern_reference")))

        assert "Read the answer to a concern" in html
        assert '<label class="govuk-label govuk-label--s" for="id_reference">Reference</label>' in html


@pytest.mark.parametrize("typed", ["K7QM-4RTX-9HCP", "not a reference", "K7QM-4RTX-9HC0"])
def test_reference_page_says_the_same_next_to_the_field_for_unknown_or_malformed(typed, client, grace, client_for):
    send_anonymously(client_for(grace))

    html = page(read(client, typed))

    assert html.count(NOT_FOUND) == 2  # in the error summary and beside the field
    assert 'href="#id_reference"' in html
    assert "Payments always come late." not in html


def test_reference_page_asks_for_a_reference_when_empty(client, db):
    assert "Enter your reference" in page(read(client, ""))


def test_reference_page_stops_an_address_after_too_many_misses(settings, client, grace, client_for):
    settings.COPRODUCE_CONCERN_REFERENCE_MISSES_PER_IP_PER_HOUR = 1
    reference = send_anonymously(client_for(grace))
    read(client, "K7QM-4RTX-9HCP")

    html = page(read(client, reference))

    assert "You have tried a lot of references in the last hour" in html
    assert "Payments always come late." not in html


def test_reference_reads_only_its_own_concern(grace, dev, client_for, client):
    mine = send_anonymously(client_for(grace), text="Worry about payments.")
    raise_concern(None, about=ConcernAbout.ORGANISATION, text="Worry about rooms.", anonymous=True, by=dev)

    html = page(read(client, mine))

    assert "Worry about payments." in html
    assert "Worry about rooms." not in html
    assert "Waiting for a response" in html


def test_concern_pages_link_to_the_reference_page(grace, client_for, client):
    url = f'href="{reverse("decisions:concern_reference")}"'
    grace_client = client_for(grace)

    for response in (
        grace_client.get(reverse("decisions:concern_create")),
        grace_client.get(reverse("decisions:your_concerns")),
        client.get(reverse("help")),
    ):
        assert url in page(response)


def test_coordinator_answering_an_anonymous_concern_is_told_the_sender_reads_it_by_reference(grace, amina, client_for):
    send_anonymously(client_for(grace))
    concern = Concern.objects.get()

    response = client_for(amina).post(
        reverse("decisions:concern_answer", args=[concern.pk]), {"response": "We now pay within 28 days."}, follow=True
    )

    assert "The person who sent the concern can read it with their reference." in page(response)
    assert "The organisation" in page(response)


def test_reference_page_says_how_to_find_the_answer_page_again_signed_out(grace, client_for):
    # The reference is shown once; the sender comes back later, maybe signed out, with only the reference.
    response = client_for(grace).post(
        reverse("decisions:concern_create"),
        {"about": "organisation", "text": "Payments always come late.", "anonymous": "anonymous"},
    )

    html = page(response)
    assert "Later, you can find that page without signing in:" in html
    assert f'<a class="govuk-link" href="{reverse("help")}">Get help</a>, at the bottom of every page' in html
