"""File importers against the real data in ../shared/data: Statbel, CBS, the CLI and dry runs.

France, LAU and GeoJSON boundaries are in ``test_import_france_lau_geojson.py``. Every corrupted
copy is written to ``tmp_path``; the real files are only read.
"""

import gzip
from collections.abc import Callable
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from trefpunt.places import operations
from trefpunt.places.importers import ImportProblem, TerritoryRecord, cbs, packaged, statbel
from trefpunt.places.models import Territory, TerritoryBoundary, TerritoryName

REFNIS = "be-municipalities/statbel_TU_COM_REFNIS.csv"
POPULATION = "be-municipalities/statbel_bevolking_per_gemeente_2020.csv"
CBS = "nl-gemeenten/nl_gemeenten_merged.csv"
FIELDS = ["code", "level", "country", "parent__code", *operations.UPDATABLE[2:]]


# --- helpers shared with test_import_france_lau_geojson.py ----------------------------------


def fingerprint() -> tuple:
    """Everything an import may change, to compare before and after a failed one."""
    return (
        list(Territory.objects.order_by("code").values_list(*FIELDS)),
        TerritoryName.objects.count(),
        TerritoryBoundary.objects.count(),
        Territory.history.count(),
    )


def corrupt(source: Path, target: Path, edit: Callable[[str], str]) -> Path:
    """Write an edited copy of ``source`` (gzip in, gzip out) and return its path."""
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8-sig", newline="") as handle:
        text = handle.read()
    changed = edit(text)
    assert changed != text, "the corruption did not change the file"
    with opener(target, "wt", encoding="utf-8", newline="") as handle:
        handle.write(changed)
    return target


def replace_line(number: int, old: str, new: str) -> Callable[[str], str]:
    """Replace ``old`` by ``new`` on line ``number`` (1-based) only."""

    def edit(text: str) -> str:
        lines = text.split("\n")
        assert old in lines[number - 1], lines[number - 1]
        lines[number - 1] = lines[number - 1].replace(old, new, 1)
        return "\n".join(lines)

    return edit


def truncate_last_line(keep: int) -> Callable[[str], str]:
    """Cut the file inside its last line, keeping ``keep`` characters of it."""

    def edit(text: str) -> str:
        body = text.rstrip("\n")
        start = body.rindex("\n") + 1
        return body[: start + keep]

    return edit


def run(*args, **options) -> str:
    out = StringIO()
    call_command("import-territories", *args, stdout=out, stderr=StringIO(), verbosity=0, **options)
    return out.getvalue()


def assert_nothing_imported(args: list, *expected: str, **options) -> str:
    """The command refuses the file, names the place and reason, and the database is as before."""
    before = fingerprint()
    with pytest.raises(CommandError) as info:
        run(*[str(arg) for arg in args], **options)
    message = str(info.value)
    assert message.startswith("Nothing was imported."), message
    for part in expected:
        assert part in message, message
    assert fingerprint() == before
    return message


def total(counter) -> int:
    return sum(counter.values())


@pytest.fixture
def countries(db):
    """Countries and their ISO 3166-2 subdivisions (the parents), without the slower places."""

    return operations.import_territories(
        packaged.country_records() + packaged.subdivision_records()
    )


# --- Statbel REFNIS ----------------------------------------------------------------------------


@pytest.fixture
def refnis_imported(db, shared_data):
    return operations.import_territories(statbel.records(shared_data / REFNIS))


def test_refnis_gives_the_581_municipalities_of_2020_with_provinces_and_regions(refnis_imported):
    assert refnis_imported.created[("BE", "municipality")] == 581
    assert refnis_imported.created[("BE", "province")] == 10
    assert refnis_imported.created[("BE", "region")] == 3
    assert Territory.objects.filter(country="BE", level="municipality").count() == 581
    assert not Territory.objects.filter(level="municipality", valid_to__isnull=False).exists()


def test_refnis_names_liege_in_three_languages_with_the_right_kinds(refnis_imported):
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert (liege.name, liege.name_language, liege.languages) == ("Liège", "fr", "fr")
    names = set(liege.names.exclude(language="en").values_list("language", "name", "kind"))
    assert names == {
        ("fr", "Liège", "official"),
        ("nl", "Luik", "exonym"),
        ("de", "Lüttich", "exonym"),
    }
    assert liege.valid_from == date(1970, 1, 1) and liege.valid_to is None
    # Arrondissement 62000 is skipped: the parent is the province.
    assert [t.code for t in liege.ancestors()] == ["BE-NIS:03000", "BE-NIS:60000"]
    assert not Territory.objects.filter(code="BE-NIS:62000").exists()


def test_refnis_keeps_german_names_only_where_they_are_german(refnis_imported, shared_data):
    by_code = {r.code: r for r in statbel.records(shared_data / REFNIS)}

    def german(code):
        return [(name, kind) for lang, name, kind in by_code[code].names if lang == "de"]

    assert german("BE-NIS:21004") == [("Brüssel", "exonym")]  # a genuine German exonym
    assert german("BE-NIS:57081") == []  # TX_REFNIS_DE "Tournai" repeats the French name
    assert german("BE-NIS:44021") == []  # TX_REFNIS_DE "Gent" repeats the Dutch name
    assert german("BE-NIS:63001") == [("Amel", "official")]  # German-speaking Community
    amel = Territory.objects.get(code="BE-NIS:63001")
    assert (amel.name, amel.name_language, amel.languages) == ("Amel", "de", "de")
    assert amel.names.get(language="fr").name == "Amblève"


def test_refnis_puts_brussels_municipalities_under_the_region_and_flemish_brabant_under_flanders(
    refnis_imported,
):
    ixelles = Territory.objects.get(code="BE-NIS:21009")
    assert (ixelles.name, ixelles.languages, ixelles.parent.code) == (
        "Ixelles",
        "fr,nl",
        "BE-NIS:04000",
    )
    leuven = Territory.objects.get(code="BE-NIS:24062")
    assert [t.code for t in leuven.ancestors()] == ["BE-NIS:02000", "BE-NIS:20001"]
    assert leuven.name == "Leuven" and leuven.languages == "nl"
    deinze = Territory.objects.get(code="BE-NIS:44083")  # merged on 1 January 2019
    assert deinze.valid_from == date(2019, 1, 1)


def test_refnis_on_a_past_date_gives_the_units_valid_then(shared_data):
    before = statbel.records(shared_data / REFNIS, on=date(2018, 12, 31))
    municipalities = [r for r in before if r.level == "municipality"]
    assert len(municipalities) == 589  # before the 2019 mergers, as in LAU 2019
    puurs = next(r for r in before if r.code == "BE-NIS:12030")  # Puurs-Sint-Amands since 2019
    assert (puurs.valid_from, puurs.valid_to) == (date(1970, 1, 1), date(2018, 12, 31))
    in_1990 = statbel.records(shared_data / REFNIS, on=date(1990, 1, 1))
    brabant = next(r for r in in_1990 if r.code == "BE-NIS:20000")  # split in 1995
    assert (brabant.level, brabant.parent_code, brabant.name) == (
        "province",
        "ISO:BE",
        "Province de Brabant",  # bilingual: no region; French first, as in Brussels
    )


def test_refnis_under_the_packaged_gazetteer_hangs_regions_under_belgium(
    packaged_gazetteer, shared_data
):
    operations.import_territories(statbel.records(shared_data / REFNIS))
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert [t.code for t in liege.ancestors()] == ["ISO:BE", "BE-NIS:03000", "BE-NIS:60000"]
    # The 2025 package has 565 municipalities; the 2020 list adds the 29 merged away in 2025.
    codes = [r.code for r in statbel.records(shared_data / REFNIS) if r.level == "municipality"]
    assert Territory.objects.filter(code__in=codes).count() == 581


def test_an_older_refnis_list_never_revives_merged_municipalities(packaged_gazetteer, shared_data):
    records = statbel.records(shared_data / REFNIS)
    summary = operations.import_territories(
        records, vintage=statbel.refnis_vintage(records), scope=("BE", "municipality")
    )

    current = Territory.objects.current().filter(country="BE", level="municipality")
    assert current.count() == 565
    assert summary.ended == 0  # the 2025 units are newer than the 2020 list
    beveren = Territory.objects.get(code="BE-NIS:46003")
    assert beveren.valid_to.isoformat() == "2024-12-31"
    assert Territory.objects.get(code="BE-NIS:41002").name == "Aalst"


def test_a_newer_list_ends_the_units_absent_from_it(packaged_gazetteer):
    newer = [
        r
        for r in packaged.municipality_records()[0]
        if r.country == "BE" and r.valid_to is None and r.code != "BE-NIS:11001"
    ]
    summary = operations.import_territories(
        newer, vintage=date(2031, 1, 1), scope=("BE", "municipality")
    )

    assert summary.ended == 1
    assert Territory.objects.get(code="BE-NIS:11001").valid_to == date(2030, 12, 31)


def test_a_second_refnis_import_changes_nothing(refnis_imported, shared_data):
    again = operations.import_territories(statbel.records(shared_data / REFNIS))
    assert total(again.created) == 0
    assert total(again.updated) == 0
    assert total(again.unchanged) == 594
    assert again.names_added == 0


# --- Statbel population ------------------------------------------------------------------------


def test_population_file_sets_2020_population_without_renaming(refnis_imported, shared_data):
    records = statbel.records(shared_data / POPULATION)
    assert sum(r.level == "municipality" for r in records) == 581
    summary = operations.import_territories(records)
    assert summary.updated[("BE", "municipality")] == 581
    assert summary.updated[("BE", "province")] == 10
    assert summary.updated[("BE", "region")] == 3
    assert total(summary.created) == 0
    assert summary.skipped == 1  # the country row: ISO:BE is not loaded here
    assert summary.names_added == 0  # the Dutch names are the REFNIS ones
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert (liege.name, liege.population, liege.population_year) == ("Liège", 197217, 2020)
    flanders = Territory.objects.get(code="BE-NIS:02000")
    assert (flanders.population, flanders.population_year) == (6629143, 2020)
    assert Territory.objects.get(code="BE-NIS:20002").population == 406019  # Walloon Brabant
    again = operations.import_territories(statbel.records(shared_data / POPULATION))
    assert total(again.created) == total(again.updated) == 0


def test_population_file_alone_creates_municipalities_under_their_dutch_name(db, shared_data):
    summary = operations.import_territories(statbel.records(shared_data / POPULATION))
    assert summary.created == {("BE", "municipality"): 581}
    assert summary.skipped == 1 + 3 + 10  # country, regions and provinces are never created
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert (liege.name, liege.name_language, liege.population) == ("Luik", "nl", 197217)
    assert liege.languages == "fr"


def test_population_file_gives_belgium_its_2020_population(countries, shared_data):
    operations.import_territories(statbel.records(shared_data / POPULATION))
    belgium = Territory.objects.get(code="ISO:BE")
    assert (belgium.population, belgium.population_year) == (11492641, 2020)
    assert belgium.source == "pycountry (ISO 3166)"  # enriched, not taken over


# --- CBS -----------------------------------------------------------------------------------------


@pytest.fixture
def cbs_imported(countries, shared_data):
    return operations.import_territories(cbs.records(shared_data / CBS))


def test_cbs_gives_the_345_municipalities_of_2022_and_a_second_import_changes_nothing(
    cbs_imported, shared_data
):
    assert cbs_imported.created == {("NL", "municipality"): 345}
    assert Territory.objects.filter(code__startswith="NL-CBS:GM").count() == 345
    again = operations.import_territories(cbs.records(shared_data / CBS))
    assert (total(again.created), total(again.updated), again.names_added) == (0, 0, 0)
    assert again.unchanged == {("NL", "municipality"): 345}


def test_cbs_values_of_amsterdam(cbs_imported):
    amsterdam = Territory.objects.get(code="NL-CBS:GM0363")
    assert amsterdam.name == "Amsterdam"
    assert (amsterdam.population, amsterdam.population_year) == (873338, 2021)
    assert amsterdam.area_km2 == 165.5  # land only; 53.99 km² of water not counted
    assert (amsterdam.latitude, amsterdam.longitude) == (52.37261, 4.89005)
    assert (amsterdam.nuts3, amsterdam.languages) == ("NL329", "nl")
    assert amsterdam.parent.code == "ISO:NL-NH"
    assert Territory.objects.get(code="NL-CBS:GM1900").parent.code == "ISO:NL-FR"
    maashorst = Territory.objects.get(code="NL-CBS:GM1991")  # formed 2022: no 2021 figures
    assert maashorst.parent.code == "ISO:NL-NB"
    assert (maashorst.population, maashorst.population_year, maashorst.area_km2) == (
        None,
        None,
        None,
    )
    by_province = {
        code: Territory.objects.filter(parent__code=code, code__startswith="NL-CBS:").count()
        for code in ("ISO:NL-LI", "ISO:NL-NB", "ISO:NL-FL")
    }
    assert by_province == {"ISO:NL-LI": 31, "ISO:NL-NB": 56, "ISO:NL-FL": 6}


# --- the command: summary, dry run --------------------------------------------------------------


def test_the_command_prints_a_summary_per_country_and_level(countries, shared_data):
    output = run("cbs", str(shared_data / CBS))
    lines = output.splitlines()
    assert lines[0].split() == ["country", "level", "created", "updated", "unchanged"]
    assert lines[1].split() == ["NL", "municipality", "345", "0", "0"]
    assert "345 territories from cbs (345 created, 0 updated), 345 names added." in lines[-1]


def test_a_dry_run_counts_but_writes_nothing(baseline, shared_data):
    before = fingerprint()
    output = run("statbel", str(shared_data / REFNIS), dry_run=True)
    assert "Dry run, nothing written: 594 territories from statbel (594 created" in output
    assert fingerprint() == before


def test_import_territories_is_all_or_nothing_when_a_record_is_refused(refnis_imported):
    before = fingerprint()
    records = [
        TerritoryRecord(code="BE-NIS:99991", level="region", country="BE", name="Test", line=1),
        TerritoryRecord(code="BE-NIS:99992", level="municipality", country="BE", name="", line=2),
    ]
    with pytest.raises(ImportProblem, match="line 2: the name is empty"):
        operations.import_territories(records)
    assert fingerprint() == before


# --- corrupted Statbel and CBS files -------------------------------------------------------------


@pytest.fixture
def baseline(db, shared_data):
    """A small real database for the failure tests (parsing fails before any write)."""
    operations.import_territories(cbs.records(shared_data / CBS))
    sample = Territory.objects.get(code="NL-CBS:GM0363")
    yield
    assert Territory.objects.get(code="NL-CBS:GM0363").population == sample.population


@pytest.mark.parametrize(
    ("source", "edit", "expected"),
    [
        # A truncated quoted last line is an error, not a shorter date.
        (REFNIS, truncate_last_line(70), ["line 2770", "unexpected end of data"]),
        (REFNIS, replace_line(1, '"CD_REFNIS"', '"CD_REFNISX"'), ["line 1", "not a Statbel file"]),
        (
            REFNIS,
            replace_line(1749, '"31/12/9999"', '"31/13/9999"'),
            ["line 1749", "DT_VLDT_END is not a date", "31/13/9999"],
        ),
        (REFNIS, replace_line(1749, '"4"', '"5"'), ["line 1749", "LVL_REFNIS must be"]),
        (
            REFNIS,
            replace_line(1749, '"62000"', '"62999"'),
            ["line 1749", "CD_SUP_REFNIS 62999 is not a unit valid"],
        ),
        (POPULATION, truncate_last_line(23), ["line 639", "expected 5 columns, found 4"]),
        (POPULATION, replace_line(1, "Totaal", "Total"), ["line 1", "not a Statbel file"]),
        (
            POPULATION,
            replace_line(445, ",197217", ",19x7217"),
            ["line 445", "Totaal is not a whole number: '19x7217'"],
        ),
        (
            POPULATION,
            replace_line(445, ",197217", ",197218"),
            ["line 445", "Mannen + Vrouwen (197217) is not Totaal (197218)"],
        ),
    ],
)
def test_a_corrupted_statbel_file_imports_nothing(
    baseline, shared_data, tmp_path, source, edit, expected
):
    path = corrupt(shared_data / source, tmp_path / Path(source).name, edit)
    message = assert_nothing_imported(["statbel", path], *expected)
    assert str(path) in message


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (truncate_last_line(19), ["line 346", "expected 9 columns, found 5"]),
        (replace_line(1, "centroid_lat", "lat"), ["line 1", "missing column(s) centroid_lat"]),
        (replace_line(1, "population_2021", "inwoners"), ["line 1", "population_YYYY"]),
        (
            replace_line(108, ",873338,", ",873x338,"),
            ["line 108", "population_2021 is not a whole number: '873x338'"],
        ),
        (
            replace_line(108, ",52.37261,", ",152.37261,"),
            ["line 108", "centroid_lat is out of range: '152.37261'"],
        ),
        (replace_line(108, ",4.89005", ",4.89.005"), ["line 108", "centroid_lon is not a number"]),
        (replace_line(108, "Noord-Holland", "Noord-Holand"), ["line 108", "unknown province"]),
        (replace_line(108, "GM0363", "GM0014"), ["line 108", "GM0014 appears twice"]),
    ],
)
def test_a_corrupted_cbs_file_imports_nothing(baseline, shared_data, tmp_path, edit, expected):
    path = corrupt(shared_data / CBS, tmp_path / "gemeenten.csv", edit)
    assert_nothing_imported(["cbs", path], *expected)


def test_an_import_problem_carries_the_line(shared_data, tmp_path):
    path = corrupt(
        shared_data / CBS, tmp_path / "gemeenten.csv", replace_line(108, ",873338,", ",-5,")
    )
    with pytest.raises(ImportProblem) as info:
        cbs.records(path)
    assert (info.value.line, info.value.path) == (108, str(path))
    assert "population_2021 is not a whole number: '-5'" in info.value.reason
