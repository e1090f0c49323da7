"""The report's downloads as open data, laid out as the Government Analysis Function asks
("Releasing statistics in spreadsheets"): read back with openpyxl and the csv module."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from openpyxl.utils.cell import range_boundaries

from coproduce.analytics.disclosure import NOTE
from coproduce.reports.exports import value
from coproduce.reports.workbook import Cover, DataTable, Share, write_workbook


def download(client, fmt, project, period):
    url = reverse("reports:project_file", kwargs={"pk": project.pk, "fmt": fmt}) + f"?period={period.key}"
    return client.get(url).content


@pytest.fixture
def workbook(said, period, bus_stops, client_for, amina):
    return openpyxl.load_workbook(io.BytesIO(download(client_for(amina), "xlsx", bus_stops, period)))


@pytest.fixture
def csv_lines(said, period, bus_stops, client_for, amina):
    text = download(client_for(amina), "csv", bus_stops, period).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def table_sheets(workbook):
    return [sheet for sheet in workbook.worksheets if sheet.title.startswith("Table_")]


def data_rows(sheet):
    """The rows of the sheet's one defined table, under its header row."""
    (table,) = sheet.tables.values()
    first_column, first_row, last_column, last_row = range_boundaries(table.ref)
    return [
        [sheet.cell(row=row, column=column).value for column in range(first_column, last_column + 1)]
        for row in range(first_row + 1, last_row + 1)
    ]


def test_xlsx_opens_on_a_cover_then_contents_then_notes_then_one_table_a_sheet(workbook):
    assert workbook.sheetnames[:3] == ["Cover", "Contents", "Notes"]
    assert workbook.sheetnames[3:] == [f"Table_{number}" for number in range(1, len(workbook.sheetnames) - 2)]
    assert len(table_sheets(workbook)) >= 5


def test_xlsx_cover_says_what_when_who_and_where_the_notes_are(workbook, period):
    words = [cell.value for cell in workbook["Cover"]["A"] if cell.value]

    assert words[0] == f"Progress report for Step-free bus stops, {period.label}"
    for heading in ("About these data", "Period covered", "Organisation", "Published", "Contact", "Notes and tables"):
        assert heading in words
    assert words[words.index("Period covered") + 1] == period.label
    assert words[words.index("Organisation") + 1] == "Riverside Co-production Network"
    assert "hello@coproduce.invalid" in words[words.index("Contact") + 1]
    assert "Notes worksheet" in words[words.index("Notes and tables") + 1]


def test_xlsx_contents_links_to_every_table_sheet(workbook):
    contents = workbook["Contents"]
    rows = data_rows(contents)

    assert contents["A1"].value == "Contents"
    assert [row[0] for row in rows] == ["Notes", *(sheet.title for sheet in table_sheets(workbook))]
    assert [row[1] for row in rows[1:]] == [sheet["A1"].value for sheet in table_sheets(workbook)]
    for row in range(4, 4 + len(rows)):
        cell = contents.cell(row=row, column=1)
        assert cell.hyperlink.location == f"'{cell.value}'!A1"


def test_xlsx_notes_sheet_explains_c_in_the_words_the_pages_use(workbook):
    notes = {row[0]: row[1] for row in data_rows(workbook["Notes"])}

    assert workbook["Notes"]["A1"].value == "Notes"
    assert notes["[c]"] == NOTE
    assert "[z]" in notes
    assert "[note 1]" in notes


def test_xlsx_table_sheets_have_a1_titles_notes_below_and_a_defined_table_over_the_data(workbook, period):
    for sheet in table_sheets(workbook):
        (table,) = sheet.tables.values()
        first_column, first_row, last_column, last_row = range_boundaries(table.ref)

        assert sheet["A1"].value.startswith(f"Table {sheet.title.removeprefix('Table_')}: ")
        assert sheet["A1"].value.endswith(period.label)
        assert sheet["A2"].value.startswith("This worksheet contains one table.")
        assert (first_column, first_row) == (1, 3)
        assert last_row == sheet.max_row
        assert last_column == sheet.max_column
        assert all(sheet.cell(row=3, column=column).value for column in range(1, last_column + 1))
        assert all(any(cell is not None for cell in row) for row in data_rows(sheet))
        assert not sheet.merged_cells.ranges
        for column in "ABC"[:last_column]:
            assert sheet.column_dimensions[column].width >= 12


def test_xlsx_counts_are_numbers_and_hidden_counts_are_c_with_the_note_named(workbook):
    people = workbook["Table_3"]
    activities = workbook["Table_1"]

    assert people["A1"].value.startswith("Table 3: People involved by kind")
    assert "[c]" in people["A2"].value
    assert data_rows(people)[-1] == ["Total", "[c]"]
    assert activities["A1"].value.startswith("Table 1: Activities by kind")
    by_kind = dict(data_rows(activities))
    assert by_kind["Workshop"] == 1
    assert by_kind["Total"] == 1
    for _label, count in data_rows(activities):
        assert isinstance(count, int)
    for sheet in table_sheets(workbook):
        for row in data_rows(sheet):
            for cell in row[1:]:
                # A figure is a number, or a shorthand explained on the notes sheet: never "50%" or "3".
                assert isinstance(cell, int | float) or cell in ("[c]", "[z]"), (sheet.title, row)


def test_xlsx_share_with_no_decisions_is_z_not_words(workbook):
    shares = next(sheet for sheet in table_sheets(workbook) if ": Shares" in sheet["A1"].value)
    decisions = next(row for row in data_rows(shares) if row[0] == "Decisions made jointly")

    assert decisions[1] == "[z]"  # no decisions in the period: not applicable, not "No decisions"
    assert "[z]" in shares["A2"].value


def test_workbook_stores_counts_as_whole_numbers_and_shares_as_percentages():
    table = DataTable(
        sheet="Table_1",
        title="Table 1: Claims",
        headers=("Measure", "Number", "Share"),
        rows=[("Paid", 12, Share(0.5)), ("Unpaid", "[c]", "[c]")],
        notes=("[c]",),
    )
    data = write_workbook(Cover(title="Claims", sections=[("Period covered", "2026")]), [], [table])
    sheet = openpyxl.load_workbook(io.BytesIO(data))["Table_1"]

    assert sheet["A1"].value == "Table 1: Claims"
    assert (
        sheet["A2"].value
        == "This worksheet contains one table. Notes that apply: [c]. The notes are in the Notes worksheet."
    )
    assert [cell.value for cell in sheet[3]] == ["Measure", "Number", "Share"]
    assert (sheet["B4"].value, sheet["B4"].data_type, sheet["B4"].number_format) == (12, "n", "#,##0")
    assert (sheet["C4"].value, sheet["C4"].data_type, sheet["C4"].number_format) == (0.5, "n", "0%")
    assert (sheet["B5"].value, sheet["B5"].data_type) == ("[c]", "s")
    assert sheet.tables["table_1"].ref == "A3:C5"
    assert sheet.column_dimensions["A"].width == 12


def test_report_figures_become_numbers_shares_or_shorthand():
    assert value("12") == 12
    assert value(7) == 7
    assert value("50%") == Share(0.5)
    assert value("12.5 %") == Share(0.125)
    assert value("[c]") == "[c]"
    assert value("No decisions") == "[z]"


def test_csv_has_one_header_row_and_a_notes_column_that_says_what_c_means(csv_lines):
    headers, *rows = csv_lines
    by_measure = {(row[4], row[5]): row for row in rows}

    assert headers[-1] == "Notes"
    assert all(len(row) == len(headers) for row in rows)
    hidden_total = by_measure[("People involved by kind", "Total")]
    assert hidden_total[6] == "[c]"
    assert NOTE in hidden_total[7]
    assert "total counts everything" in hidden_total[7]
    assert by_measure[("Activities by kind", "Workshop")][6:] == ["1", ""]
    assert by_measure[("Decisions made jointly", "Share")][6] == "[z]"
    assert "[z] means not applicable" in by_measure[("Decisions made jointly", "Share")][7]
