"""Reading the spreadsheets centres upload: CSV (UTF-8 with or without BOM, UTF-16,
TIS-620/cp874 as Thai Excel saves it) and XLSX.

The type is decided from the content, not the file name alone, and every
refusal is a SpreadsheetError with a message for the person who uploaded it.
"""

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lms.core.clean import text_clean
from lms.core.errors import ServiceError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
# An .xlsx is a zip: refuse archives that unpack to far more than a sheet of people.
MAX_UNPACKED_BYTES = 60 * 1024 * 1024
MAX_CELL_CHARS = 500

_THAI = re.compile(r"[\u0E01-\u0E5B]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")


class SpreadsheetError(ServiceError):
    """A file that cannot be read as a table; `message` says why, in the user's language."""


@dataclass
class Table:
    headers: list[str]
    # (row number as the spreadsheet shows it, cells); empty rows are left out.
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    kind: str = "csv"
    encoding: str = ""


def clean_cell(value) -> str:
    """A cell as text: numbers without a trailing .0, dates as 2530-04-13 (never a
    Python timestamp), then the one normaliser for typed text (`text_clean`)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        # A date cell: openpyxl gives a datetime at midnight.
        value = value.date() if value.time() == dt.time() else value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date | dt.time):
        value = (
            value.isoformat(timespec="minutes") if isinstance(value, dt.time) else value.isoformat()
        )
    text = text_clean(str(value)[: MAX_CELL_CHARS * 2])
    text = _INVISIBLE.sub("", text).replace("\xa0", " ").strip()
    return text[:MAX_CELL_CHARS]


def decode_text(raw: bytes) -> tuple[str, str]:
    """Text and the encoding it was read with, trying what Thai spreadsheets are saved as."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as error:
                raise _unreadable() from error
    if b"\x00" in raw:
        raise SpreadsheetError(
            _("This file is not a spreadsheet. Upload an .xlsx or .csv file."), code="binary"
        )
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # cp874 (Windows Thai) is TIS-620 plus a few punctuation marks: one decoder reads both.
        text = raw.decode("cp874")
    except UnicodeDecodeError as error:
        raise _unreadable() from error
    if not _THAI.search(text):
        raise _unreadable()
    return text, "cp874"


def _unreadable() -> SpreadsheetError:
    return SpreadsheetError(
        _(
            "The letters in this file could not be read. In Excel choose “Save as” → "
            "“CSV UTF-8”, or upload the .xlsx file itself."
        ),
        code="encoding",
    )


def _sniff_delimiter(first_line: str) -> str:
    counts = {delimiter: first_line.count(delimiter) for delimiter in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _too_many(max_rows: int) -> SpreadsheetError:
    return SpreadsheetError(
        _("The file has more than %(max)s rows. Split it into smaller files.") % {"max": max_rows},
        code="too_many_rows",
    )


def _table_from_rows(rows, *, max_rows: int) -> Table:
    table: Table | None = None
    for number, values in rows:
        cells = [clean_cell(value) for value in values]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if table is None:
            table = Table(headers=cells)
            continue
        if len(table.rows) >= max_rows:
            raise _too_many(max_rows)
        table.rows.append((number, cells))
    if table is None:
        raise SpreadsheetError(_("The file is empty."), code="empty")
    if not table.rows:
        raise SpreadsheetError(
            _("The file has column headings but no rows of people under them."), code="no_rows"
        )
    return table


def _read_csv(raw: bytes, *, max_rows: int) -> Table:
    text, encoding = decode_text(raw)
    if not text.strip():
        raise SpreadsheetError(_("The file is empty."), code="empty")
    first_line = text.lstrip("\r\n").split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(first_line))
    try:
        table = _table_from_rows(((reader.line_num, row) for row in reader), max_rows=max_rows)
    except csv.Error as error:
        raise SpreadsheetError(
            _("The CSV file is damaged (%(detail)s). Save it again from the spreadsheet program.")
            % {"detail": error},
            code="csv",
        ) from error
    table.kind, table.encoding = "csv", encoding
    return table


def _read_xlsx(raw: bytes, *, max_rows: int) -> Table:
    from openpyxl import load_workbook

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise SpreadsheetError(
            _("The .xlsx file is damaged. Save it again from the spreadsheet program."),
            code="xlsx",
        ) from error
    if "xl/workbook.xml" not in names:
        if "mimetype" in names or "content.xml" in names:
            raise SpreadsheetError(
                _("This looks like an OpenDocument (.ods) file. Save it as .xlsx or CSV."),
                code="ods",
            )
        raise SpreadsheetError(
            _("This file is not a spreadsheet. Upload an .xlsx or .csv file."), code="type"
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise SpreadsheetError(_("The spreadsheet is too large."), code="too_large")
    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds on a broken file
        raise SpreadsheetError(
            _("The .xlsx file is damaged. Save it again from the spreadsheet program."),
            code="xlsx",
        ) from error
    try:
        if not workbook.worksheets:
            raise SpreadsheetError(_("The file is empty."), code="empty")
        sheet = workbook.worksheets[0]
        rows = (
            (number, row) for number, row in enumerate(sheet.iter_rows(values_only=True), start=1)
        )
        table = _table_from_rows(rows, max_rows=max_rows)
    finally:
        workbook.close()
    table.kind = "xlsx"
    return table


def table_read(*, name: str, content: bytes, max_rows: int) -> Table:
    """Read the first sheet of an uploaded .xlsx or .csv; the first non-empty row is headings."""
    if not content:
        raise SpreadsheetError(_("The file is empty."), code="empty")
    if len(content) > MAX_UPLOAD_BYTES:
        raise SpreadsheetError(
            _("The file is larger than %(mb)s MB.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if content.startswith(b"PK\x03\x04"):
        return _read_xlsx(content, max_rows=max_rows)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise SpreadsheetError(
            _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or CSV."), code="xls"
        )
    if extension == "xlsx":
        raise SpreadsheetError(
            _("The .xlsx file is damaged. Save it again from the spreadsheet program."),
            code="xlsx",
        )
    if extension not in ("csv", "txt", "tsv"):
        raise SpreadsheetError(
            _("This file is not a spreadsheet. Upload an .xlsx or .csv file."), code="type"
        )
    return _read_csv(content, max_rows=max_rows)


def header_key(text: str) -> str:
    """Headings compared without case, spaces, underscores, dots, hyphens or brackets."""
    return re.sub(r"[\s_\-.()\[\]/:*]+", "", unicodedata.normalize("NFC", text).casefold())


def map_headers(
    headers: list[str], aliases: dict[str, list[str]]
) -> tuple[dict[str, int], list[str]]:
    """Column index of each known field, and the headings that matched nothing."""
    lookup = {header_key(alias): name for name, names in aliases.items() for alias in names}
    found: dict[str, int] = {}
    unknown: list[str] = []
    for index, heading in enumerate(headers):
        name = lookup.get(header_key(heading))
        if name is None and "(" in heading:
            # "ชื่อ (first name)": either part may be the one we know.
            outer, inner = heading.split("(", 1)
            name = lookup.get(header_key(outer)) or lookup.get(header_key(inner))
        if name is None:
            if heading:
                unknown.append(heading)
            continue
        if name in found:
            raise SpreadsheetError(
                _("The column “%(heading)s” appears twice. Keep one of them.")
                % {"heading": heading},
                code="duplicate_column",
            )
        found[name] = index
    return found, unknown
