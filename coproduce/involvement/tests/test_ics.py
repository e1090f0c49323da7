"""The iCalendar file for an activity (RFC 5545)."""

from datetime import UTC, datetime

import pytest

from coproduce.involvement.choices import ActivityFormat
from coproduce.involvement.ics import calendar_file, escape_text, fold
from coproduce.involvement.tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def test_escape_text_escapes_backslashes_separators_and_line_breaks() -> None:
    assert escape_text("Tea, cake; and \\ more\r\nNext line\rLast") == (
        "Tea\\, cake\\; and \\\\ more\\nNext line\\nLast"
    )


def test_fold_keeps_short_lines_whole() -> None:
    assert fold("SUMMARY:Workshop") == "SUMMARY:Workshop"


def test_fold_splits_long_lines_at_75_octets_with_a_leading_space() -> None:
    line = "DESCRIPTION:" + "a" * 150

    folded = fold(line)

    parts = folded.split("\r\n")
    assert [len(part.encode()) for part in parts] == [75, 75, 14]
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if index else part for index, part in enumerate(parts)) == line


def test_fold_never_splits_a_character_of_several_bytes() -> None:
    line = "SUMMARY:" + "é" * 60

    parts = fold(line).split("\r\n")

    assert all(len(part.encode()) <= 75 for part in parts)
    assert "".join(part[1:] if index else part for index, part in enumerate(parts)) == line


def test_calendar_file_has_the_event_in_utc_with_crlf_line_ends() -> None:
    # 10am London time in summer is 9am UTC.
    activity = ActivityFactory.create(
        title="Bus stops, and ramps; a workshop",
        starts_at=datetime(2027, 6, 1, 9, 0, tzinfo=UTC),
        ends_at=datetime(2027, 6, 1, 11, 30, tzinfo=UTC),
    )

    text = calendar_file(activity, url=f"http://testserver/get-involved/{activity.pk}/", now=NOW)

    lines = text.split("\r\n")
    assert lines[:7] == [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Coproduce//Get involved//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:activity-{activity.pk}@testserver",
    ]
    assert "DTSTAMP:20261126T093000Z" in lines
    assert "DTSTART:20270601T090000Z" in lines
    assert "DTEND:20270601T113000Z" in lines
    assert "SUMMARY:Bus stops\\, and ramps\\; a workshop" in lines
    assert "LOCATION:Riverside Community Centre\\, 1 Mill Lane" in lines
    assert lines[-3:] == ["END:VEVENT", "END:VCALENDAR", ""]
    assert "\n" not in text.replace("\r\n", "")


def test_calendar_file_describes_the_activity_and_its_access_and_links_to_it() -> None:
    activity = ActivityFactory.create(description="We plan the stops.")
    url = f"http://testserver/get-involved/{activity.pk}/"

    text = calendar_file(activity, url=url, now=NOW)

    unfolded = text.replace("\r\n ", "")
    assert (
        "DESCRIPTION:We plan the stops.\\n\\nAccess at the venue: Step-free entrance. Hearing loop in the main "
        f"hall.\\n\\nMore about this activity: {url}\r\n"
    ) in unfolded
    assert f"URL:{url}\r\n" in unfolded


def test_calendar_file_gives_the_format_as_the_location_of_an_online_activity() -> None:
    activity = ActivityFactory.create(format=ActivityFormat.ONLINE, venue="Zoom")

    text = calendar_file(activity, url="http://testserver/", now=NOW)

    assert "LOCATION:Online\r\n" in text
    assert "Access at the venue" not in text
