from dataclasses import replace

from django.utils import translation

from trefpunt.matching.reasons import Facts, explain

TOWN = Facts(
    population=78_000,
    density=1_000,
    degurba=2,
    border_km=3,
    centre_role=1.0,
    languages=("fr", "nl"),
)


def _alike(**changes) -> Facts:
    return replace(TOWN, **changes)


def test_all_six_reasons_hold_but_four_are_stated_most_important_first():
    other = _alike(population=82_000, density=1_100, border_km=12, languages=("fr",))

    assert explain(TOWN, other) == [
        "both about 80,000 inhabitants",
        "both border towns (within 15 km of a border)",
        "both towns (DEGURBA 2)",
        "both regional centres",
    ]
    assert explain(TOWN, other, limit=6)[4:] == [
        "same language area (French)",
        "similar population density (about 1,000 inhabitants/km²)",
    ]


def test_each_reason_needs_its_threshold():
    unlike = Facts(
        population=78_000 * 1.51,
        density=1_000 * 1.51,
        degurba=1,
        border_km=26,
        centre_role=0.98,
        languages=("de",),
    )

    assert explain(TOWN, unlike) == []
    assert explain(TOWN, Facts()) == []


def test_the_figures_are_rounded_to_two_significant_digits():
    assert explain(
        _alike(population=1_234, density=4.2, degurba=None, border_km=None),
        _alike(population=1_250, density=4.4, degurba=None, border_km=None, centre_role=None),
        limit=6,
    ) == [
        "both about 1,200 inhabitants",
        "same language area (Dutch, French)",
        "similar population density (about 4.3 inhabitants/km²)",
    ]


def test_each_degree_of_urbanisation_has_its_own_words():
    reasons = [explain(Facts(degurba=level), Facts(degurba=level)) for level in (1, 2, 3)]

    assert reasons == [
        ["both cities (DEGURBA 1)"],
        ["both towns (DEGURBA 2)"],
        ["both rural areas (DEGURBA 3)"],
    ]


def test_numbers_are_written_the_readers_way():
    with translation.override("de"):
        german = explain(TOWN, _alike(population=82_000))
    with translation.override("fr"):
        french = explain(TOWN, _alike(population=82_000))

    assert "80.000" in german[0]
    assert "80\xa0000" in french[0]  # Django's French grouping: a no-break space
    assert len(french) == len(german) == 4
