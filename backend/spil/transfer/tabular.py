"""Reading and writing the spreadsheets people actually have: CSV from Excel (UTF-8 with or
without BOM, or Windows-1252; `;` or `,` separated) and XLSX."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE


@dataclass
class Table:
    headers: list[str]
    rows: list[dict[str, str]]  # header -> cell text, stripped
    encoding: str
    separator: str


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with Excel's BOM or without), else Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace"), "windows-1252"


def sniff_separator(text: str) -> str:
    """Dutch Excel writes `;`, most other tools `,`: take whichever splits the header line more."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (";", ",", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


class UnreadableFile(ValueError):
    """The file is not a table Spil can read; the message says why, for the person importing it."""


def read_csv(raw: bytes) -> Table:
    text, encoding = decode(raw)
    if "\x00" in text:
        raise UnreadableFile("The file contains NUL characters: it is not a text (CSV) file.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    separator = sniff_separator(text)
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    try:
        lines = [row for row in reader]
    except csv.Error as exc:  # a cell over the csv module's limit (128 KiB), a broken quote
        raise UnreadableFile(f"The file cannot be read as CSV ({exc}).") from None
    while lines and not any(cell.strip() for cell in lines[-1]):
        lines.pop()
    if not lines:
        return Table(headers=[], rows=[], encoding=encoding, separator=separator)
    headers = [h.strip() for h in lines[0]]
    rows = []
    for line in lines[1:]:
        cells = [c.strip() for c in line] + [""] * max(0, len(headers) - len(line))
        rows.append({h: cells[i] for i, h in enumerate(headers) if h})
    return Table(headers=headers, rows=rows, encoding=encoding, separator=separator)


def is_xlsx(raw: bytes) -> bool:
    """An Excel workbook (a ZIP archive), as opposed to a CSV text."""
    return raw.startswith(b"PK\x03\x04")


def _xlsx_text(value: Any) -> str:
    """A cell as the text a CSV would hold: dates as ISO dates, whole numbers without ``.0``."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_xlsx(raw: bytes, max_rows: int = 100_000) -> Table:
    """The first sheet of an Excel workbook: its first row as the headers (values, not formulas)."""
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # any broken archive is the sender's file, not a fault of Spil
        raise UnreadableFile(
            f"The file cannot be read as an Excel workbook ({type(exc).__name__})."
        ) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return Table(headers=[], rows=[], encoding="xlsx", separator="")
        lines: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            lines.append([_xlsx_text(v) for v in values])
            if len(lines) > max_rows + 1:
                break
    finally:
        workbook.close()
    while lines and not any(lines[-1]):
        lines.pop()
    if not lines:
        return Table(headers=[], rows=[], encoding="xlsx", separator="")
    headers = lines[0]
    rows = []
    for line in lines[1:]:
        cells = line + [""] * max(0, len(headers) - len(line))
        rows.append({h: cells[i] for i, h in enumerate(headers) if h})
    return Table(headers=headers, rows=rows, encoding="xlsx", separator="")


# A spreadsheet reads a cell that starts with one of these as a formula (OWASP: CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# ... except a plain number (-12, +3,5) or a phone number (+31 23 555 0101, -), which stay as they are.
PLAIN = re.compile(r"^[+-]?[0-9]+([.,][0-9]+)?$|^\+[0-9][0-9 ()-]*$")


def _defuse(text: str) -> str:
    """Spreadsheet formula injection: a cell that a spreadsheet would read as a formula is
    written as text (a leading apostrophe); plain numbers and phone numbers are not touched."""
    if text.startswith(FORMULA_START) and not PLAIN.match(text):
        return "'" + text
    return text


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str):
        return _defuse(value)
    if isinstance(value, list | tuple):
        return _defuse(", ".join(str(v) for v in value))
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def write_csv(headers: Sequence[str], rows: Iterable[Sequence[Any]], separator: str = ";") -> bytes:
    """UTF-8 with a BOM and `;` by default, so Excel with Dutch settings opens it correctly."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _xlsx_cell(value: Any) -> Any:
    """Numbers stay numbers; text loses the control characters an XLSX file cannot hold. (Text is
    stored as text, never as a formula: see ``write_xlsx``.)"""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


def write_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_xlsx_cell(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # openpyxl takes "=..." for a formula; here it is text
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
