"""The report as open data, every count of people already through disclosure control.

No names and no free text from people: only the measures, as the Government Analysis Function asks
("Releasing statistics in spreadsheets").

- The Excel file (see ``workbook``) has a cover sheet, a contents sheet, a notes sheet and one table a
  sheet, counts stored as numbers and shares as numbers shown as percentages.
- The CSV is for machines: one header row, one row a figure, and a "Notes" column that says in words
  what a row's shorthand ("[c]", "[z]") or total means, so the file explains itself on its own.
"""

import re
from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.utils import timezone

from coproduce.analytics.disclosure import NOTE, SUPPRESSED, Mode
from coproduce.people.spreadsheets import write_csv
from coproduce.reports.queries import Report, mode
from coproduce.reports.workbook import Cover, DataTable, Note, Share, Value, write_workbook

HEADERS = ("Period start", "Period end", "Project", "GRIPP2 section", "Measure", "Category", "Value", "Notes")

NOT_APPLICABLE = "[z]"
TOTAL = "[note 1]"
SHARES = "[note 2]"
ROUNDED = "[note 3]"
NOTE_TEXTS = {
    SUPPRESSED: NOTE,
    NOT_APPLICABLE: "[z] means not applicable: there was nothing to take a share of (no decisions, say).",
    TOTAL: "A total counts everything, including figures hidden as [c], so it can be more than the figures shown.",
    SHARES: "Shares are stored as numbers between 0 and 1 and shown as percentages, so a spreadsheet can use them.",
    ROUNDED: "Counts of people are rounded to the nearest 5, so that no one can be recognised.",
}
_COUNT = re.compile(r"^\d+$")
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)\s*%$")
# The tables and CSV measures whose counts are of people (rounded in NHS Digital mode), and the CSV
# measures whose "Total" row adds up a breakdown.
ABOUT_PEOPLE = ("People involved by kind", "Contributions by answer", "Survey answers")
PEOPLE = (
    "People involved by kind",
    "Contributions by answer",
    "Survey: people who answered",
)
BREAKDOWNS = ("Activities by kind", "People involved by kind", "Contributions by answer")
# What the report says where a share has nothing to be taken from.
_NOTHING_TO_SHARE = ("No decisions",)


def value(published: str | int) -> Value:
    """A published figure as the workbook stores it: a count as a number, a share as a ``Share``,
    and anything hidden or not applicable as its shorthand."""
    if isinstance(published, int):
        return published
    text = published.strip()
    if _COUNT.match(text):
        return int(text)
    if match := _PERCENT.match(text):
        return Share(round(float(match.group(1)) / 100, 6))
    if text in _NOTHING_TO_SHARE:
        return NOT_APPLICABLE
    return text


def tables(report: Report) -> list[DataTable]:
    """The report's figures as tables, numbered in order; a table with no rows is left out."""
    total = ("Total",)
    drafts: list[tuple[str, tuple[str, ...], Sequence[tuple[Value, ...]]]] = [
        (
            "Activities by kind",
            ("Kind of activity", "Activities"),
            [(row.label, value(row.value)) for row in report.activities_by_kind] + [(*total, report.activities_total)],
        ),
        (
            "Activities by planned rung of the ladder of co-production",
            ("Planned rung", "Activities"),
            [(row.label, value(row.value)) for row in report.rungs],
        ),
        (
            "People involved by kind",
            ("Kind of person", "People"),
            [(row.label, value(row.value)) for row in report.people_by_kind.rows]
            + [(*total, value(report.people_by_kind.total))],
        ),
        (
            "Contributions by answer",
            ("Answer", "Contributions"),
            [(row.label, value(row.value)) for row in report.contributions_by_outcome.rows]
            + [(*total, value(report.contributions_by_outcome.total))],
        ),
        (
            "Survey answers",
            ("Statement", "People who answered", "Share agreeing"),
            [(line.wording, value(line.answered), value(line.agreeing)) for line in report.surveys],
        ),
        (
            "Claims and decisions",
            ("Measure", "Number"),
            [
                ("Claims that should be paid by now", value(report.claims_due)),
                ("Decisions published: made jointly", value(report.decisions_joint)),
                ("Decisions published: made by staff only", value(report.decisions_staff_only)),
            ],
        ),
        (
            "Shares",
            ("Measure", "Share"),
            [
                ("Contributions answered in time", value(report.answered_in_time)),
                ("Claims paid in time", value(report.claims_paid_in_time)),
                ("Decided contributions adopted or partly adopted", value(report.changed_things)),
                ("Decisions made jointly", value(report.decisions_joint_share)),
            ],
        ),
    ]
    made: list[DataTable] = []
    for title, headers, rows in drafts:
        if not rows:
            continue
        about_people = title in ABOUT_PEOPLE
        number = len(made) + 1
        made.append(
            DataTable(
                sheet=f"Table_{number}",
                title=f"Table {number}: {title}, {report.period.label}",
                headers=headers,
                rows=rows,
                notes=_markers(rows, about_people=about_people),
            )
        )
    return made


def _markers(rows: Sequence[tuple[Value, ...]], *, about_people: bool) -> tuple[str, ...]:
    cells = [cell for row in rows for cell in row]
    found = [marker for marker in (SUPPRESSED, NOT_APPLICABLE) if marker in cells]
    if any(row[0] == "Total" for row in rows):
        found.append(TOTAL)
    if any(isinstance(cell, Share) for cell in cells):
        found.append(SHARES)
    if about_people and mode() == Mode.NHS_DIGITAL:
        found.append(ROUNDED)
    return tuple(found)


def notes() -> list[Note]:
    markers = [SUPPRESSED, NOT_APPLICABLE, TOTAL, SHARES] + ([ROUNDED] if mode() == Mode.NHS_DIGITAL else [])
    return [Note(marker, NOTE_TEXTS[marker]) for marker in markers]


def cover(report: Report, published: date) -> Cover:
    organisation = settings.COPRODUCE_ORGANISATION_NAME
    contact = [
        f"Email: {settings.COPRODUCE_ORGANISATION_EMAIL}" if settings.COPRODUCE_ORGANISATION_EMAIL else "",
        f"Phone: {settings.COPRODUCE_ORGANISATION_PHONE}" if settings.COPRODUCE_ORGANISATION_PHONE else "",
    ]
    sections = [
        (
            "About these data",
            f"The figures of the {report.title[0].lower()}{report.title[1:]}: "
            "activities, the people involved, what they said and what changed, arranged by the sections of "
            "GRIPP2 (the Guidance for Reporting Involvement of Patients and the Public). Every count of people "
            "has been through disclosure control. The file holds no names and nothing people wrote.",
        ),
        ("Period covered", report.period.label),
        ("Organisation", organisation),
        ("Published", f"{published.day} {published:%B %Y}"),
    ]
    if any(contact):
        sections.append(("Contact", f"{organisation}. " + ". ".join(line for line in contact if line) + "."))
    sections.append(
        (
            "Notes and tables",
            "Shorthand such as [c] and the notes are explained in the Notes worksheet. "
            "The Contents worksheet lists the tables, with a link to each.",
        )
    )
    return Cover(title=f"{report.title}, {report.period.label}", sections=sections)


def report_xlsx(report: Report) -> bytes:
    return write_workbook(cover(report, timezone.localdate()), notes(), tables(report))


def rows(report: Report) -> list[tuple[str, ...]]:
    start, end = report.period.start.isoformat(), report.period.end.isoformat()
    project = report.project.title if report.project is not None else "Whole organisation"

    def row(section: str, measure: str, category: str, figure: str) -> tuple[str, ...]:
        shown = NOT_APPLICABLE if value(figure) == NOT_APPLICABLE else figure
        notes = _csv_notes(shown, total=category == "Total" and measure in BREAKDOWNS, about_people=measure in PEOPLE)
        return (start, end, project, section, measure, category, shown, notes)

    lines = [row("2 Methods", "Activities by kind", item.label, item.value) for item in report.activities_by_kind]
    lines.append(row("2 Methods", "Activities by kind", "Total", str(report.activities_total)))
    lines += [row("2 Methods", "Activities by planned ladder rung", item.label, item.value) for item in report.rungs]
    lines += [
        row("2 Methods", "People involved by kind", item.label, item.value) for item in report.people_by_kind.rows
    ]
    lines.append(row("2 Methods", "People involved by kind", "Total", report.people_by_kind.total))
    lines += [
        row("3 Results", "Contributions by answer", item.label, item.value)
        for item in report.contributions_by_outcome.rows
    ]
    lines.append(row("3 Results", "Contributions by answer", "Total", report.contributions_by_outcome.total))
    lines.append(row("3 Results", "Contributions answered in time", "Share", report.answered_in_time))
    lines += [row("3 Results", "Survey: agreeing", line.wording, line.agreeing) for line in report.surveys] + [
        row("3 Results", "Survey: people who answered", line.wording, line.answered) for line in report.surveys
    ]
    lines.append(row("3 Results", "Claims that should be paid by now", "Total", report.claims_due))
    lines.append(row("3 Results", "Claims paid in time", "Share", report.claims_paid_in_time))
    lines.append(row("4 Influence", "Decided contributions adopted or partly adopted", "Share", report.changed_things))
    lines.append(row("4 Influence", "Decisions published", "Made jointly", report.decisions_joint))
    lines.append(row("4 Influence", "Decisions published", "Made by staff only", report.decisions_staff_only))
    lines.append(row("4 Influence", "Decisions made jointly", "Share", report.decisions_joint_share))
    return lines


def _csv_notes(figure: str, *, total: bool, about_people: bool) -> str:
    """The notes that apply to one CSV row, in words."""
    markers = [marker for marker in (SUPPRESSED, NOT_APPLICABLE) if figure == marker]
    if total:
        markers.append(TOTAL)
    if about_people and mode() == Mode.NHS_DIGITAL and isinstance(value(figure), int):
        markers.append(ROUNDED)
    return " ".join(NOTE_TEXTS[marker] for marker in markers)


def report_csv(report: Report) -> bytes:
    return write_csv(HEADERS, rows(report))
