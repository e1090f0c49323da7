"""The GOV.UK date input, times as people write them, pictures and the honeypot."""

from datetime import date, datetime, time
from io import BytesIO

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils import timezone
from django.utils.datastructures import MultiValueDict
from PIL import Image

from coproduce.involvement.fields import (
    GovUKDateField,
    GovUKDateTimeField,
    HoneypotField,
    PictureField,
    format_time,
    parse_time,
)
from coproduce.involvement.models import Activity
from coproduce.involvement.templatetags.involvement import plain_time, when


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10:30am", time(10, 30)),
        ("10.30 am", time(10, 30)),
        ("2pm", time(14, 0)),
        ("2:15 P.M.", time(14, 15)),
        ("12pm", time(12, 0)),
        ("12am", time(0, 0)),
        ("14:00", time(14, 0)),
        ("9", time(9, 0)),
    ],
)
def test_parse_time_reads_times_as_people_write_them(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "noonish", "25:00", "13pm", "10:75", "0am"])
def test_parse_time_refuses_what_is_not_a_time(text: str) -> None:
    assert parse_time(text) is None


@pytest.mark.parametrize(
    ("value", "expected"), [(time(10, 0), "10am"), (time(14, 30), "2:30pm"), (time(0, 5), "12:05am")]
)
def test_format_time_writes_times_the_uk_way(value: time, expected: str) -> None:
    assert format_time(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(datetime(2027, 3, 27, 12, 0), "midday"), (datetime(2027, 3, 27, 0, 0), "midnight"), (None, "")],
)
def test_plain_time_names_midday_and_midnight(value: datetime | None, expected: str) -> None:
    moment = timezone.make_aware(value) if value is not None else None

    assert plain_time(moment) == expected


def test_when_says_the_day_once_or_both_days_for_an_activity_over_more_than_one() -> None:
    at = lambda *parts: timezone.make_aware(datetime(*parts))  # noqa: E731

    one_day = Activity(starts_at=at(2027, 3, 2, 10, 0), ends_at=at(2027, 3, 2, 12, 0))
    two_days = Activity(starts_at=at(2027, 3, 2, 14, 30), ends_at=at(2027, 3, 3, 0, 0))

    assert when(one_day) == "Tuesday 2 March 2027, 10am to midday"
    assert when(two_days) == "From Tuesday 2 March 2027, 2:30pm, to Wednesday 3 March 2027, midnight"


class DatesForm(forms.Form):
    on = GovUKDateField(label="Day", required=False)
    at = GovUKDateTimeField(label="Start", error_messages={"required": "Enter when it starts"})


def test_date_fields_read_the_day_month_year_and_time_boxes() -> None:
    form = DatesForm(
        {
            "on_day": "27",
            "on_month": "3",
            "on_year": "2027",
            "at_day": "1",
            "at_month": "6",
            "at_year": "2027",
            "at_time": "10:30am",
        }
    )

    assert form.is_valid()
    assert form.cleaned_data["on"] == date(2027, 3, 27)
    assert form.cleaned_data["at"] == timezone.make_aware(datetime(2027, 6, 1, 10, 30))


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Enter when it starts"),
        (
            {"at_day": "31", "at_month": "2", "at_year": "2027", "at_time": "10am"},
            "Enter a real date, for example 27 3 2027",
        ),
        (
            {"at_day": "1", "at_month": "6", "at_year": "27", "at_time": "10am"},
            "Enter a real date, for example 27 3 2027",
        ),
        (
            {"at_day": "x", "at_month": "6", "at_year": "2027", "at_time": "10am"},
            "Enter a real date, for example 27 3 2027",
        ),
        (
            {"at_day": "1", "at_month": "6", "at_year": "2027", "at_time": ""},
            "Enter a time, for example 10:30am or 2pm",
        ),
    ],
)
def test_date_time_field_explains_what_is_wrong(data: dict[str, str], error: str) -> None:
    form = DatesForm(data)

    assert not form.is_valid()
    assert form.errors["at"] == [error]


def test_date_field_renders_a_govuk_date_input_whose_first_box_has_the_field_id() -> None:
    form = DatesForm(initial={"at": timezone.make_aware(datetime(2027, 6, 1, 14, 30))})

    html = str(form["at"].as_field_group())

    assert '<fieldset class="govuk-fieldset" role="group">' in html
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Start</legend>' in html
    assert '<label class="govuk-label govuk-date-input__label" for="id_at">Day</label>' in html
    assert 'id="id_at" name="at_day" type="text" value="1" inputmode="numeric"' in html
    assert 'id="id_at_month" name="at_month" type="text" value="6" inputmode="numeric"' in html
    assert 'id="id_at_year" name="at_year" type="text" value="2027" inputmode="numeric"' in html
    assert 'id="id_at_time" name="at_time" type="text" value="2:30pm">' in html


def test_date_field_marks_every_box_when_there_is_an_error() -> None:
    form = DatesForm({"at_day": "31", "at_month": "2", "at_year": "2027", "at_time": "10am"})
    form.is_valid()

    html = str(form["at"].as_field_group())

    assert html.count("govuk-input--error") == 4
    assert 'aria-describedby="id_at-error"' in html
    assert "Enter a real date, for example 27 3 2027" in html


def picture(kind: str = "PNG", size: tuple[int, int] = (4, 4)) -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", size, "teal").save(buffer, kind)
    return SimpleUploadedFile(f"bus.{kind.lower()}", buffer.getvalue(), content_type=f"image/{kind.lower()}")


def files(upload: SimpleUploadedFile) -> MultiValueDict[str, UploadedFile]:
    return MultiValueDict({"image": [upload]})


class PictureForm(forms.Form):
    image = PictureField(label="Picture", required=False)


def test_picture_field_accepts_a_png() -> None:
    form = PictureForm({}, files(picture()))

    assert form.is_valid()


def test_picture_field_refuses_a_file_that_is_not_a_picture() -> None:
    form = PictureForm({}, files(SimpleUploadedFile("notes.png", b"not a picture", content_type="image/png")))

    assert not form.is_valid()
    assert form.errors["image"] == ["The picture must be a PNG, JPEG, GIF or WebP file"]


def test_picture_field_refuses_other_picture_formats() -> None:
    form = PictureForm({}, files(picture("BMP")))

    assert not form.is_valid()
    assert form.errors["image"] == ["The picture must be a PNG, JPEG, GIF or WebP file"]


def test_picture_field_refuses_a_picture_over_5_mb(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PictureField, "MAX_BYTES", 10)
    form = PictureForm({}, files(picture()))

    assert not form.is_valid()
    assert form.errors["image"] == ["The picture must be smaller than 5 MB"]


def test_picture_field_renders_a_govuk_file_upload() -> None:
    html = str(PictureForm()["image"].as_field_group())

    assert (
        '<input class="govuk-file-upload" id="id_image" name="image" type="file" '
        'accept="image/png,image/jpeg,image/gif,image/webp">'
    ) in html


class HoneypotForm(forms.Form):
    website = HoneypotField()


def test_honeypot_is_hidden_from_everyone_out_of_the_tab_order_and_labelled() -> None:
    html = str(HoneypotForm()["website"].as_field_group())

    assert html.strip().startswith('<div class="govuk-visually-hidden" aria-hidden="true">')
    assert '<label for="id_website">Leave this empty</label>' in html
    assert 'id="id_website" name="website" value="" autocomplete="off" tabindex="-1">' in html


def test_date_field_in_error_marks_every_box_invalid() -> None:
    form = DatesForm({"at_day": "x", "at_month": "6", "at_year": "2027", "at_time": "10am"})

    html = str(form["at"].as_field_group())

    assert html.count('aria-invalid="true"') == 4
    assert html.count("govuk-input--error") == 4
