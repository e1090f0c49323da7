"""An iCalendar (RFC 5545) file for an activity, so people can add it to their own calendar.

Written by hand: the format is small, and no calendar library is installed. Lines end in CRLF and
are folded at 75 octets; text values escape backslashes, semicolons, commas and line breaks.
"""

from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.conf import settings

from coproduce.involvement.models import Activity

LINE_LIMIT = 75  # octets, not counting the CRLF (RFC 5545, 3.1)


def escape_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Split a content line into lines of at most 75 octets, each continuation starting with a space.

    Never splits a character: a multi-byte UTF-8 character moves whole to the next line.
    """
    lines: list[str] = []
    current, size = "", 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > LINE_LIMIT:
            lines.append(current)
            current, size = " ", 1
        current += character
        size += width
    lines.append(current)
    return "\r\n".join(lines)


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def location(activity: Activity) -> str:
    if activity.has_venue and activity.venue:
        return activity.venue
    return activity.get_format_display()


def description(activity: Activity, url: str) -> str:
    parts = [activity.description.strip()]
    if activity.has_venue and activity.venue_access.strip():
        parts.append(f"Access at the venue: {activity.venue_access.strip()}")
    parts.append(f"More about this activity: {url}")
    return "\n\n".join(parts)


def calendar_file(activity: Activity, *, url: str, now: datetime) -> str:
    """The text of a .ics file with one event for ``activity``; ``url`` is its page on this site."""
    host = urlsplit(settings.SITE_URL).hostname or "coproduce"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Coproduce//Get involved//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:activity-{activity.pk}@{host}",
        f"DTSTAMP:{utc(now)}",
        f"DTSTART:{utc(activity.starts_at)}",
        f"DTEND:{utc(activity.ends_at)}",
        f"SUMMARY:{escape_text(activity.title)}",
        f"LOCATION:{escape_text(location(activity))}",
        f"DESCRIPTION:{escape_text(description(activity, url))}",
        f"URL:{url}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)
