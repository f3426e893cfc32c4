"""Reading a treaties JSON Lines file (the format of ``nl-crossborder-treaties``).

One object per line: ``bwb_id`` and ``title`` (required), ``text``, ``crisis_related``, and
optionally ``path``, ``source_commit``, ``n_chars`` (ignored). Blank lines are skipped. A line
that cannot be read becomes an ``ImportProblem`` naming the line; a file that cannot be read
at all (binary, broken gzip) becomes one problem for the whole file.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from trefpunt.places.importers.base import ImportProblem, count_lines, json_lines

BWB_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,19}$")
REPOSITORY = "https://github.com/statengeneraal/laws-markdown"
TITLE_LIMIT = 5000
TEXT_LIMIT = 5_000_000
MAX_LINE_CHARS = 2 * TEXT_LIMIT  # the text, escaped, with its title


@dataclass
class TreatyRecord:
    line: int
    bwb_id: str
    title: str
    text: str
    crisis_related: bool
    source: str = ""
    source_commit: str = ""


def _string(data: dict, key: str, line: int, *, required: bool, limit: int) -> str:
    value = data.get(key)
    if value is None or (isinstance(value, str) and not value.strip() and required):
        if required:
            raise ImportProblem(_("%(field)s is missing") % {"field": key}, line=line)
        return ""
    if not isinstance(value, str):
        raise ImportProblem(_("%(field)s must be text") % {"field": key}, line=line)
    if len(value) > limit:
        raise ImportProblem(
            _("%(field)s is longer than %(limit)s characters") % {"field": key, "limit": limit},
            line=line,
        )
    if "\x00" in value:
        raise ImportProblem(_("%(field)s contains a NUL character") % {"field": key}, line=line)
    return value


def parse_record(data, line: int) -> TreatyRecord:
    if not isinstance(data, dict):
        raise ImportProblem(_("expected a JSON object"), line=line)
    bwb_id = _string(data, "bwb_id", line, required=True, limit=20).strip()
    if not BWB_ID.match(bwb_id):
        raise ImportProblem(
            _("bwb_id %(id)r is not an identifier like BWBV0002224") % {"id": bwb_id}, line=line
        )
    title = " ".join(_string(data, "title", line, required=True, limit=TITLE_LIMIT).split())
    text = _string(data, "text", line, required=False, limit=TEXT_LIMIT)
    crisis = data.get("crisis_related", False)
    if not isinstance(crisis, bool):
        raise ImportProblem(_("crisis_related must be true or false"), line=line)
    path = _string(data, "path", line, required=False, limit=400).strip()
    commit = _string(data, "source_commit", line, required=False, limit=40).strip()
    source = ""
    if path:
        source = f"{REPOSITORY}/blob/{commit or 'master'}/{path}"
    return TreatyRecord(line, bwb_id, title, text, crisis, source, commit)


class TreatyFile:
    """The records of a JSON Lines file (gzip accepted); re-read on each iteration."""

    def __init__(self, path: str | Path):
        self.path = Path(path)

    def __iter__(self) -> Iterator[TreatyRecord | ImportProblem]:
        for number, data in json_lines(self.path, max_chars=MAX_LINE_CHARS):
            if isinstance(data, ImportProblem):
                yield data
                continue
            try:
                yield parse_record(data, number)
            except ImportProblem as problem:
                yield problem

    def count_lines(self) -> int:
        return count_lines(self.path)
