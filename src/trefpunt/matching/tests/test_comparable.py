import datetime

import pytest
from django.utils import timezone, translation

from trefpunt.matching.engine import comparable, comparable_codes, get_index
from trefpunt.organisations.models import Organisation, Relation, RelationKind
from trefpunt.places import operations
from trefpunt.places.importers.base import TerritoryRecord
from trefpunt.places.models import Territory

MOUSCRON_AND_TOURCOING = [
    "both about 58,000 inhabitants",
    "both border towns (within 5 km of a border)",
    "both towns (DEGURBA 2)",
    "both regional centres",
]


PROVINCES = {
    "WVL": ("BE-NIS:30000", "BE", "West-Vlaanderen"),
    "HAI": ("BE-NIS:50000", "BE", "Hainaut"),
    "NOR": ("ISO:FR-59", "FR", "Nord"),
    "LIM": ("ISO:NL-LI", "NL", "Limburg"),
}
# Mouscron and Tourcoing are alike on every feature: same population, area and DEGURBA, each
# the other's nearest foreign unit, each the largest of its group, both French-speaking.
# Heerlen and Vaals are far from every loaded foreign unit; Wervik has no population.
UNITS = {
    # key: code, country, name, province, population, area, DEGURBA, lat, lon, languages
    "menen": ("BE-NIS:34027", "BE", "Menen", "WVL", 33_000, 33.0, 2, 50.797, 3.122, "nl"),
    "kortrijk": ("BE-NIS:34022", "BE", "Kortrijk", "WVL", 77_000, 80.0, 1, 50.828, 3.265, "nl"),
    "wervik": ("BE-NIS:33029", "BE", "Wervik", "WVL", None, 43.6, 2, 50.780, 3.040, "nl"),
    "mouscron": ("BE-NIS:57096", "BE", "Mouscron", "HAI", 58_000, 40.0, 2, 50.744, 3.206, "fr"),
    "comines": ("BE-NIS:54010", "BE", "Comines", "HAI", 18_000, 61.0, 3, 50.770, 2.990, "fr"),
    "tourcoing": ("FR-INSEE:59599", "FR", "Tourcoing", "NOR", 58_000, 40.0, 2, 50.724, 3.161, "fr"),
    "halluin": ("FR-INSEE:59279", "FR", "Halluin", "NOR", 21_000, 12.6, 2, 50.786, 3.126, "fr"),
    "heerlen": ("NL-CBS:GM0917", "NL", "Heerlen", "LIM", 87_000, 45.5, 1, 50.888, 5.979, "nl"),
    "vaals": ("NL-CBS:GM0981", "NL", "Vaals", "LIM", 9_800, 23.9, 3, 50.770, 6.018, "nl"),
}


def _unit(code, country, name, parent, population, area, degurba, lat, lon, languages):
    return Territory.objects.create(
        code=code,
        level="municipality",
        country=country,
        name=name,
        parent=parent,
        population=population,
        area_km2=area,
        degurba=degurba,
        latitude=lat,
        longitude=lon,
        languages=languages,
    )


@pytest.fixture
def lys(db) -> dict[str, Territory]:
    """Both sides of the Lys/Leie border, and two Dutch units far from it."""
    provinces = {
        key: Territory.objects.create(code=code, level="province", country=country, name=name)
        for key, (code, country, name) in PROVINCES.items()
    }
    return {
        key: _unit(*values[:3], provinces[values[3]], *values[4:]) for key, values in UNITS.items()
    }


def _codes(matches):
    return [match.territory.code for match in matches]


def _twin(a: Territory, b: Territory, **relation):
    source, target = (
        Organisation.objects.create(
            slug=t.name.lower(),
            kind="municipality",
            name=t.name,
            language=t.languages,
            country=t.country,
            territory=t,
        )
        for t in (a, b)
    )
    return Relation.objects.create(
        kind=RelationKind.TWINNED_WITH, source=source, target=target, **relation
    )


def test_a_unit_alike_on_every_feature_comes_first_with_score_one(lys):
    matches = comparable(lys["mouscron"])

    assert matches[0].territory == lys["tourcoing"]
    assert matches[0].score == 1.0
    assert matches[0].reasons == MOUSCRON_AND_TOURCOING


def test_results_are_best_first_and_scores_lie_between_zero_and_one(lys):
    matches = comparable(lys["menen"])

    scores = [match.score for match in matches]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 1 for score in scores)
    # Every other unit with a population, once: Wervik has none, the provinces are no units.
    assert sorted(_codes(matches)) == sorted(
        t.code for key, t in lys.items() if key not in ("menen", "wervik")
    )


def test_a_smaller_population_gap_scores_higher(lys):
    closer = _unit("BE-NIS:90001", "BE", "Closer", None, 60_000, 40.0, 2, None, None, "fr")
    further = _unit("BE-NIS:90002", "BE", "Further", None, 116_000, 40.0, 2, None, None, "fr")

    codes = _codes(comparable(lys["mouscron"]))

    assert codes.index(closer.code) < codes.index(further.code)


def test_features_unknown_on_one_side_do_not_count(lys):
    # Tourcoing without an area, coordinates or group: alike on everything still known.
    twin = _unit("FR-INSEE:59999", "FR", "Sans surface", None, 58_000, None, 2, None, None, "fr")

    matches = {m.territory.code: m for m in comparable(lys["mouscron"], across_border=True)}

    assert matches[twin.code].score == 1.0
    assert matches[twin.code].reasons == [
        "both about 58,000 inhabitants",
        "both towns (DEGURBA 2)",
        "same language area (French)",
    ]


def test_across_border_keeps_other_countries_only(lys):
    matches = comparable(lys["menen"], across_border=True)

    assert sorted(_codes(matches)) == [
        "FR-INSEE:59279",
        "FR-INSEE:59599",
        "NL-CBS:GM0917",
        "NL-CBS:GM0981",
    ]
    assert "BE" in {m.territory.country for m in comparable(lys["menen"])}


def test_the_territory_itself_is_never_a_result(lys):
    for territory in (lys["menen"], lys["tourcoing"], lys["vaals"]):
        assert territory.code not in _codes(comparable(territory, limit=50))


def test_limit_caps_the_results(lys):
    assert _codes(comparable(lys["mouscron"], limit=1)) == ["FR-INSEE:59599"]
    assert comparable(lys["mouscron"], limit=0) == []


def test_twinned_territories_are_left_out_in_both_directions(lys):
    _twin(lys["mouscron"], lys["tourcoing"])

    assert lys["tourcoing"].code not in _codes(comparable(lys["mouscron"]))
    assert lys["mouscron"].code not in _codes(comparable(lys["tourcoing"]))
    assert lys["halluin"].code in _codes(comparable(lys["mouscron"]))


def test_an_ended_twinning_no_longer_excludes(lys):
    _twin(lys["mouscron"], lys["tourcoing"], until=timezone.localdate() - datetime.timedelta(1))

    assert _codes(comparable(lys["mouscron"]))[0] == lys["tourcoing"].code


def test_a_territory_without_population_or_not_a_unit_has_no_matches(lys):
    assert comparable(lys["wervik"]) == []
    assert comparable(lys["menen"].parent) == []
    assert lys["wervik"].code not in _codes(comparable(lys["menen"], limit=50))


def test_the_query_count_does_not_grow_with_the_results(lys, django_assert_num_queries):
    comparable(lys["menen"])  # builds the index

    # version, twinnings, territories, their names
    with django_assert_num_queries(4):
        matches = comparable(lys["menen"], limit=50)
        names = [match.territory.name_in("fr") for match in matches]

    assert len(names) == 7


def test_the_index_is_rebuilt_after_a_territory_changes(lys):
    before = get_index()
    assert comparable(lys["mouscron"])[0].score == 1.0

    # A bulk update through the importer: it leaves ``updated_at`` as it was.
    operations.import_territories(
        [
            TerritoryRecord(
                code="FR-INSEE:59599", level="municipality", country="FR", population=120_000
            )
        ]
    )

    after = get_index()
    assert after is not before
    assert after is get_index()
    matches = {m.territory.code: m for m in comparable(lys["mouscron"])}
    assert matches["FR-INSEE:59599"].score < 1.0
    assert "both about 58,000 inhabitants" not in matches["FR-INSEE:59599"].reasons


def test_reasons_follow_the_requested_or_active_language(lys):
    english = comparable(lys["mouscron"])

    with translation.override("fr"):
        active = comparable(lys["mouscron"])
        assert translation.get_language() == "fr"
    requested = comparable(lys["mouscron"], language="de")

    assert translation.get_language() == "en"
    for matches in (active, requested):
        assert [(m.territory, m.score) for m in matches] == [
            (m.territory, m.score) for m in english
        ]
        assert [len(m.reasons) for m in matches] == [len(m.reasons) for m in english]
    # Numbers are grouped the way the reader's language writes them.
    assert "58.000" in requested[0].reasons[0]


def test_comparable_codes_needs_no_database(lys):
    index = get_index()

    codes = comparable_codes(index, index.row_of[lys["mouscron"].pk], across_border=True, limit=2)

    assert codes[0] == ("FR-INSEE:59599", 1.0)
    assert [code for code, _score in codes] == _codes(
        comparable(lys["mouscron"], across_border=True, limit=2)
    )


def test_menen_finds_places_across_the_border_in_the_packaged_gazetteer(packaged_gazetteer):
    menen = Territory.objects.get(code="BE-NIS:34027")

    matches = comparable(menen, across_border=True)

    assert len(matches) == 10
    assert {m.territory.country for m in matches} <= {"NL", "LU", "DE", "FR"}
    assert {m.territory.level for m in matches} <= {"municipality", "place"}
    # Menen lies on the border: so do all ten, and they say so.
    assert all("both border towns" in " ".join(m.reasons) for m in matches)
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)
