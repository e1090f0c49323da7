"""Reading people from CSV and Excel files, and writing spreadsheets that are safe to open.

Reading turns every cell into a string, so later steps (the column mapping and the check) work the
same whatever the file was. Writing neutralises cells that a spreadsheet program would run as a
formula (OWASP "CSV injection"): a leading apostrophe makes the cell plain text.
"""

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import openpyxl
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_ROWS = 100_000
MAX_COLUMNS = 100

NOT_A_SPREADSHEET = "The selected file must be a CSV or Excel (.xlsx) file"
EMPTY_FILE = "The selected file is empty"
TOO_BIG = "The selected file must be smaller than 10 MB"
NOT_UTF8 = "The file is not saved as UTF-8. In Excel, choose 'Save as' and 'CSV UTF-8'"
CANNOT_OPEN = "The selected file cannot be opened. Save it again as an Excel (.xlsx) or CSV UTF-8 file"
NO_ROWS = "The selected file has headings but no people. Add a row for each person under the headings"
TOO_MANY_ROWS = f"The selected file must have {MAX_ROWS:,} rows or fewer. Split it into smaller files"
TOO_MANY_COLUMNS = f"The selected file must have {MAX_COLUMNS} columns or fewer"

# A cell starting with one of these may be run as a formula when the file is opened in a spreadsheet.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float | bool | datetime.date | datetime.time | datetime.timedelta | None


class SpreadsheetError(Exception):
    """The file cannot be read as a table of people. ``message`` says why, in plain words."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Table:
    """The first row of a spreadsheet (the headings) and the rows under it, every cell a string.

    Each row has exactly one cell per heading. Blank rows in the middle are kept, so that row ``i``
    of ``rows`` is row ``i + 2`` of the spreadsheet; blank rows at the end are dropped.
    """

    headers: list[str]
    rows: list[list[str]]


def column_letter(index: int) -> str:
    """The spreadsheet's name for the column at ``index`` (0 is "A")."""
    return get_column_letter(index + 1)


def read_table(name: str, data: bytes) -> Table:
    """Read a CSV (UTF-8, with or without a byte order mark) or Excel (.xlsx) file.

    Raises SpreadsheetError with a message for the person who chose the file.
    """
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ("csv", "xlsx"):
        raise SpreadsheetError(NOT_A_SPREADSHEET)
    if not data:
        raise SpreadsheetError(EMPTY_FILE)
    if len(data) > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(TOO_BIG)
    lines = _csv_lines(data) if extension == "csv" else _xlsx_lines(data)
    return _table(lines)


def _csv_lines(data: bytes) -> Iterator[Sequence[Cell]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Other encodings cannot be told apart reliably, and a wrong guess corrupts names silently.
        raise SpreadsheetError(NOT_UTF8) from None
    try:
        yield from csv.reader(io.StringIO(text, newline=""))
    except csv.Error:
        raise SpreadsheetError(CANNOT_OPEN) from None


def _xlsx_lines(data: bytes) -> Iterator[Sequence[Cell]]:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise SpreadsheetError(CANNOT_OPEN)
    try:
        # Formulas are read as written ("=HYPERLINK(...)"), not as their last value, so the check
        # can report them rather than import whatever they happened to show.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # any damaged file must get a clear message, not a server error
        raise SpreadsheetError(CANNOT_OPEN) from None
    try:
        sheet = workbook.worksheets[0]
        # The stated size of a sheet can be wrong (or huge); read only the rows that are there.
        sheet.reset_dimensions()
        yield from sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
    except Exception:  # as above
        raise SpreadsheetError(CANNOT_OPEN) from None
    finally:
        workbook.close()


def _cell_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return str(value)


def _table(lines: Iterable[Sequence[Cell]]) -> Table:
    iterator = iter(lines)
    headers: list[str] | None = None
    for line in iterator:
        cells = [_cell_text(value).strip() for value in line]
        if any(cells):
            headers = _trim(cells)
            break
    if headers is None:
        raise SpreadsheetError(EMPTY_FILE)
    if len(headers) > MAX_COLUMNS:
        raise SpreadsheetError(TOO_MANY_COLUMNS)
    width = len(headers)
    padding = [""] * width
    rows: list[list[str]] = []
    last_filled = 0
    for line in iterator:
        row = [_cell_text(value) for value in line[:width]]
        filled = any(cell.strip() for cell in row)
        if len(rows) >= MAX_ROWS:
            if filled:
                raise SpreadsheetError(TOO_MANY_ROWS)
            continue
        rows.append(row + padding[len(row) :])
        if filled:
            last_filled = len(rows)
    if last_filled == 0:
        raise SpreadsheetError(NO_ROWS)
    return Table(headers=headers, rows=rows[:last_filled])


def _trim(cells: list[str]) -> list[str]:
    """The cells without the empty ones at the end."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


# --- Writing -------------------------------------------------------------------


def neutralise(value: str) -> str:
    """The cell as plain text: a leading apostrophe stops a spreadsheet from running it as a formula."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


# A cell of a file we write: text, or an amount of money (already rounded to the penny).
WrittenCell = str | Decimal
MONEY_FORMAT = "#,##0.00"


def _csv_cell(value: WrittenCell) -> str:
    return format(value, "f") if isinstance(value, Decimal) else neutralise(value)


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[WrittenCell]]) -> bytes:
    """A UTF-8 CSV file (with a byte order mark, so that Excel reads it as UTF-8), every text cell
    neutralised; amounts of money as plain numbers (6.40)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([neutralise(header) for header in headers])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(headers: Sequence[str], rows: Iterable[Sequence[WrittenCell]], *, title: str) -> bytes:
    """An Excel file with one sheet called ``title``: text cells neutralised and stored as text, amounts
    of money stored as numbers shown with two decimal places, so that a finance team can add them up."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)
    sheet.append([_xlsx_text(header) for header in headers])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, cell) for cell in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet: Any, value: WrittenCell) -> Any:
    if not isinstance(value, Decimal):
        return _xlsx_text(value)
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = MONEY_FORMAT
    return cell


def _xlsx_text(value: str) -> str:
    # Control characters (other than tab and new lines) are not allowed in an Excel file.
    return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
