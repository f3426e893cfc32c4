import csv
import gzip
import io
import json
import math
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.utils.translation import gettext as _

from trefpunt.lib.input_limits import invalid_text_paths

MAX_LINE_CHARS = 2_000_000  # a JSON Lines record; longer lines are refused unread
# What reading a file that is not UTF-8 text (binary, Latin-1, a broken gzip stream) raises.
UNREADABLE = (UnicodeDecodeError, OSError, EOFError, zlib.error)


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


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(_("number out of range: %(number)s") % {"number": text})
    return value


def _no_constant(name: str):
    raise ValueError(_("%(name)s is not a number") % {"name": name})


def loads(text: str | bytes):
    """``json.loads`` for imported files: ``ValueError`` (with a reason) for anything that
    does not decode into values the database stores: nesting deeper than the interpreter's
    recursion limit, numbers out of range (``2.3e400``), ``NaN``/``Infinity``."""
    try:
        return json.loads(text, parse_float=_finite, parse_constant=_no_constant)
    except RecursionError:
        raise ValueError(_("nested too deeply")) from None


def read_json(path: str | Path):
    with open_text(path) as handle:
        try:
            return loads(handle.read())
        except json.JSONDecodeError as exc:
            raise ImportProblem(
                _("invalid JSON: %(error)s") % {"error": exc.msg}, path=str(path), line=exc.lineno
            ) from None
        except UNREADABLE as exc:
            raise ImportProblem(str(exc), path=str(path)) from None
        except ValueError as exc:
            message = _("invalid JSON: %(error)s") % {"error": exc}
            raise ImportProblem(message, path=str(path)) from None


def _unreadable(path: str | Path, error: Exception, line: int) -> ImportProblem:
    return ImportProblem(
        _("not a readable UTF-8 JSON Lines file (%(error)s)") % {"error": error},
        path=str(path),
        line=line,
    )


def json_lines(path: str | Path, *, max_chars: int = MAX_LINE_CHARS) -> Iterator:
    """(line number, value) for each non-blank line of a JSON Lines file (gzip or not); a line
    that cannot be imported gives an ``ImportProblem`` as its value, a file that cannot be read
    one ``ImportProblem`` at the line where reading stopped. A line is never held in memory
    beyond ``max_chars``; its strings are checked for NUL bytes and lone surrogates, which no
    database stores."""
    number = 0
    try:
        with open_text(path) as handle:
            while text := handle.readline(max_chars + 1):
                number += 1
                if len(text) > max_chars and not text.endswith("\n"):
                    while text and not text.endswith("\n"):  # skip the rest, piece by piece
                        text = handle.readline(max_chars)
                    yield number, _too_long(max_chars, number)
                    continue
                if text.strip():
                    yield number, _decoded(text, number)
    except ImportProblem as problem:
        yield number, problem
    except UNREADABLE as error:
        yield number + 1, _unreadable(path, error, number + 1)


def _too_long(max_chars: int, number: int) -> ImportProblem:
    return ImportProblem(
        _("the line is longer than %(limit)s characters") % {"limit": f"{max_chars:,}"},
        line=number,
    )


def _decoded(text: str, number: int):
    try:
        data = loads(text)
    except ValueError as error:
        return ImportProblem(_("invalid JSON (%(error)s)") % {"error": error}, line=number)
    if paths := invalid_text_paths(data):
        return ImportProblem(
            _("“%(field)s” contains a NUL byte or a lone surrogate") % {"field": paths[0]},
            line=number,
        )
    return data


def count_lines(path: str | Path) -> int:
    """Non-blank lines of a text file (gzip or not), read in bounded pieces; 0 if unreadable."""
    count, blank = 0, True
    try:
        with open_text(path) as handle:
            while piece := handle.readline(65_536):
                blank = blank and not piece.strip()
                if piece.endswith("\n"):
                    count += not blank
                    blank = True
    except (ImportProblem, *UNREADABLE):
        return 0
    return count + (not blank)


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
