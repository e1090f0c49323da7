"""Concerns through the services: what they are about, references for anonymous senders, reading back."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.audit.models import AuditEvent
from coproduce.decisions.choices import ConcernAbout
from coproduce.decisions.models import Concern, ReferenceMiss
from coproduce.decisions.references import ALPHABET, hash_reference, new_reference, normalised
from coproduce.decisions.services.concerns import (
    AlreadySent,
    TooManyReferences,
    answer_concern,
    raise_concern,
    read_concern_by_reference,
)
from coproduce.refusals import Refused

pytestmark = pytest.mark.django_db

WRITTEN = re.compile(rf"^[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def test_new_reference_is_twelve_unambiguous_characters_in_groups_of_four():
    references = {new_reference() for _ in range(200)}

    assert all(WRITTEN.match(reference) for reference in references)
    assert len(references) == 200
    assert not set("01ILO") & set(ALPHABET)
    assert len(ALPHABET) == 31


@pytest.mark.parametrize(
    "typed", ["K7QM-4RTX-9HCP", "k7qm-4rtx-9hcp", "K7QM4RTX9HCP", " k7qm 4rtx 9hcp ", "K7-QM4R-TX9H-CP"]
)
def test_normalised_accepts_lower_case_spaces_and_missing_dashes(typed):
    assert normalised(typed) == "K7QM4RTX9HCP"


@pytest.mark.parametrize(
    "typed", ["", "K7QM-4RTX-9HC", "K7QM-4RTX-9HCPP", "K7QM-4RTX-9HC0", "I7QM-4RTX-9HCP", "K7QM_4RTX_9HCP"]
)
def test_normalised_finds_no_reference_in_the_wrong_length_or_characters(typed):
    assert normalised(typed) is None


def test_hash_reference_is_the_sha256_of_its_characters_however_typed():
    expected = hashlib.sha256(b"K7QM4RTX9HCP").hexdigest()

    assert hash_reference("K7QM-4RTX-9HCP") == expected
    assert hash_reference("k7qm 4rtx 9hcp") == expected
    with pytest.raises(ValueError, match="Not a reference"):
        hash_reference("not a reference")


def test_anonymous_concern_keeps_only_the_hash_of_its_reference(bus_stops, grace):
    concern, reference = raise_concern(bus_stops, text="Papers come late.", anonymous=True, by=grace)

    assert reference is not None
    assert WRITTEN.match(reference)
    assert concern.reference_hash == hash_reference(reference)
    row = Concern.objects.filter(pk=concern.pk).values().get()
    assert not any(reference.replace("-", "") in str(value).replace("-", "").upper() for value in row.values() if value)


def test_named_concern_has_no_reference(bus_stops, grace):
    concern, reference = raise_concern(bus_stops, text="The room is too noisy.", anonymous=False, by=grace)

    assert reference is None
    assert concern.reference_hash is None


def test_read_concern_by_reference_finds_it_however_typed_and_audits_no_one(bus_stops, grace, amina):
    concern, reference = raise_concern(bus_stops, text="Papers come late.", anonymous=True, by=grace)
    assert reference is not None
    answer_concern(concern, response="We send them a week before now.", by=amina)

    found = read_concern_by_reference(reference.lower().replace("-", " "), ip_address="192.0.2.1")

    assert found == concern
    assert found.response == "We send them a week before now."
    event = AuditEvent.objects.get(action="decisions.concern_read_by_reference")
    assert (event.actor, event.target_id, event.payload) == (None, str(concern.pk), {})
    assert not ReferenceMiss.objects.exists()


@pytest.mark.parametrize("typed", ["K7QM-4RTX-9HCP", "not even close"])
def test_read_concern_by_reference_finds_nothing_for_an_unknown_or_malformed_reference(typed, bus_stops, grace):
    raise_concern(bus_stops, text="Papers come late.", anonymous=True, by=grace)

    assert read_concern_by_reference(typed, ip_address="192.0.2.1") is None
    assert list(ReferenceMiss.objects.values_list("ip_address", flat=True)) == ["192.0.2.1"]
    assert not AuditEvent.objects.filter(action="decisions.concern_read_by_reference").exists()


def test_read_concern_by_reference_refuses_an_address_after_too_many_misses(settings, bus_stops, grace):
    settings.COPRODUCE_CONCERN_REFERENCE_MISSES_PER_IP_PER_HOUR = 2
    concern, reference = raise_concern(bus_stops, text="Papers come late.", anonymous=True, by=grace)
    assert reference is not None
    for _ in range(2):
        read_concern_by_reference("K7QM-4RTX-9HCP", ip_address="192.0.2.1")

    with pytest.raises(TooManyReferences) as refused:
        read_concern_by_reference(reference, ip_address="192.0.2.1")

    assert refused.value.field == "reference"
    assert read_concern_by_reference(reference, ip_address="192.0.2.2") == concern


def test_read_concern_by_reference_forgets_misses_older_than_an_hour(bus_stops, grace):
    ReferenceMiss.objects.create(ip_address="192.0.2.1")
    ReferenceMiss.objects.update(tried_at=timezone.now() - timedelta(hours=2))

    read_concern_by_reference("K7QM-4RTX-9HCP", ip_address="192.0.2.9")

    assert list(ReferenceMiss.objects.values_list("ip_address", flat=True)) == ["192.0.2.9"]


def test_concern_about_a_person_keeps_who_in_words_and_no_project(bus_stops, grace):
    concern, _ = raise_concern(
        bus_stops, about=ConcernAbout.PERSON, about_person=" the receptionist ", text="Rude.", anonymous=False, by=grace
    )

    assert (concern.about, concern.about_person, concern.project) == (ConcernAbout.PERSON, "the receptionist", None)
    assert concern.about_in_words() == "a person (the receptionist)"
    event = AuditEvent.objects.get(action="decisions.concern_raised")
    assert event.payload == {"about": "person", "project": None}


def test_concern_about_the_organisation_keeps_no_project_or_person(bus_stops, grace):
    concern, reference = raise_concern(
        bus_stops,
        about=ConcernAbout.ORGANISATION,
        about_person="ignored",
        text="Payments are always late.",
        anonymous=True,
        by=grace,
    )

    assert (concern.about, concern.about_person, concern.project, concern.group) == (
        ConcernAbout.ORGANISATION,
        "",
        None,
        None,
    )
    assert concern.about_in_words() == "the organisation"
    assert reference is not None


def test_raise_concern_refuses_what_it_is_about_when_missing(grace):
    with pytest.raises(Refused) as no_person:
        raise_concern(None, about=ConcernAbout.PERSON, about_person=" ", text="Rude.", anonymous=False, by=grace)
    with pytest.raises(Refused) as no_project:
        raise_concern(None, about=ConcernAbout.PROJECT, text="Late.", anonymous=False, by=grace)

    assert no_person.value.errors == {"about_person": "Say who your concern is about"}
    assert no_project.value.errors == {"project": "Choose the project"}
    assert not Concern.objects.exists()


def test_a_concern_sent_twice_from_the_same_form_is_raised_once_and_stores_only_a_hash_of_its_token(
    bus_stops, grace, dev
):
    token = "a-random-token-from-one-copy-of-the-form"
    raise_concern(bus_stops, text="The lift was broken.", anonymous=True, by=grace, form_token=token)

    with pytest.raises(AlreadySent):
        raise_concern(bus_stops, text="The lift was broken.", anonymous=True, by=grace, form_token=token)

    concern = Concern.objects.get()
    assert concern.sent_from_form == hashlib.sha256(token.encode()).hexdigest()
    # Another copy of the form (or none, from code) sends a concern of its own.
    raise_concern(bus_stops, text="The lift was broken.", anonymous=True, by=dev, form_token="another-copy")
    raise_concern(bus_stops, text="The lift was broken.", anonymous=True, by=dev)
    assert Concern.objects.count() == 3
