"""A workbook of statistics laid out as the Government Analysis Function asks ("Releasing statistics
in spreadsheets"): a cover sheet, a contents sheet, a notes sheet, then one table a sheet.

Every sheet has its title in cell A1 and the words about it just below, with no blank rows. Each table
has one header row and is a defined Excel table (so screen readers announce its headings, and it can
be sorted, filtered and summed). Counts are stored as whole numbers and shares as numbers shown as
percentages; a figure that is not given is a shorthand such as "[c]", explained on the notes sheet.
No cell is merged, and every column has a set width.

Text cells are neutralised against formula injection (a project's title is typed by people); numbers
are never touched.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

import openpyxl
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from coproduce.people.spreadsheets import neutralise

COUNT_FORMAT = "#,##0"
SHARE_FORMAT = "0%"
NARROWEST, WIDEST = 12, 70
COVER_WIDTH = 100
TITLE_FONT = Font(bold=True, size=14)
HEADING_FONT = Font(bold=True, size=12)


@dataclass(frozen=True)
class Share:
    """A proportion (0.5 is half), stored as a number and shown as a percentage."""

    value: float


Value = str | int | Share


@dataclass(frozen=True)
class Note:
    marker: str  # "[c]", "[note 1]"
    text: str


@dataclass(frozen=True)
class DataTable:
    sheet: str  # the sheet's name: short, no spaces ("Table_1")
    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[Value, ...]]
    notes: tuple[str, ...] = ()  # the markers of the notes that apply to this table


@dataclass(frozen=True)
class Cover:
    title: str
    sections: list[tuple[str, str]]  # (heading, words), in order


def write_workbook(cover: Cover, notes: Sequence[Note], tables: Sequence[DataTable]) -> bytes:
    """The workbook as the bytes of an Excel (.xlsx) file: cover, contents, notes, then the tables."""
    workbook = openpyxl.Workbook()
    _cover(workbook.active, cover)
    contents = workbook.create_sheet("Contents")
    notes_sheet = workbook.create_sheet("Notes")
    _table_sheet(
        notes_sheet,
        DataTable(
            sheet="Notes",
            title="Notes",
            headers=("Note number", "Note text"),
            rows=[(note.marker, note.text) for note in notes],
        ),
        about="This worksheet contains one table. It explains the shorthand and notes used in the tables.",
        name="notes_table",
    )
    for index, table in enumerate(tables, start=1):
        _table_sheet(workbook.create_sheet(table.sheet), table, about=_about(table), name=f"table_{index}")
    _contents(contents, [(notes_sheet.title, "Notes"), *((table.sheet, table.title) for table in tables)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _about(table: DataTable) -> str:
    if not table.notes:
        return "This worksheet contains one table. No notes apply to it."
    return (
        f"This worksheet contains one table. Notes that apply: {', '.join(table.notes)}. "
        "The notes are in the Notes worksheet."
    )


def _cover(sheet: Worksheet, cover: Cover) -> None:
    sheet.title = "Cover"
    sheet["A1"] = _text(cover.title)
    sheet["A1"].font = TITLE_FONT
    row = 2
    for heading, words in cover.sections:
        sheet.cell(row=row, column=1, value=_text(heading)).font = HEADING_FONT
        sheet.cell(row=row + 1, column=1, value=_text(words)).alignment = Alignment(wrap_text=True, vertical="top")
        row += 2
    sheet.column_dimensions["A"].width = COVER_WIDTH


def _contents(sheet: Worksheet, entries: list[tuple[str, str]]) -> None:
    table = DataTable(
        sheet="Contents",
        title="Contents",
        headers=("Worksheet name", "Worksheet title"),
        rows=list(entries),
    )
    first = _table_sheet(
        sheet,
        table,
        about="This worksheet contains one table. Choose a worksheet name to go to that worksheet.",
        name="contents_table",
    )
    for offset, (name, _title) in enumerate(entries):
        cell = sheet.cell(row=first + offset, column=1)
        cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{name}'!A1", display=name)
        cell.style = "Hyperlink"


def _table_sheet(sheet: Worksheet, table: DataTable, *, about: str, name: str) -> int:
    """Write ``table`` with its title in A1 and ``about`` in A2; return the row of its first data line."""
    sheet["A1"] = _text(table.title)
    sheet["A1"].font = TITLE_FONT
    sheet["A2"] = _text(about)
    header_row = 3
    for column, header in enumerate(table.headers, start=1):
        sheet.cell(row=header_row, column=column, value=_text(header))
    for offset, values in enumerate(table.rows, start=1):
        for column, value in enumerate(values, start=1):
            _put(sheet, header_row + offset, column, value)
    last = get_column_letter(len(table.headers))
    defined = Table(displayName=name, ref=f"A{header_row}:{last}{header_row + len(table.rows)}")
    defined.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
    sheet.add_table(defined)
    for column, header in enumerate(table.headers):
        longest = max([len(header), *(len(_shown(row[column])) for row in table.rows)])
        sheet.column_dimensions[get_column_letter(column + 1)].width = min(max(longest + 2, NARROWEST), WIDEST)
    return header_row + 1


def _put(sheet: Worksheet, row: int, column: int, value: Value) -> None:
    if isinstance(value, Share):
        sheet.cell(row=row, column=column, value=value.value).number_format = SHARE_FORMAT
    elif isinstance(value, int):
        sheet.cell(row=row, column=column, value=value).number_format = COUNT_FORMAT
    else:
        sheet.cell(row=row, column=column, value=_text(value))


def _shown(value: Value) -> str:
    if isinstance(value, Share):
        return f"{value.value:.0%}"
    return f"{value:,}" if isinstance(value, int) else value


def _text(value: str) -> str:
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
