"""Reading people from CSV and Excel files (coproduce/people/spreadsheets.py)."""

import datetime
import io

import openpyxl
import pytest

from coproduce.people.spreadsheets import (
    CANNOT_OPEN,
    EMPTY_FILE,
    MAX_UPLOAD_BYTES,
    NO_ROWS,
    NOT_A_SPREADSHEET,
    NOT_UTF8,
    TOO_BIG,
    TOO_MANY_COLUMNS,
    SpreadsheetError,
    read_table,
)


def xlsx_bytes(*rows: list[object]) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def refusal(name: str, data: bytes) -> str:
    with pytest.raises(SpreadsheetError) as raised:
        read_table(name, data)
    return raised.value.message


def test_read_table_reads_a_utf8_csv_with_headings_and_rows() -> None:
    data = "Name,Email\nZoë Brontë,zoe@example.org\nŁukasz,\n".encode()

    table = read_table("people.csv", data)

    assert table.headers == ["Name", "Email"]
    assert table.rows == [["Zoë Brontë", "zoe@example.org"], ["Łukasz", ""]]


def test_read_table_reads_a_csv_saved_with_a_byte_order_mark() -> None:
    data = "Name,Email\nZoë,zoe@example.org\n".encode("utf-8-sig")

    table = read_table("people.CSV", data)

    assert table.headers == ["Name", "Email"]
    assert table.rows == [["Zoë", "zoe@example.org"]]


def test_read_table_refuses_a_csv_that_is_not_utf8() -> None:
    data = "Name\nZoë Brontë\n".encode("cp1252")

    assert refusal("people.csv", data) == "The file is not saved as UTF-8. In Excel, choose 'Save as' and 'CSV UTF-8'"
    assert refusal("people.csv", "Name\nZoë\n".encode("utf-16")) == NOT_UTF8


@pytest.mark.parametrize("name", ["people.xls", "people.txt", "people.pdf", "people"])
def test_read_table_refuses_files_that_are_not_csv_or_xlsx(name: str) -> None:
    assert refusal(name, b"Name\nRuth\n") == "The selected file must be a CSV or Excel (.xlsx) file"
    assert NOT_A_SPREADSHEET == "The selected file must be a CSV or Excel (.xlsx) file"


def test_read_table_refuses_an_empty_file() -> None:
    assert refusal("people.csv", b"") == "The selected file is empty"
    assert refusal("people.csv", b"\n,,\n\n") == EMPTY_FILE


def test_read_table_refuses_a_file_over_10_mb() -> None:
    data = b"Name\n" + b"x" * MAX_UPLOAD_BYTES

    assert refusal("people.csv", data) == "The selected file must be smaller than 10 MB"
    assert TOO_BIG == "The selected file must be smaller than 10 MB"


def test_read_table_refuses_headings_without_rows() -> None:
    assert refusal("people.csv", b"Name,Email\n,\n") == NO_ROWS


def test_read_table_refuses_more_than_100_columns() -> None:
    data = (",".join(f"Column {n}" for n in range(101)) + "\n" + "x\n").encode()

    assert refusal("people.csv", data) == TOO_MANY_COLUMNS


def test_read_table_pads_short_rows_cuts_long_ones_and_drops_empty_rows_at_the_end() -> None:
    data = b"Name,Email,\nRuth\n\nKwame,kwame@example.org,extra\n,\n\n"

    table = read_table("people.csv", data)

    assert table.headers == ["Name", "Email"]
    # The empty row in the middle stays, so row numbers match the spreadsheet.
    assert table.rows == [["Ruth", ""], ["", ""], ["Kwame", "kwame@example.org"]]


def test_read_table_reads_an_xlsx_turning_every_cell_into_text() -> None:
    data = xlsx_bytes(
        ["Name", "Joined", "Phone", "Score", "Active", "Empty"],
        ["Ruth Evans", datetime.datetime(2026, 3, 1), 7700900123, 4.5, True, None],
        ["Kwame", datetime.datetime(2026, 3, 1, 14, 30), 1632960001.0, 3.0, False, None],
    )

    table = read_table("people.xlsx", data)

    assert table.headers == ["Name", "Joined", "Phone", "Score", "Active", "Empty"]
    assert table.rows == [
        ["Ruth Evans", "2026-03-01", "7700900123", "4.5", "TRUE", ""],
        ["Kwame", "2026-03-01 14:30:00", "1632960001", "3", "FALSE", ""],
    ]


def test_read_table_reads_formulas_in_an_xlsx_as_written() -> None:
    data = xlsx_bytes(["Name"], ['=HYPERLINK("http://evil.example","Click")'])

    table = read_table("people.xlsx", data)

    assert table.rows == [['=HYPERLINK("http://evil.example","Click")']]


def test_read_table_refuses_a_damaged_xlsx() -> None:
    assert refusal("people.xlsx", b"Name\nRuth\n") == CANNOT_OPEN
    assert refusal("people.xlsx", xlsx_bytes(["Name"], ["Ruth"])[:500]) == CANNOT_OPEN


def test_read_table_refuses_a_csv_it_cannot_parse() -> None:
    data = b'Name\n"' + b"x" * 200_000 + b'"\n'

    assert refusal("people.csv", data) == CANNOT_OPEN
