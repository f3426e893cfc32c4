import json

import pytest

CORPUS = "nl-crossborder-treaties/treaties_crossborder_BE_LU_DE_FR.jsonl"


@pytest.fixture
def real_lines(shared_data):
    """The real corpus's lines by bwb_id (read once per test; 11 MB)."""
    lines = {}
    with open(shared_data / CORPUS, encoding="utf-8") as handle:
        for line in handle:
            lines[json.loads(line)["bwb_id"]] = line
    return lines


@pytest.fixture
def write_subset(tmp_path, real_lines):
    """Write the given acts (and the first ``extra`` others) of the real corpus to a file."""

    def write(*bwb_ids: str, extra: int = 0):
        chosen = list(bwb_ids) + [key for key in real_lines if key not in bwb_ids][:extra]
        path = tmp_path / "subset.jsonl"
        path.write_text("".join(real_lines[key] for key in chosen), encoding="utf-8")
        return path

    return write
