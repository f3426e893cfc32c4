"""A readable, line-by-line difference between two plan versions (``difflib``)."""

import difflib
from dataclasses import dataclass


@dataclass
class Line:
    op: str  # "same", "added", "removed"
    text: str


def compare(old: str, new: str) -> list[Line]:
    lines = []
    for row in difflib.ndiff(old.splitlines(), new.splitlines()):
        code, text = row[:2], row[2:]
        if code == "? ":
            continue  # ndiff's intraline hints
        lines.append(Line({"  ": "same", "+ ": "added", "- ": "removed"}[code], text))
    return lines


def changed(lines: list[Line]) -> int:
    return sum(line.op != "same" for line in lines)
