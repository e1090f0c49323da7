"""The Easy Read pages: the editor, uploads, publishing, the public page, the picture and the PDF."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coproduce.easyread.choices import DocumentStatus, Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import add_row, create_document, publish_document
from coproduce.easyread.tests.conftest import image_bytes, png_upload
from coproduce.tests.pdfs import pdf_is_tagged, pdf_language, pdf_text, pdf_title

pytestmark = pytest.mark.django_db


def add_row_url(document: EasyReadDocument) -> str:
    return reverse("easyread:add_row", kwargs={"pk": document.pk})


def test_a_coordinator_starts_a_draft(amina, client_for):
    response = client_for(amina).post(reverse("easyread:create"), {"title": "Our survey"})
    document = EasyReadDocument.objects.get(title="Our survey")
    assert response["Location"] == reverse("easyread:edit", kwargs={"pk": document.pk})
    assert document.status == DocumentStatus.DRAFT
    assert document.created_by == amina


def test_an_empty_title_is_an_error(amina, client_for):
    response = client_for(amina).post(reverse("easyread:create"), {"title": ""})
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "Enter a title" in html
    assert not EasyReadDocument.objects.exists()


def test_a_row_with_an_uploaded_png_is_stored_under_a_random_name(draft, amina, client_for, media_in_tmp):
    response = client_for(amina).post(
        add_row_url(draft), {"text": "This is us.", "upload": png_upload("Amina Khan at home.png"), "alt_text": "Us"}
    )
    assert response.status_code == 302
    row = draft.rows.get(position=3)
    assert row.image.name.startswith("easyread/pictures/")
    assert row.image.name.endswith(".png")
    assert "Amina" not in row.image.name
    assert (media_in_tmp / row.image.name).read_bytes().startswith(b"\x89PNG")


def test_a_picture_without_alt_text_is_an_error_beside_the_field_and_nothing_is_written(
    draft, amina, client_for, media_in_tmp
):
    response = client_for(amina).post(add_row_url(draft), {"text": "This is us.", "upload": png_upload()})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Describe the picture for people who cannot see it" in html
    assert 'id="alt_text-error"' in html or "govuk-error-message" in html
    assert draft.rows.count() == 2
    assert not (media_in_tmp / "easyread").exists()


def test_a_pictogram_without_alt_text_is_an_error(draft, amina, client_for):
    response = client_for(amina).post(add_row_url(draft), {"text": "Ring us.", "pictogram": Pictogram.PHONE})
    assert "Describe the picture for people who cannot see it" in response.content.decode()
    assert draft.rows.count() == 2


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("notes.png", b"just some text, not a picture", "image/png"), "must be a PNG or JPEG"),
        (
            SimpleUploadedFile(
                "icon.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>', "image/svg+xml"
            ),
            "must be a PNG or JPEG",
        ),
        (SimpleUploadedFile("anim.gif", image_bytes("GIF"), "image/gif"), "must be a PNG or JPEG"),
    ],
)
def test_uploads_that_are_not_png_or_jpeg_are_refused(draft, amina, client_for, upload, message, media_in_tmp):
    response = client_for(amina).post(add_row_url(draft), {"text": "Hi.", "upload": upload, "alt_text": "A thing"})
    assert message in response.content.decode()
    assert draft.rows.count() == 2
    assert not (media_in_tmp / "easyread").exists()


def test_a_jpeg_is_accepted(draft, amina, client_for):
    upload = SimpleUploadedFile("photo.jpeg", image_bytes("JPEG"), "image/jpeg")
    client_for(amina).post(add_row_url(draft), {"text": "Hi.", "upload": upload, "alt_text": "A photo"})
    assert draft.rows.get(position=3).image.name.endswith(".jpg")


def test_an_upload_over_the_size_limit_is_refused(settings, draft, amina, client_for):
    settings.COPRODUCE_EASY_READ_IMAGE_MAX_BYTES = 50
    response = client_for(amina).post(add_row_url(draft), {"text": "Hi.", "upload": png_upload(), "alt_text": "A"})
    assert "The picture must be smaller than" in response.content.decode()
    assert draft.rows.count() == 2


def test_changing_a_row_keeps_its_picture_unless_replaced(draft, amina, client_for):
    row = draft.rows.get(position=1)
    url = reverse("easyread:edit_row", kwargs={"pk": row.pk})
    client_for(amina).post(url, {"text": "Monday at 10am.", "pictogram": Pictogram.CALENDAR, "alt_text": "A calendar"})
    row.refresh_from_db()
    assert (row.text, row.pictogram) == ("Monday at 10am.", Pictogram.CALENDAR)
    client_for(amina).post(url, {"text": "Monday.", "upload": png_upload(), "alt_text": "A photo"})
    row.refresh_from_db()
    assert row.pictogram == ""
    assert row.image.name.endswith(".png")


def test_move_buttons_reorder_rows_for_coordinators_only(draft, amina, dev, client_for):
    second = draft.rows.get(position=2)
    url = reverse("easyread:move_row", kwargs={"pk": second.pk})
    assert client_for(dev).post(url, {"direction": "up"}).status_code == 403
    assert client_for(amina).get(url).status_code == 405
    client_for(amina).post(url, {"direction": "up"})
    assert draft.rows.order_by("position").first().pk == second.pk


def test_the_editor_warns_about_long_sentences_and_names_the_row(draft, amina, client_for):
    add_row(
        EasyReadRow(
            document=draft, text="This sentence is far too long for Easy Read because it has so very many words."
        ),
        by=amina,
    )
    html = client_for(amina).get(reverse("easyread:edit", kwargs={"pk": draft.pk})).content.decode()
    assert "Row 3 has a sentence of 16 words" in html


def test_publishing_a_picture_lacking_alt_text_is_refused_with_a_message(draft, amina, client_for):
    EasyReadRow.objects.filter(document=draft, position=1).update(alt_text=" ")
    response = client_for(amina).post(reverse("easyread:publish", kwargs={"pk": draft.pk}))
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "The picture in row 1 has no alt text." in html
    draft.refresh_from_db()
    assert draft.status == DocumentStatus.DRAFT


def test_publishing_sends_the_coordinator_to_the_public_page(draft, amina, client_for):
    response = client_for(amina).post(reverse("easyread:publish", kwargs={"pk": draft.pk}))
    assert response["Location"] == reverse("easyread:read", kwargs={"pk": draft.pk})


def test_a_published_document_is_public_with_pictures_beside_the_text(draft, amina, client):
    publish_document(draft, by=amina)
    html = client.get(reverse("easyread:read", kwargs={"pk": draft.pk})).content.decode()
    assert 'alt="A calendar"' in html
    assert "easyread/pictograms/calendar.svg" in html
    assert html.index("The workshop is on Monday.") < html.index("We pay for your bus.")
    assert "govuk-grid-column-one-third" in html


def test_a_coordinator_changes_a_published_document_and_readers_see_the_change_and_when(
    draft, amina, client, client_for
):
    publish_document(draft, by=amina)
    row = draft.rows.get(position=2)
    response = client_for(amina).post(
        reverse("easyread:edit_row", kwargs={"pk": row.pk}),
        {"text": "We pay for your bus or taxi.", "pictogram": Pictogram.BUS, "alt_text": "A bus"},
    )
    assert response.status_code == 302

    html = client.get(reverse("easyread:read", kwargs={"pk": draft.pk})).content.decode()
    assert "We pay for your bus or taxi." in html
    assert "Last changed on" in html
    editor = client_for(amina).get(reverse("easyread:edit", kwargs={"pk": draft.pk})).content.decode()
    assert reverse("easyread:edit_row", kwargs={"pk": row.pk}) in editor
    assert reverse("easyread:publish", kwargs={"pk": draft.pk}) not in editor


def test_deleting_the_last_row_of_a_published_document_says_why_not(draft, amina, client_for):
    publish_document(draft, by=amina)
    first, second = draft.rows.order_by("position")
    client_for(amina).post(reverse("easyread:delete_row", kwargs={"pk": first.pk}))
    response = client_for(amina).post(reverse("easyread:delete_row", kwargs={"pk": second.pk}), follow=True)
    assert "A published document needs at least one row" in response.content.decode()
    assert draft.rows.count() == 1


@pytest.mark.parametrize("persona", ["dev", "grace", "tom", "priya", "sam"])
def test_a_draft_is_not_public(request, draft, client, client_for, persona):
    url = reverse("easyread:read", kwargs={"pk": draft.pk})
    assert client_for(request.getfixturevalue(persona)).get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_an_uploaded_picture_is_served_with_its_type_and_nosniff(draft, amina, dev, client, client_for):
    client_for(amina).post(add_row_url(draft), {"text": "Hi.", "upload": png_upload(), "alt_text": "A photo"})
    row = draft.rows.get(position=3)
    url = reverse("easyread:picture", kwargs={"pk": row.pk})
    assert client.get(url).status_code == 302  # a draft's picture: sign in first
    assert client_for(dev).get(url).status_code == 403
    response = client_for(amina).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    publish_document(draft, by=amina)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_a_row_with_a_pictogram_has_no_uploaded_picture(draft, amina, client_for):
    url = reverse("easyread:picture", kwargs={"pk": draft.rows.get(position=1).pk})
    assert client_for(amina).get(url).status_code == 404


def test_the_pdf_is_tagged_titled_in_english_and_reads_in_row_order(draft, amina, client, client_for):
    client_for(amina).post(add_row_url(draft), {"text": "Come along.", "upload": png_upload(), "alt_text": "A photo"})
    publish_document(draft, by=amina)
    response = client.get(reverse("easyread:pdf", kwargs={"pk": draft.pk}))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf_is_tagged(pdf)
    assert pdf_title(pdf) == "Going to a workshop"
    assert pdf_language(pdf) == "en-GB"
    text = pdf_text(pdf)
    assert text.index("The workshop is on Monday.") < text.index("We pay for your bus.") < text.index("Come along.")


def test_the_list_of_documents_takes_the_same_queries_however_many(amina, client_for, django_assert_max_num_queries):
    client = client_for(amina)
    for number in range(6):
        document = create_document(EasyReadDocument(title=f"Document {number}"), by=amina)
        add_row(EasyReadRow(document=document, text="Hi."), by=amina)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("easyread:documents"))
    assert response.content.decode().count("Document ") == 6


def test_the_list_of_documents_says_no_project_in_words_not_none(draft, amina, client_for):
    response = client_for(amina).get(reverse("easyread:documents"))

    content = response.content.decode()
    assert '<td class="govuk-table__cell">No project</td>' in content
    assert "None" not in content
