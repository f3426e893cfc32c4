import gzip
import json

import pytest
from django.core.management import CommandError, call_command

from trefpunt.legal import demo, operations
from trefpunt.legal.importer import TreatyFile
from trefpunt.legal.models import ActLink, Article, LegalAct

pytestmark = pytest.mark.django_db

MINIMAL = {
    "bwb_id": "BWBV0009991",
    "title": "Overeenkomst tussen het Koninkrijk België en het Koninkrijk der Nederlanden",
    "text": "Zijn het volgende overeengekomen:\n\n### Artikel  1  \n\nDe Partijen werken samen "
    "bij rampen en zware ongevallen aan de grens.\n",
    "crisis_related": True,
    "n_chars": 120,
}


def _write(tmp_path, lines, name="acts.jsonl"):
    path = tmp_path / name
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return str(path)


def _run(path):
    out, err = __import__("io").StringIO(), __import__("io").StringIO()
    call_command("import-treaties", path, stdout=out, stderr=err)
    return out.getvalue().strip()


def test_minimal_records_are_created_then_unchanged(tmp_path, lexical_only):
    second = {**MINIMAL, "bwb_id": "BWBV0009992", "crisis_related": False}
    path = _write(tmp_path, [json.dumps(MINIMAL), json.dumps(second)])
    assert _run(path) == "2 created, 0 updated, 0 unchanged"
    assert _run(path) == "0 created, 0 updated, 2 unchanged"
    act = LegalAct.objects.get(bwb_id="BWBV0009991")
    assert act.parties == ["BE", "NL"]
    assert act.crisis_related is True
    assert "crisis-management" in act.themes
    assert act.signed_on is None
    assert list(act.articles.values_list("anchor", flat=True)) == ["art-1"]
    assert act.history.count() == 1


def test_a_changed_title_updates_the_act(tmp_path, lexical_only):
    _run(_write(tmp_path, [json.dumps(MINIMAL)]))
    changed = {**MINIMAL, "title": MINIMAL["title"] + " inzake bijstand"}
    assert _run(_write(tmp_path, [json.dumps(changed)])) == "0 created, 1 updated, 0 unchanged"
    assert LegalAct.objects.get().history.count() == 2


def test_a_truncated_line_writes_nothing_and_names_the_line(tmp_path, lexical_only):
    good = json.dumps(MINIMAL)
    path = _write(tmp_path, [good, json.dumps({**MINIMAL, "bwb_id": "BWBV0009993"})[:60]])
    with pytest.raises(CommandError) as error:
        _run(path)
    assert str(error.value).startswith("Nothing was imported. line 2: invalid JSON")
    assert LegalAct.objects.count() == 0


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "line 1: expected a JSON object"),
        ('{"title": "Verdrag"}', "line 1: bwb_id is missing"),
        ('{"bwb_id": "BWBV0000001"}', "line 1: title is missing"),
        ('{"bwb_id": "BWBV0000001", "title": "V", "crisis_related": "yes"}',
         "line 1: crisis_related must be true or false"),
    ],
)  # fmt: skip
def test_bad_records_are_refused(tmp_path, lexical_only, line, message):
    with pytest.raises(CommandError) as error:
        _run(_write(tmp_path, [line]))
    assert message in str(error.value)
    assert LegalAct.objects.count() == 0


def test_a_binary_file_is_refused_cleanly(tmp_path, lexical_only):
    path = tmp_path / "image.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\xff\xfe\xfa" * 50)
    with pytest.raises(CommandError) as error:
        _run(str(path))
    assert str(error.value).startswith("Nothing was imported.")
    assert LegalAct.objects.count() == 0


def test_a_broken_gzip_file_is_refused_cleanly(tmp_path, lexical_only):
    path = tmp_path / "acts.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps(MINIMAL).encode())[:30])
    with pytest.raises(CommandError) as error:
        _run(str(path))
    assert "not a readable UTF-8 JSON Lines file" in str(error.value)


def test_a_duplicate_bwb_id_is_refused(tmp_path, lexical_only):
    with pytest.raises(operations.ImportFailed) as error:
        operations.import_acts([*TreatyFile(_write(tmp_path, [json.dumps(MINIMAL)] * 2))])
    assert "appears twice (first on line 1)" in str(error.value)


def test_real_acts_get_facts_and_links(write_subset, lexical_only):
    path = write_subset("BWBV0003156", "BWBV0004497", "BWBV0004166", "BWBV0004117")
    assert _run(str(path)) == "4 created, 0 updated, 0 unchanged"
    memorandum = LegalAct.objects.get(bwb_id="BWBV0003156")
    assert {"BE", "LU", "NL"} <= set(memorandum.parties)
    assert memorandum.crisis_related is True
    assert memorandum.kind == "memorandum"
    assert str(memorandum.signed_on) == "2006-06-01"
    assert memorandum.articles.count() == 11
    assert memorandum.source.startswith("https://github.com/statengeneraal/laws-markdown/blob/")
    assert ActLink.objects.filter(
        from_act__bwb_id="BWBV0004497", to_act__bwb_id="BWBV0004166", kind="supplements"
    ).exists()
    assert _run(str(path)) == "0 created, 0 updated, 4 unchanged"


def test_demo_loads_the_packaged_extract_once(lexical_only):
    assert demo.load(demo.EXTRACT) == 10
    assert demo.load(demo.EXTRACT) == 0
    assert Article.objects.filter(act__bwb_id="BWBV0002224").count() == 3
