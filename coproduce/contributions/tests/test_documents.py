import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.contributions.documents import document_pdf, time_taken
from coproduce.contributions.models import Contribution
from coproduce.people.models import CreditPreference
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title


def test_time_taken_in_words():
    assert [time_taken(m) for m in (45, 60, 90, 150, 1)] == [
        "45 minutes",
        "1 hour",
        "1 hour and 30 minutes",
        "2 hours and 30 minutes",
        "1 minute",
    ]


@pytest.mark.parametrize("kind", ["letter", "certificate", "card"])
def test_documents_are_tagged_titled_and_in_english(kind, dev_attended):
    pdf, filename = document_pdf(dev_attended, kind)

    assert pdf_is_tagged(pdf)
    assert pdf_language(pdf).lower() == "en-gb"
    assert pdf_title(pdf)
    assert filename.endswith(".pdf")
    assert "Patel" not in filename


def test_letter_reads_in_order_and_says_how_they_are_named(dev_attended, amina):
    person = dev_attended.person
    person.credit_preference = CreditPreference.INITIALS
    person.save()
    Contribution.objects.create(
        person=person,
        project=dev_attended.activity.project,
        activity=dev_attended.activity,
        kind="idea",
        summary="Lower the kerb.",
        recorded_by=amina,
    )

    pdf, _ = document_pdf(dev_attended, "letter")
    text = pdf_text(pdf)

    assert pdf_title(pdf) == f"Thank you for taking part in {dev_attended.activity.title}"
    assert text.index("Dear Devendra Patel") < text.index("2 hours and 30 minutes") < text.index("Lower the kerb.")
    assert "we will name you as: D. P" in text  # pypdf may space the final full stop


@pytest.mark.parametrize(
    "choice", [CreditPreference.FULL_NAME, CreditPreference.INITIALS, CreditPreference.ANONYMOUS, ""]
)
def test_certificate_names_its_holder_in_full_whatever_they_chose_for_publishing(choice, grace_attended, amina):
    grace_attended.person.credit_preference = choice
    grace_attended.person.save()
    Contribution.objects.create(
        person=grace_attended.person,
        project=grace_attended.activity.project,
        activity=grace_attended.activity,
        kind="idea",
        summary="Shelters at every stop.",
        recorded_by=amina,
    )

    text = pdf_text(document_pdf(grace_attended, "certificate")[0])

    assert "Grace Okafor" in text
    assert "the holder of certificate" not in text
    assert "1 hour and 30 minutes" in text
    assert "bus stops" in text  # the project, which may wrap after "Step-"
    assert "An idea: Shelters at every stop." in text


def test_the_certificate_of_a_deleted_record_names_the_holder_of_its_reference(grace_attended):
    person = grace_attended.person
    person.full_name = "Deleted person"
    person.anonymised_at = timezone.now()
    person.save()

    text = pdf_text(document_pdf(grace_attended, "certificate")[0])

    assert "the holder of certificate CP-" in text
    assert "Deleted person" not in text


def test_anonymous_letter_promises_no_name_in_public(grace_attended):
    grace_attended.person.credit_preference = CreditPreference.ANONYMOUS
    grace_attended.person.save()

    text = pdf_text(document_pdf(grace_attended, "letter")[0])

    assert "Dear Grace Okafor" in text
    assert "We will not name you in anything we publish" in text


def test_easy_read_card_is_short_and_personal(dev_attended):
    pdf, _ = document_pdf(dev_attended, "card")

    assert pdf_title(pdf) == "Thank you, Dev"
    assert pdf_text(pdf).startswith("Thank you, Dev You came to")


def test_person_downloads_their_own_letter(dev_attended, dev, client_for):
    response = client_for(dev).get(reverse("contributions:document", kwargs={"pk": dev_attended.pk, "kind": "letter"}))

    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert "Dear Devendra Patel" in pdf_text(response.content)
