"""Fixtures for the Easy Read tests: uploads go to a temporary folder; a draft and small pictures."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from coproduce.accounts.models import User
from coproduce.easyread.choices import Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import add_row, create_document


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def image_bytes(kind: str = "PNG", size: tuple[int, int] = (8, 8)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, format=kind)
    return buffer.getvalue()


def png_upload(name: str = "photo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, image_bytes("PNG"), content_type="image/png")


@pytest.fixture
def draft(amina: User) -> EasyReadDocument:
    """A draft with two rows: a calendar pictogram, then a bus pictogram."""
    document = create_document(EasyReadDocument(title="Going to a workshop"), by=amina)
    add_row(
        EasyReadRow(
            document=document, text="The workshop is on Monday.", pictogram=Pictogram.CALENDAR, alt_text="A calendar"
        ),
        by=amina,
    )
    add_row(
        EasyReadRow(document=document, text="We pay for your bus.", pictogram=Pictogram.BUS, alt_text="A bus"),
        by=amina,
    )
    return document
