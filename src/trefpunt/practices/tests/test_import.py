"""`trefpunt import-practices FILE.jsonl`: all-or-nothing upsert by external_id."""

import gzip
import io
import json
import re
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError

from trefpunt.organisations.models import Organisation
from trefpunt.places.models import Territory
from trefpunt.practices import operations
from trefpunt.practices.models import Practice
from trefpunt.search.models import SearchDocument

# The shape the public evaluation script writes (../shared/eval/xling_eval.py).
EVAL_LINES = [
    {
        "external_id": "ntrex-1",
        "language": "nl",
        "title": "Isolatie van oude arbeiderswoningen",
        "summary": "",
        "body": "De stad isoleert daken en gevels van oude mijnwerkershuizen.",
    },
    {
        "external_id": "ntrex-2",
        "language": "fr",
        "title": "Isolation des maisons ouvrières",
        "summary": "",
        "body": "La ville isole les toitures des anciennes maisons ouvrières.",
    },
    {
        "external_id": "ntrex-3",
        "language": "de",
        "title": "Dämmung alter Arbeiterhäuser",
        "summary": "",
        "body": "Die Stadt dämmt Dächer & Fassaden alter Bergarbeiterhäuser.",
    },
    {
        "external_id": "ntrex-4",
        "language": "en",
        "title": "Insulating old workers' houses",
        "summary": "",
        "body": "The city insulates roofs of old miners' houses.",
    },
]
SUMMARY = re.compile(
    r"^(\d+) practices \((\d+) created, (\d+) updated, (\d+) unchanged\), "
    r"(\d+) documents indexed in [\d.]+ s\.$"
)


pytestmark = pytest.mark.usefixtures("lexical_only")


@pytest.fixture
def places_and_organisations(db):
    genk = Territory.objects.create(
        code="BE-NIS:71016", level="municipality", country="BE", name="Genk"
    )
    aachen = Territory.objects.create(code="GN:3247449", level="place", country="DE", name="Aachen")
    menen = Organisation.objects.create(slug="menen", kind="municipality", name="Stad Menen")
    return genk, aachen, menen


def _write(path, lines) -> str:
    path.write_text(
        "".join(
            (line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
            for line in lines
        ),
        encoding="utf-8",
    )
    return str(path)


def _import(path, *args) -> tuple[int, ...]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import-practices", path, *args, stdout=out, stderr=err)
    match = SUMMARY.match(
        out.getvalue().strip().splitlines()[-1].removeprefix("Dry run, nothing written: ")
    )
    assert match, out.getvalue()
    return tuple(int(group) for group in match.groups())


def _refusal(path) -> str:
    with pytest.raises(CommandError) as error:
        call_command("import-practices", path, stdout=io.StringIO(), stderr=io.StringIO())
    return str(error.value)


def test_it_imports_the_evaluation_format(tmp_path, db):
    path = _write(tmp_path / "eval.jsonl", EVAL_LINES)

    assert _import(path) == (4, 4, 0, 0, 4)

    practices = {p.external_id: p for p in Practice.objects.all()}
    assert sorted(practices) == ["ntrex-1", "ntrex-2", "ntrex-3", "ntrex-4"]
    german = practices["ntrex-3"]
    assert (german.language, german.title, german.body, german.status, german.version) == (
        "de",
        "Dämmung alter Arbeiterhäuser",
        "Die Stadt dämmt Dächer & Fassaden alter Bergarbeiterhäuser.",
        "published",
        1,
    )
    assert list(
        SearchDocument.objects.order_by("external_id").values_list("external_id", "language")
    ) == [("ntrex-1", "nl"), ("ntrex-2", "fr"), ("ntrex-3", "de"), ("ntrex-4", "en")]
    assert [h.history_type for h in german.history.all()] == ["+"]
    assert german.history.first().history_change_reason == "import"


def test_a_malformed_line_imports_nothing_and_names_the_line(tmp_path, db):
    lines = [
        *EVAL_LINES[:2],
        '{"external_id": "ntrex-3", "language": "de", "title": ',
        EVAL_LINES[3],
    ]
    path = _write(tmp_path / "broken.jsonl", lines)

    message = _refusal(path)

    assert message.startswith("Nothing was imported. line 3: invalid JSON (")
    assert "line 1" not in message and "line 4" not in message
    assert (Practice.objects.count(), SearchDocument.objects.count()) == (0, 0)


def test_every_problem_is_listed_with_its_line(tmp_path, places_and_organisations):
    lines = [
        {"external_id": "a", "language": "nl", "title": "Goed", "territories": ["BE-NIS:71016"]},
        {"external_id": "b", "language": "pl", "title": "Taal"},
        {"external_id": "c", "language": "fr", "title": ""},
        {"external_id": "d", "language": "fr", "title": "Thème", "themes": ["tourism"]},
        {"external_id": "e", "language": "fr", "title": "Lieu", "territories": ["BE-NIS:00000"]},
        {"external_id": "f", "language": "de", "title": "Org", "organisations": ["nowhere"]},
        {"external_id": "g", "language": "de", "title": "Datum", "period_start": "2024-02-30"},
        {"external_id": "a", "language": "en", "title": "Twice"},
        ["not", "an", "object"],
        {"external_id": "h", "language": "en", "title": "Extra", "colour": "red"},
        {"external_id": "i", "language": "en", "title": "Stage", "stage": "done"},
        {
            "external_id": "j",
            "language": "en",
            "title": "Period",
            "period_start": "2024-05-01",
            "period_end": "2023-01-01",
        },
        {"language": "en", "title": "No id"},
        {"external_id": "k", "language": "en", "title": "Link", "url": "ftp://example.org"},
    ]
    path = _write(tmp_path / "problems.jsonl", lines)

    message = _refusal(path)

    assert message.splitlines() == [
        "Nothing was imported. line 2: unknown language 'pl'; use nl, fr, de, en, lb",
        "line 3: the title is missing",
        "line 4: unknown theme 'tourism'",
        "line 5: unknown territory 'BE-NIS:00000'",
        "line 6: unknown organisation 'nowhere'",
        "line 7: “period_start” is not a date like 2024-03-31: '2024-02-30'",
        "line 8: external_id 'a' appears twice (first on line 1)",
        "line 9: expected a JSON object",
        "line 10: unknown field(s) colour",
        "line 11: unknown stage 'done'; use idea, pilot, implemented, evaluated",
        "line 12: the period ends before it starts",
        "line 13: “external_id” is missing",
        "line 14: “url” is not a web address: 'ftp://example.org'",
    ]
    assert Practice.objects.count() == 0


def test_importing_the_same_file_twice_changes_nothing(tmp_path, db):
    path = _write(tmp_path / "eval.jsonl", EVAL_LINES)
    _import(path)
    before = list(Practice.objects.order_by("pk").values_list("pk", "version", "updated_at"))

    assert _import(path) == (4, 0, 0, 4, 0)

    assert list(Practice.objects.order_by("pk").values_list("pk", "version", "updated_at")) == (
        before
    )
    assert Practice.history.count() == 4
    assert SearchDocument.objects.count() == 4


def test_a_changed_line_updates_its_practice_only(tmp_path, db):
    _import(_write(tmp_path / "first.jsonl", EVAL_LINES))
    changed = [*EVAL_LINES[:3], {**EVAL_LINES[3], "title": "Insulating miners' houses"}]

    assert _import(_write(tmp_path / "second.jsonl", changed)) == (4, 0, 1, 3, 1)

    english = Practice.objects.get(external_id="ntrex-4")
    assert (english.title, english.version) == ("Insulating miners' houses", 2)
    assert [h.history_type for h in english.history.order_by("history_id")] == ["+", "~"]
    assert SearchDocument.objects.get(external_id="ntrex-4").title == "Insulating miners' houses"
    assert Practice.objects.get(external_id="ntrex-1").version == 1


def test_it_imports_relations_and_optional_fields(tmp_path, places_and_organisations):
    genk, aachen, menen = places_and_organisations
    line = {
        "external_id": "genk-1",
        "language": "nl",
        "title": "Mijnwerkerswoningen isoleren",
        "summary": "<p>Kort</p><script>alert(1)</script>",
        "body": "<p>Lang</p>",
        "themes": ["energy-efficiency-housing", "sustainable-development"],
        "territories": ["BE-NIS:71016", "GN:3247449"],
        "organisations": ["menen"],
        "owner": "menen",
        "stage": "pilot",
        "period_start": "2021-03-01",
        "period_end": "2024-12-31",
        "url": "https://example.org/genk",
    }
    _import(_write(tmp_path / "one.jsonl", [line]))

    practice = Practice.objects.get(external_id="genk-1")
    assert (
        practice.summary,
        practice.stage,
        practice.period_start,
        practice.period_end,
        practice.url,
        practice.owner,
    ) == (
        "<p>Kort</p>",
        "pilot",
        date(2021, 3, 1),
        date(2024, 12, 31),
        "https://example.org/genk",
        menen,
    )
    assert sorted(practice.themes.values_list("slug", flat=True)) == [
        "energy-efficiency-housing",
        "sustainable-development",
    ]
    assert sorted(practice.territories.values_list("code", flat=True)) == [
        "BE-NIS:71016",
        "GN:3247449",
    ]
    snapshot = practice.history.first()
    assert sorted(snapshot.territories.values_list("territory_id", flat=True)) == sorted(
        [genk.pk, aachen.pk]
    )
    facets = SearchDocument.objects.get(external_id="genk-1").facets
    assert facets == {
        "type": "practice",
        "language": "nl",
        "country": ["BE", "DE"],
        "theme": ["energy-efficiency-housing", "sustainable-development"],
        "stage": "pilot",
        "organisation": ["menen"],
        "year": 2021,
    }

    # Relations a line gives replace the stored ones; fields it omits stay.
    _import(_write(tmp_path / "two.jsonl", [{**line, "territories": ["GN:3247449"]}]))
    practice.refresh_from_db()
    assert list(practice.territories.values_list("code", flat=True)) == ["GN:3247449"]
    assert practice.version == 2
    _import(
        _write(
            tmp_path / "three.jsonl",
            [{"external_id": "genk-1", "language": "nl", "title": "Mijnwerkerswoningen isoleren"}],
        )
    )
    practice.refresh_from_db()
    assert (practice.body, practice.stage, practice.version) == ("<p>Lang</p>", "pilot", 2)


def test_a_dry_run_writes_nothing(tmp_path, db):
    path = _write(tmp_path / "eval.jsonl", EVAL_LINES)

    assert _import(path, "--dry-run") == (4, 4, 0, 0, 0)

    assert (Practice.objects.count(), SearchDocument.objects.count()) == (0, 0)


def test_a_missing_file_is_reported(tmp_path, db):
    assert _refusal(str(tmp_path / "missing.jsonl")) == (
        f"No such file: {tmp_path / 'missing.jsonl'}"
    )


def test_only_curators_import_through_the_operation(outsider, curator):
    records = [operations.parse_record(line, n) for n, line in enumerate(EVAL_LINES, start=1)]

    with pytest.raises(PermissionDenied):
        operations.import_practices(records, user=outsider)
    assert Practice.objects.count() == 0

    summary = operations.import_practices(iter(records), user=curator)

    assert (summary.created, summary.documents) == (4, 4)
    assert {h.history_user for h in Practice.history.all()} == {curator}


def _bytes(tmp_path, content: bytes) -> str:
    path = tmp_path / "practices.jsonl"
    path.write_bytes(content)
    return str(path)


def _line(**changes) -> str:
    return json.dumps({**EVAL_LINES[0], "external_id": "ntrex-9", **changes})


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (json.dumps(EVAL_LINES[2], ensure_ascii=False).encode("latin-1"), "not a readable UTF-8"),
        (bytes(range(256)) * 40, "not a readable UTF-8"),
        (gzip.compress(json.dumps(EVAL_LINES[0]).encode(), mtime=0)[:30], "not a readable UTF-8"),
        (b"\x1f\x8b" + b"\x00" * 50, "not a readable UTF-8"),
    ],
)
def test_an_unreadable_file_is_refused_cleanly(tmp_path, db, content, problem):
    message = _refusal(_bytes(tmp_path, content))

    assert message.startswith("Nothing was imported. ")
    assert problem in message
    assert Practice.objects.count() == 0


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("[" * 100_000 + "]" * 100_000, "line 2: invalid JSON (nested too deeply)"),
        ('{"a": ' * 100_000 + "1" + "}" * 100_000, "line 2: invalid JSON (nested too deeply)"),
        (
            _line(title="T").replace('"T"', "2.3e400"),
            "line 2: invalid JSON (number out of range: 2.3e400)",
        ),
        (_line(title="Tit\u0000el"), "line 2: “title” contains a NUL byte or a lone surrogate"),
        (_line(summary="\ud800"), "line 2: “summary” contains a NUL byte or a lone surrogate"),
    ],
)
def test_a_line_that_cannot_be_stored_is_refused_with_its_number(tmp_path, db, line, problem):
    path = _write(tmp_path / "bad.jsonl", [EVAL_LINES[1], line])

    message = _refusal(path)

    assert message == f"Nothing was imported. {problem}"
    assert Practice.objects.count() == 0


def test_a_line_over_the_size_limit_is_refused_without_reading_it_whole(tmp_path, db):
    path = _write(tmp_path / "long.jsonl", [EVAL_LINES[1], _line(body="x" * 12_000_000)])

    message = _refusal(path)

    assert message == "Nothing was imported. line 2: the line is longer than 2,000,000 characters"
    assert Practice.objects.count() == 0
