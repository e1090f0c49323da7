"""The database backs the rules: every picture has alt text, one picture a row, positions unique."""

import pytest
from django.db import IntegrityError, transaction

from coproduce.easyread.choices import DocumentStatus, Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow

pytestmark = pytest.mark.django_db


def make_row(document: EasyReadDocument, **fields) -> EasyReadRow:
    values = {"position": 9, "text": "Hello.", **fields}
    with transaction.atomic():
        return EasyReadRow.objects.create(document=document, **values)


def test_a_pictogram_without_alt_text_is_refused_by_the_database(draft):
    with pytest.raises(IntegrityError):
        make_row(draft, pictogram=Pictogram.HOME, alt_text="")


def test_an_uploaded_image_without_alt_text_is_refused_by_the_database(draft):
    with pytest.raises(IntegrityError):
        make_row(draft, image="easyread/pictures/x.png", alt_text="")


def test_a_row_has_one_picture_at_most(draft):
    with pytest.raises(IntegrityError):
        make_row(draft, pictogram=Pictogram.HOME, image="easyread/pictures/x.png", alt_text="A home")


def test_a_row_without_a_picture_needs_no_alt_text(draft):
    assert make_row(draft).alt_text == ""


def test_positions_are_unique_within_a_document(draft):
    with pytest.raises(IntegrityError):
        make_row(draft, position=1)


def test_unknown_pictograms_are_refused(draft):
    with pytest.raises(IntegrityError):
        make_row(draft, pictogram="../../secret.svg", alt_text="x")


def test_a_published_document_says_when_and_by_whom(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        EasyReadDocument.objects.filter(pk=draft.pk).update(status=DocumentStatus.PUBLISHED)


def test_every_pictogram_has_its_file_with_a_title_and_no_inline_style():
    from coproduce.easyread.choices import pictogram_path

    for pictogram in Pictogram:
        svg = pictogram_path(pictogram).read_text()
        assert 'role="img"' in svg
        assert "<title" in svg
        assert "style" not in svg
        assert "<script" not in svg
