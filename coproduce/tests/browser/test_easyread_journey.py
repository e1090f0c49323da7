"""Writing an Easy Read document by keyboard alone, with axe-core on every page reached.

Amina starts a document, adds a row with a pictogram and a row with an uploaded PNG, is refused when
the picture has no alt text, adds it, publishes, reads the public page and downloads the PDF.
"""

import io

import pytest
from django.test import override_settings
from PIL import Image
from playwright.sync_api import FilePayload, Locator, Page, expect

from coproduce.easyread.choices import DocumentStatus
from coproduce.easyread.models import EasyReadDocument
from coproduce.tests.browser.conftest import axe_violations
from coproduce.tests.browser.keyboard import heading, move_focus_to, press, type_into
from coproduce.tests.pdfs import pdf_is_tagged, pdf_text
from coproduce.tests.world import build_world

pytestmark = pytest.mark.django_db(transaction=True)


def png_file() -> FilePayload:
    return {"name": "stop.png", "mimeType": "image/png", "buffer": png_bytes()}


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "white").save(buffer, format="PNG")
    return buffer.getvalue()


def select(page: Page, field: Locator, option: str) -> None:
    """Tab to a drop-down list and type the start of an option to choose it, as keyboard users do."""
    move_focus_to(page, field)
    page.keyboard.type(option)
    expect(field.locator("option:checked")).to_have_text(option)


def save_row(page: Page) -> None:
    press(page, page.get_by_role("button", name="Save row"))


def test_coordinator_writes_publishes_and_downloads_an_easy_read_document(
    page: Page, sign_in_as, live_server, tmp_path
):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        journey(page, sign_in_as, tmp_path)


def journey(page: Page, sign_in_as, tmp_path) -> None:
    # The shared test machine can be slow: allow more than the usual 10 seconds a step.
    page.set_default_timeout(60_000)
    page.set_default_navigation_timeout(60_000)
    world = build_world()
    sign_in_as(world.users["amina"])

    page.goto("/easy-read/write/")
    expect(heading(page)).to_have_text("Easy Read documents")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Start an Easy Read document"))
    expect(heading(page)).to_have_text("Start an Easy Read document")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Title"), "Our bus stop survey")
    press(page, page.get_by_role("button", name="Save and add rows"))
    expect(heading(page)).to_have_text("Our bus stop survey")
    assert axe_violations(page) == ""

    # Row 1: a pictogram, described.
    press(page, page.get_by_role("button", name="Add a row"))
    expect(heading(page)).to_have_text("Add a row")
    assert axe_violations(page) == ""
    type_into(page, page.get_by_label("Text"), "Tell us about your bus stop.")
    select(page, page.get_by_label("Pictogram (optional)"), "A bus")
    type_into(page, page.get_by_label("Describe the picture"), "A bus")
    save_row(page)
    expect(heading(page)).to_have_text("Our bus stop survey")

    # Row 2: an uploaded PNG, first without alt text: refused, with the message beside the field.
    press(page, page.get_by_role("button", name="Add a row"))
    type_into(page, page.get_by_label("Text"), "Send us a photo of it.")
    page.get_by_label("Upload a picture (optional)").set_input_files(files=png_file())
    save_row(page)
    expect(page).to_have_title("Error: Add a row: Our bus stop survey – Coproduce")
    expect(page.locator(".govuk-error-summary")).to_contain_text("Describe the picture for people who cannot see it")
    expect(page.locator("#alt_text-error, .govuk-error-message").first).to_contain_text("Describe the picture")
    assert axe_violations(page) == ""
    assert EasyReadDocument.objects.get().rows.count() == 1
    # A file input never keeps its file after a refusal: choose it again, and describe it.
    page.get_by_label("Upload a picture (optional)").set_input_files(files=png_file())
    type_into(page, page.get_by_label("Describe the picture"), "A photo of a bus stop with a bench")
    save_row(page)
    expect(heading(page)).to_have_text("Our bus stop survey")
    assert axe_violations(page) == ""
    expect(page.get_by_role("img", name="A photo of a bus stop with a bench")).to_be_visible()

    # Publish.
    press(page, page.get_by_role("button", name="Publish"))
    expect(heading(page)).to_have_text("Publish Our bus stop survey?")
    assert axe_violations(page) == ""
    press(page, page.get_by_role("button", name="Yes, publish it"))
    expect(heading(page)).to_have_text("Our bus stop survey")
    assert EasyReadDocument.objects.get().status == DocumentStatus.PUBLISHED
    assert axe_violations(page) == ""
    expect(page.get_by_role("img", name="A bus", exact=True)).to_be_visible()

    # The public page, signed out, and its PDF.
    page.context.clear_cookies()
    page.reload()
    expect(heading(page)).to_have_text("Our bus stop survey")
    assert axe_violations(page) == ""
    move_focus_to(page, page.get_by_role("link", name="Download this Easy Read document as a PDF"))
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = tmp_path / "easy-read.pdf"
    info.value.save_as(saved)
    pdf = saved.read_bytes()
    assert pdf_is_tagged(pdf)
    text = pdf_text(pdf)
    assert text.index("about your bus stop.") < text.index("Send us a photo of it.")
