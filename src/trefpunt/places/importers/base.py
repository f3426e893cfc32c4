import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _


class ImportProblem(Exception):
    """A source that cannot be imported; names the line (or feature) and the reason."""

    def __init__(self, message: str, *, line: int | None = None, path: str | None = None):
        self.line = line
        self.path = path
        self.reason = message
        where = ""
        if path and line:
            where = _("%(path)s, line %(line)s: ") % {"path": path, "line": line}
        elif line:
            where = _("line %(line)s: ") % {"line": line}
        elif path:
            where = _("%(path)s: ") % {"path": path}
        super().__init__(where + message)


@dataclass
class TerritoryRecord:
    code: str
    level: str
    country: str
    name: str = ""
    name_language: str = ""
    parent_code: str | None = None
    # (language, name, kind) — language "" when the source does not say.
    names: list[tuple[str, str, str]] = field(default_factory=list)
    population: int | None = None
    population_year: int | None = None
    area_km2: float | None = None
    latitude: float | None = None
    longitude: float | None = None
    degurba: int | None = None
    nuts3: str = ""
    languages: str = ""
    source: str = ""
    valid_from: date | None = None
    valid_to: date | None = None
    boundary: dict | None = None
    # Only enrich an existing territory (boundary files); never create one.
    update_only: bool = False
    line: int | None = None


def open_text(path: str | Path) -> io.TextIOBase:
    """Open a UTF-8 text file, gzip-compressed or not, dropping a byte-order mark."""
    path = Path(path)
    if not path.exists():
        raise ImportProblem(_("file not found"), path=str(path))
    raw = path.open("rb")
    if raw.read(2) == b"\x1f\x8b":
        raw.seek(0)
        return io.TextIOWrapper(gzip.GzipFile(fileobj=raw), encoding="utf-8-sig", newline="")
    raw.seek(0)
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def csv_header(path: str | Path) -> set[str]:
    """The column names of a CSV file (to tell layouts apart before reading it)."""
    with open_text(path) as handle:
        try:
            first = next(csv.reader(handle), [])
        except (csv.Error, UnicodeDecodeError, EOFError, OSError) as exc:
            raise ImportProblem(str(exc), path=str(path), line=1) from None
    return {column.strip() for column in first}


def read_csv(path: str | Path, required: set[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield (line number, row) and check the header and every row's width."""
    with open_text(path) as handle:
        # strict: a quoted field cut off by the end of the file (a truncated last line) is an
        # error, not a shorter value.
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportProblem(_("the file is empty"), path=str(path)) from None
        except (csv.Error, UnicodeDecodeError) as exc:
            raise ImportProblem(str(exc), path=str(path), line=1) from None
        header = [column.strip() for column in header]
        missing = sorted(required - set(header))
        if missing:
            raise ImportProblem(
                _("missing column(s) %(columns)s; found %(found)s")
                % {"columns": ", ".join(missing), "found": ", ".join(header)},
                path=str(path),
                line=1,
            )
        try:
            for row in reader:
                line = reader.line_num
                if not row or row == [""]:
                    continue
                if len(row) != len(header):
                    raise ImportProblem(
                        _("expected %(expected)s columns, found %(found)s")
                        % {"expected": len(header), "found": len(row)},
                        path=str(path),
                        line=line,
                    )
                yield line, dict(zip(header, (value.strip() for value in row), strict=True))
        except (csv.Error, UnicodeDecodeError, EOFError, OSError) as exc:
            raise ImportProblem(str(exc), path=str(path), line=reader.line_num) from None


def read_json(path: str | Path):
    with open_text(path) as handle:
        try:
            return json.load(handle)
        except json.JSONDecodeError as exc:
            raise ImportProblem(
                _("invalid JSON: %(error)s") % {"error": exc.msg}, path=str(path), line=exc.lineno
            ) from None
        except (UnicodeDecodeError, EOFError, OSError) as exc:
            raise ImportProblem(str(exc), path=str(path)) from None


def parse_int(value: str, column: str, line: int, *, blank_ok: bool = True) -> int | None:
    value = value.strip().replace(" ", "")
    if value == "" and blank_ok:
        return None
    try:
        number = float(value) if "." in value else int(value)
    except ValueError:
        raise ImportProblem(
            _("%(column)s is not a whole number: %(value)r") % {"column": column, "value": value},
            line=line,
        ) from None
    if number != int(number) or number < 0:
        raise ImportProblem(
            _("%(column)s is not a whole number: %(value)r") % {"column": column, "value": value},
            line=line,
        )
    return int(number)


def parse_float(
    value: str,
    column: str,
    line: int,
    *,
    minimum: float | None = None,
    maximum: float | None = None,
) -> float | None:
    value = value.strip().replace(",", ".")
    if value == "":
        return None
    try:
        number = float(value)
    except ValueError:
        raise ImportProblem(
            _("%(column)s is not a number: %(value)r") % {"column": column, "value": value},
            line=line,
        ) from None
    if (
        number != number
        or (minimum is not None and number < minimum)
        or (maximum is not None and number > maximum)
    ):
        raise ImportProblem(
            _("%(column)s is out of range: %(value)r") % {"column": column, "value": value},
            line=line,
        )
    return number
