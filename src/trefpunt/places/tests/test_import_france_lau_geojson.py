"""File importers against the real data: INSEE/etalab, Eurostat LAU (regional subset), GeoJSON.

The full LAU file (99k rows) is never imported here: the 6,044-row regional subset suffices.
"""

import gzip
import json

import pytest

from trefpunt.places import operations
from trefpunt.places.importers import ImportProblem, cbs, geojson, insee, lau, statbel
from trefpunt.places.models import Territory, TerritoryBoundary

from . import test_importers_files as common
from .test_importers_files import (
    REFNIS,
    assert_nothing_imported,
    corrupt,
    fingerprint,
    replace_line,
    run,
    total,
    truncate_last_line,
)

ETALAB = "fr-communes/decoupage-administratif_communes.json.gz"
FR_CSV = "fr-communes/fr_communes_7dep.csv"
SEVEN = "02,08,54,55,57,59,62"
LAU = "eurostat-lau2019/lau2019_region.csv"
BE_GEOJSON = "be-municipalities/belgium_municipalities_2020.geojson"
NL_GEOJSON = "nl-gemeenten/nl_gemeenten_2022_pdok.geojson"
NORD_GEOJSON = "fr-communes/geojson/communes-59-nord.geojson"

baseline = common.baseline  # fixtures
countries = common.countries


# --- INSEE / etalab ------------------------------------------------------------------------------


@pytest.fixture
def france_imported(countries, shared_data):
    output = run("insee", str(shared_data / ETALAB), departements=SEVEN)
    assert "4593 territories from insee (4593 created, 0 updated)" in output
    return output


def test_etalab_gives_the_4593_communes_of_the_seven_departments(france_imported):
    communes = Territory.objects.filter(country="FR", level="municipality")
    assert communes.count() == 4593
    assert communes.filter(parent__code="ISO:FR-59").count() == 647
    assert sum(communes.values_list("population", flat=True)) == 6826610
    lille = Territory.objects.get(code="FR-INSEE:59350")
    assert (lille.name, lille.population, lille.population_year) == ("Lille", 238246, 2023)
    assert (lille.languages, lille.parent.code) == ("fr", "ISO:FR-59")
    assert [t.code for t in lille.ancestors()] == ["ISO:FR", "ISO:FR-HDF", "ISO:FR-59"]
    assert lille.latitude is None  # the etalab file has no coordinates


def test_etalab_keeps_only_current_communes(shared_data):
    records = insee.records(shared_data / ETALAB, {"59"})
    assert len(records) == 647
    # 59298 Hellemmes-Lille and 59355 Lomme are associated communes of Lille, not communes.
    codes = {r.code for r in records}
    assert "FR-INSEE:59350" in codes
    assert not codes & {"FR-INSEE:59298", "FR-INSEE:59355"}


def test_the_7dep_csv_gives_the_same_4593_communes_with_centroids(db, shared_data):
    records = insee.records(shared_data / FR_CSV)
    summary = operations.import_territories(records)
    assert summary.created == {("FR", "municipality"): 4593}
    lille = Territory.objects.get(code="FR-INSEE:59350")
    assert (lille.latitude, lille.longitude, lille.population) == (50.63178, 3.04706, 238246)
    assert lille.population_year == 2023
    again = operations.import_territories(insee.records(shared_data / FR_CSV))
    assert (total(again.created), total(again.updated), again.names_added) == (0, 0, 0)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda text: text[: len(text) // 2], ["invalid JSON"]),
        (
            lambda text: text.replace('{"code":"59350",', "{", 1),
            ["item 23872: missing field(s) code"],
        ),
        (
            lambda text: text.replace('"population":238246}', '"population":"23x8246"}', 1),
            ["item 23872 (code 59350): population is not a whole number: '23x8246'"],
        ),
    ],
)
def test_a_corrupted_etalab_file_imports_nothing(baseline, shared_data, tmp_path, edit, expected):
    path = corrupt(shared_data / ETALAB, tmp_path / "communes.json.gz", edit)
    message = assert_nothing_imported(["insee", path], *expected, departements=SEVEN)
    assert str(path) in message


def _etalab_excerpt(shared_data, tmp_path, change) -> str:
    """The first five communes of the real file, one edited, written one item per line."""
    with gzip.open(shared_data / ETALAB, "rt", encoding="utf-8") as handle:
        assert next(handle) == "[\n"
        items = [json.loads(next(handle).rstrip(",\n")) for _ in range(5)]
    change(items)
    path = tmp_path / "excerpt.json"
    path.write_text("[\n" + ",\n".join(json.dumps(item) for item in items) + "\n]\n")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda items: items[2].update(type="commune-nouvelle"),
            "item 3 (code 01004): unknown type 'commune-nouvelle'",
        ),
        (
            lambda items: items[2].update(code="02004"),
            "item 3 (code 02004): departement '01' does not match the code 02004",
        ),
        (lambda items: items[1].update(nom=""), "item 2 (code 01002): the name is empty"),
        (
            lambda items: items[3].update(code=items[0]["code"]),
            "item 4 (code 01001): the code appears twice (first item 1)",
        ),
    ],
)
def test_etalab_problems_name_the_item(shared_data, tmp_path, change, expected):
    path = _etalab_excerpt(shared_data, tmp_path, change)
    with pytest.raises(ImportProblem) as info:
        insee.records(path)
    assert str(info.value) == f"{path}: {expected}"


def test_etalab_json_syntax_errors_name_the_json_line(shared_data, tmp_path):
    path = _etalab_excerpt(shared_data, tmp_path, lambda items: None)
    lines = path.read_text().split("\n")
    lines[4] = lines[4].replace('"code":', '"code"')  # the fourth commune, on line 5
    path.write_text("\n".join(lines))
    with pytest.raises(ImportProblem) as info:
        insee.records(path)
    assert info.value.line == 5
    assert "invalid JSON" in info.value.reason


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (truncate_last_line(40), ["line 4594", "expected 10 columns, found 8"]),
        (replace_line(1, "insee_code", "code_insee"), ["line 1", "missing column(s) insee_code"]),
        (
            replace_line(3400, ",238246,", ",23x8246,"),
            ["line 3400", "population is not a whole number: '23x8246'"],
        ),
        (
            replace_line(3400, ",50.63178,", ",95.63178,"),
            ["line 3400", "centroid_lat is out of range: '95.63178'"],
        ),
        (replace_line(3400, ",50.63178,", ",,"), ["line 3400", "both be given or both be blank"]),
    ],
)
def test_a_corrupted_7dep_csv_imports_nothing(baseline, shared_data, tmp_path, edit, expected):
    path = corrupt(shared_data / FR_CSV, tmp_path / "communes.csv", edit)
    assert_nothing_imported(["insee", path], *expected)


# --- Eurostat LAU 2019 (regional subset) ---------------------------------------------------------


@pytest.fixture
def lau_imported(countries, shared_data):
    return operations.import_territories(lau.records(shared_data / LAU, {"DE", "LU"}))


def test_lau_gives_the_396_municipalities_of_nrw_and_102_of_luxembourg_once(
    lau_imported, shared_data
):
    assert lau_imported.created == {("DE", "municipality"): 396, ("LU", "municipality"): 102}
    nrw = Territory.objects.filter(code__startswith="DE-AGS:05", level="municipality")
    assert nrw.count() == 396
    assert nrw.filter(parent__code="ISO:DE-NW").count() == 396
    assert Territory.objects.filter(code__startswith="LU-LAU:").count() == 102
    again = operations.import_territories(lau.records(shared_data / LAU, {"DE", "LU"}))
    assert (total(again.created), total(again.updated), again.names_added) == (0, 0, 0)
    assert total(again.unchanged) == 498


def test_lau_values_of_cologne_and_luxembourg_city(lau_imported):
    koeln = Territory.objects.get(code="DE-AGS:05315000")
    assert koeln.name == "Köln"  # ", Stadt" dropped from the main name
    assert koeln.names.filter(name="Köln, Stadt", language="de").exists()
    assert koeln.area_km2 == 405.0  # total_area_m2 is in km² for Germany
    assert (koeln.population, koeln.population_year, koeln.degurba) == (1085664, 2019, 1)
    assert koeln.nuts3 == "DEA23"
    luxembourg = Territory.objects.get(code="LU-LAU:0304")
    assert luxembourg.area_km2 == 51.46  # 51,460,000 m²
    assert (luxembourg.population, luxembourg.parent.code) == (119215, "ISO:LU")


def test_lau_converts_belgian_areas_from_square_metres(shared_data):
    records = {r.code: r for r in lau.records(shared_data / LAU, {"BE"})}
    assert len(records) == 589  # the municipalities before the 2019 mergers
    assert records["BE-NIS:62063"].area_km2 == 69.3918  # 69,391,809 m²
    assert records["BE-NIS:21004"].area_km2 == 32.6059
    assert records["BE-NIS:62063"].population == 197327


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (truncate_last_line(40), ["line 6045", "expected 22 columns, found 7"]),
        (
            replace_line(1, ",population,", ",inhabitants,"),
            ["line 1", "missing column(s) population"],
        ),
        (
            replace_line(658, ",1085664,", ",10x85664,"),
            ["line 658", "population is not a whole number: '10x85664'"],
        ),
        (replace_line(658, ",405,", ",-405,"), ["line 658", "total_area_m2 is out of range"]),
        (replace_line(658, ",405,1,", ",405,7,"), ["line 658", "degurba must be 1, 2 or 3"]),
    ],
)
def test_a_corrupted_lau_file_imports_nothing(baseline, shared_data, tmp_path, edit, expected):
    path = corrupt(shared_data / LAU, tmp_path / "lau.csv", edit)
    assert_nothing_imported(["eurostat-lau", path], *expected, country="DE,LU")


# --- GeoJSON boundaries --------------------------------------------------------------------------


def test_belgian_boundaries_enrich_the_581_municipalities(db, shared_data):
    operations.import_territories(statbel.records(shared_data / REFNIS))
    output = run("geojson", str(shared_data / BE_GEOJSON), code_field="nis", code_prefix="BE-NIS:")
    assert "581 boundaries" in output and "skipped" not in output
    assert TerritoryBoundary.objects.count() == 581
    liege = Territory.objects.get(code="BE-NIS:62063")
    assert (liege.latitude, liege.longitude) == (50.63027, 5.59472)
    assert liege.boundary.geojson["type"] == "Polygon"
    assert liege.boundary.source == "GeoJSON belgium_municipalities_2020.geojson"
    assert liege.source == "Statbel REFNIS"  # a boundary does not change the territory's source
    assert liege.name == "Liège" and liege.level == "municipality"
    again = run("geojson", str(shared_data / BE_GEOJSON), code_field="nis", code_prefix="BE-NIS:")
    assert "(0 created, 0 updated)" in again


def test_dutch_boundaries_and_centroids(db, shared_data):

    operations.import_territories(cbs.records(shared_data / "nl-gemeenten/nl_gemeenten_merged.csv"))
    records = geojson.records(
        shared_data / NL_GEOJSON, code_field="statcode", code_prefix="NL-CBS:"
    )
    summary = operations.import_territories(records)
    assert (summary.boundaries, summary.skipped, total(summary.created)) == (345, 0, 0)
    groningen = Territory.objects.get(code="NL-CBS:GM0014")
    assert groningen.boundary.geojson["type"] == "MultiPolygon"
    # The centroid of the largest polygon matches the merged table's polygon centroid.
    assert (groningen.latitude, groningen.longitude) == (53.21861, 6.62073)


def test_boundaries_of_unknown_communes_are_skipped_not_created(db, shared_data):
    operations.import_territories(insee.records(shared_data / FR_CSV, {"59"}))
    before = Territory.objects.count()
    records = geojson.records(
        shared_data / NORD_GEOJSON, code_field="code", code_prefix="FR-INSEE:"
    )
    assert len(records) == 648  # the 2018 division
    summary = operations.import_territories(records)
    assert (summary.boundaries, summary.skipped) == (647, 1)  # one commune merged since 2018
    assert Territory.objects.count() == before
    lille = Territory.objects.get(code="FR-INSEE:59350")
    assert lille.latitude == pytest.approx(50.6318, abs=1e-3)


def test_a_geojson_dry_run_writes_no_boundary(baseline, shared_data):
    before = fingerprint()
    output = run(
        "geojson",
        str(shared_data / NL_GEOJSON),
        code_field="statcode",
        code_prefix="NL-CBS:",
        dry_run=True,
    )
    assert output.splitlines()[-1] == (
        "Dry run, nothing written: 345 territories from geojson (0 created, 29 updated), "
        "0 names added, 345 boundaries."
    )
    assert fingerprint() == before


def _edit_feature(index: int, change):
    """Edit feature ``index`` (1-based) of a FeatureCollection."""

    def edit(text: str) -> str:
        data = json.loads(text)
        change(data["features"][index - 1])
        return json.dumps(data)

    return edit


def _set_first_position(value):
    def change(feature):
        geometry = feature["geometry"]
        rings = (
            geometry["coordinates"] if geometry["type"] == "Polygon" else geometry["coordinates"][0]
        )
        rings[0][0] = value

    return change


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda text: text[: len(text) // 2], ["invalid JSON"]),
        (
            _edit_feature(5, lambda f: f["properties"].pop("nis")),
            ["feature 5: the property 'nis' (the code) is missing"],
        ),
        (
            _edit_feature(7, _set_first_position([5.5, 95.0])),
            ["feature 7: polygon 1, ring 1: coordinate [5.5, 95.0] is out of range"],
        ),
        (
            _edit_feature(7, _set_first_position([5.5, "50.1"])),
            ["feature 7: polygon 1, ring 1: bad position [5.5, '50.1']"],
        ),
        (
            _edit_feature(8, lambda f: f.update(geometry={"type": "Point", "coordinates": [5, 5]})),
            ["feature 8: geometry type 'Point' is not Polygon or MultiPolygon"],
        ),
        (
            _edit_feature(9, lambda f: f.update(geometry=None)),
            ["feature 9: the feature has no geometry"],
        ),
        (
            _edit_feature(10, lambda f: f["properties"].update(nis="21001")),
            ["feature 10: code BE-NIS:21001 appears twice (first in feature 1)"],
        ),
        (lambda text: json.dumps({"type": "Feature"}), ["not a GeoJSON FeatureCollection"]),
    ],
)
def test_a_corrupted_geojson_file_imports_nothing(baseline, shared_data, tmp_path, edit, expected):
    path = corrupt(shared_data / BE_GEOJSON, tmp_path / "be.geojson", edit)
    message = assert_nothing_imported(
        ["geojson", path], *expected, code_field="nis", code_prefix="BE-NIS:"
    )
    assert str(path) in message


def test_centroid_of_a_square_with_a_smaller_second_polygon():
    square = [[[4.0, 50.0], [6.0, 50.0], [6.0, 52.0], [4.0, 52.0], [4.0, 50.0]]]
    islet = [[[7.0, 53.0], [7.1, 53.0], [7.1, 53.1], [7.0, 53.0]]]
    assert geojson.centroid({"type": "MultiPolygon", "coordinates": [islet, square]}) == (
        pytest.approx(51.0),
        pytest.approx(5.0),
    )


def test_a_gzipped_geojson_is_read_too(db, shared_data, tmp_path):
    path = tmp_path / "nord.geojson.gz"
    path.write_bytes(gzip.compress((shared_data / NORD_GEOJSON).read_bytes()))
    records = geojson.records(path, code_field="code", code_prefix="FR-INSEE:")
    assert len(records) == 648 and all(r.update_only for r in records)
