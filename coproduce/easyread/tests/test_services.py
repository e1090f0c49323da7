"""Writing Easy Read documents: adding, moving and deleting rows, publishing, and the warnings."""

import pytest

from coproduce.audit.models import AuditEvent
from coproduce.easyread.choices import DocumentStatus, Pictogram
from coproduce.easyread.models import EasyReadDocument, EasyReadRow
from coproduce.easyread.services import (
    EasyReadRefused,
    add_row,
    create_document,
    delete_row,
    move_row,
    publish_document,
    update_row,
    warnings_for,
)

pytestmark = pytest.mark.django_db


def texts(document: EasyReadDocument) -> list[str]:
    return list(document.rows.order_by("position").values_list("text", flat=True))


def test_rows_are_added_at_the_end(draft, amina):
    row = add_row(EasyReadRow(document=draft, text="Come along."), by=amina)
    assert row.position == 3
    assert texts(draft)[-1] == "Come along."


def test_a_picture_without_alt_text_is_refused_and_nothing_is_written(draft, amina):
    with pytest.raises(EasyReadRefused) as refused:
        add_row(EasyReadRow(document=draft, text="Ring us.", pictogram=Pictogram.PHONE, alt_text="  "), by=amina)
    assert refused.value.errors == {"alt_text": "Describe the picture for people who cannot see it"}
    assert draft.rows.count() == 2


def test_moving_a_row_up_and_down_swaps_it_with_its_neighbour(draft, amina):
    second = draft.rows.get(position=2)
    move_row(second, up=True, by=amina)
    assert texts(draft) == ["We pay for your bus.", "The workshop is on Monday."]
    move_row(draft.rows.get(text="We pay for your bus."), up=False, by=amina)
    assert texts(draft) == ["The workshop is on Monday.", "We pay for your bus."]


def test_moving_the_first_row_up_changes_nothing(draft, amina):
    move_row(draft.rows.get(position=1), up=True, by=amina)
    assert texts(draft) == ["The workshop is on Monday.", "We pay for your bus."]


def test_deleting_a_row_keeps_the_others_in_order(draft, amina):
    add_row(EasyReadRow(document=draft, text="Come along."), by=amina)
    delete_row(draft.rows.get(position=2), by=amina)
    assert texts(draft) == ["The workshop is on Monday.", "Come along."]


def test_publishing_records_who_when_and_an_audit_event(draft, amina):
    publish_document(draft, by=amina)
    draft.refresh_from_db()
    assert draft.status == DocumentStatus.PUBLISHED
    assert draft.published_by == amina
    assert draft.published_at is not None
    event = AuditEvent.objects.get(action="easyread.document_published")
    assert event.payload == {"title": "Going to a workshop", "rows": 2}


def test_a_picture_whose_alt_text_is_only_spaces_blocks_publishing(draft, amina):
    # The database refuses empty alt text; the service also refuses alt text that says nothing.
    EasyReadRow.objects.filter(document=draft, position=2).update(alt_text="   ")
    with pytest.raises(EasyReadRefused) as refused:
        publish_document(draft, by=amina)
    assert "row 2 has no alt text" in refused.value.errors["__all__"]
    draft.refresh_from_db()
    assert draft.status == DocumentStatus.DRAFT
    assert not AuditEvent.objects.filter(action="easyread.document_published").exists()


def test_an_empty_document_cannot_be_published(amina):
    document = create_document(EasyReadDocument(title="Empty"), by=amina)
    with pytest.raises(EasyReadRefused):
        publish_document(document, by=amina)


def test_a_published_document_can_be_put_right_and_readers_see_when(draft, amina):
    publish_document(draft, by=amina)
    draft.refresh_from_db()
    assert draft.changed_at is None
    row = draft.rows.get(position=1)
    row.text = "Changed."
    update_row(row, by=amina)
    add_row(EasyReadRow(document=draft, text="More."), by=amina)
    move_row(draft.rows.get(position=3), up=True, by=amina)

    draft.refresh_from_db()
    assert draft.is_published
    assert draft.changed_at is not None
    assert texts(draft)[0] == "Changed."
    assert texts(draft)[1] == "More."
    changes = AuditEvent.objects.filter(action="easyread.published_document_changed", target_id=str(draft.pk))
    assert sorted(changes.values_list("payload__change", flat=True)) == ["row added", "row changed", "row moved"]


def test_a_published_document_still_needs_every_picture_described(draft, amina):
    publish_document(draft, by=amina)
    row = draft.rows.get(position=1)
    row.pictogram, row.alt_text = Pictogram.PHONE, ""
    with pytest.raises(EasyReadRefused) as refused:
        update_row(row, by=amina)
    assert "alt_text" in refused.value.errors
    assert not EasyReadRow.objects.filter(document=draft, pictogram=Pictogram.PHONE, alt_text="").exists()


def test_the_last_row_of_a_published_document_cannot_be_deleted(draft, amina):
    publish_document(draft, by=amina)
    delete_row(draft.rows.get(position=1), by=amina)
    with pytest.raises(EasyReadRefused):
        delete_row(draft.rows.get(), by=amina)
    assert draft.rows.count() == 1


def test_a_document_is_published_once(draft, amina):
    publish_document(draft, by=amina)
    with pytest.raises(EasyReadRefused):
        publish_document(draft, by=amina)
    assert AuditEvent.objects.filter(action="easyread.document_published").count() == 1


def test_warnings_name_each_long_sentence_and_its_row(draft, amina):
    long = "This sentence is far too long for Easy Read because it has many more than fifteen words in it."
    add_row(EasyReadRow(document=draft, text=f"Short one. {long}"), by=amina)
    warnings = warnings_for(draft.rows.order_by("position"))
    assert [(item.row_number, item.sentence) for item in warnings.long_sentences] == [(3, long)]
    assert not warnings.too_long


def test_a_sentence_of_exactly_the_limit_is_fine(settings, draft, amina):
    settings.COPRODUCE_EASY_READ_MAX_SENTENCE_WORDS = 4
    rows = [EasyReadRow(text="One two three four."), EasyReadRow(text="One two three four five.")]
    assert [item.row_number for item in warnings_for(rows).long_sentences] == [2]


def test_documents_over_the_page_limit_get_a_warning_counting_five_rows_a_page():
    rows = [EasyReadRow(text="Hi.") for _ in range(101)]
    warnings = warnings_for(rows)
    assert warnings.estimated_pages == 21
    assert warnings.too_long
    assert not warnings_for(rows[:100]).too_long
