"""Every CSV export writes cells a spreadsheet shows, never runs (formula injection)."""

import csv as stdlib_csv
import io

from trefpunt.lib import csv


def test_text_that_starts_like_a_formula_gets_a_quote_numbers_do_not():
    out = io.StringIO()

    csv.writer(out).writerow(["=1+1", "+3", "-x", "@SUM(A1)", "\tx", "\rx", "plain", -5, 2.5, None])

    assert next(stdlib_csv.reader(io.StringIO(out.getvalue()))) == [
        "'=1+1",
        "'+3",
        "'-x",
        "'@SUM(A1)",
        "'\tx",
        "'\rx",
        "plain",
        "-5",
        "2.5",
        "",
    ]


def test_a_dict_writer_quotes_too():
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["title"])
    writer.writeheader()

    writer.writerow({"title": "=HYPERLINK(1)"})

    assert out.getvalue().splitlines() == ["title", "'=HYPERLINK(1)"]
