"""The demo practices and collections (`trefpunt load-demo`)."""

from collections import Counter

from trefpunt.practices import demo
from trefpunt.practices.models import Collection, Practice, PracticeTranslation, Theme
from trefpunt.search.models import SearchDocument
from trefpunt.search.query import search


def _practice(key: str) -> Practice:
    return Practice.objects.prefetch_related("territories", "themes", "translations").get(
        external_id=f"demo:{key}"
    )


def test_loading_twice_adds_nothing(demo_practices):
    counts = (Practice.objects.count(), PracticeTranslation.objects.count())

    # practices, translations, collections, their translations
    assert demo_practices == 34 + 15 + 2 + 6
    assert demo.load() == 0
    assert (Practice.objects.count(), PracticeTranslation.objects.count()) == counts


def test_there_are_thirty_demo_practices_in_four_languages_across_the_themes(demo_practices):
    practices = Practice.objects.filter(is_demo=True)

    assert practices.count() == 34
    assert Counter(practices.values_list("language", flat=True)) == {
        "nl": 9,
        "fr": 9,
        "de": 8,
        "en": 8,
    }
    used = set(practices.values_list("themes__slug", flat=True))
    assert used == set(Theme.objects.values_list("slug", flat=True))
    assert not practices.filter(territories=None).exists()
    assert set(practices.values_list("status", flat=True)) == {"published"}


def test_the_genk_and_gelsenkirchen_practices_share_the_housing_theme(demo_practices):
    genk = _practice("genk-miners-houses")
    gelsenkirchen = _practice("gelsenkirchen-mining-estates")

    assert (genk.language, [t.code for t in genk.territories.all()]) == ("nl", ["BE-NIS:71016"])
    assert gelsenkirchen.language == "de"
    assert [(t.country, t.name) for t in gelsenkirchen.territories.all()] == [
        ("DE", "Gelsenkirchen")
    ]
    for practice in (genk, gelsenkirchen):
        assert "energy-efficiency-housing" in {theme.slug for theme in practice.themes.all()}
    assert sorted(t.language for t in genk.translations.all()) == ["de", "en", "fr"]
    assert {t.language: t.origin for t in gelsenkirchen.translations.all()} == {
        "nl": "human",
        "fr": "machine",
        "en": "human",
    }


def test_charleroi_is_readable_in_dutch(demo_practices):
    charleroi = _practice("charleroi-workers-houses")

    assert (charleroi.language, [t.code for t in charleroi.territories.all()]) == (
        "fr",
        ["BE-NIS:52011"],
    )
    dutch = charleroi.translation_in("nl")
    assert (dutch.origin, dutch.title) == (
        "human",
        "Energetische renovatie van arbeiderswoningen in de oude industriewijken van Charleroi",
    )


def test_human_and_machine_translations_exist(demo_practices):
    assert Counter(
        PracticeTranslation.objects.filter(practice__is_demo=True).values_list("origin", flat=True)
    ) == {"human": 13, "machine": 2}


def test_the_practices_are_tied_to_demo_organisations(demo_practices):
    menen = _practice("menen-renovation-coach")

    assert menen.owner.slug == "menen"
    assert list(menen.organisations.values_list("slug", flat=True)) == ["halluin"]


def test_the_two_collections_are_ordered_and_translated(demo_practices):
    collections = {
        c.slug: c for c in Collection.objects.prefetch_related("translations", "items__practice")
    }

    assert sorted(collections) == ["energy-workers-districts", "welcoming-cee-workers"]
    energy = collections["energy-workers-districts"]
    assert energy.title == "Energy efficiency in old workers' districts"
    assert [item.practice.external_id for item in energy.items.all()] == [
        "demo:genk-miners-houses",
        "demo:gelsenkirchen-mining-estates",
        "demo:charleroi-workers-houses",
        "demo:maasmechelen-eisden",
        "demo:seraing-workers-estate",
        "demo:parkstad-terraces-heat",
    ]
    assert {t.language: t.title for t in energy.translations.all()} == {
        "nl": "Energie-efficiëntie in oude arbeiderswijken",
        "fr": "L'efficacité énergétique dans les anciens quartiers ouvriers",
        "de": "Energieeffizienz in alten Arbeitervierteln",
    }
    welcoming = collections["welcoming-cee-workers"]
    assert welcoming.language == "fr"
    assert sorted(t.language for t in welcoming.translations.all()) == ["de", "en", "nl"]
    assert welcoming.items.count() == 6


def test_every_language_version_is_in_the_index(demo_practices):
    genk = _practice("genk-miners-houses")

    assert list(
        SearchDocument.objects.filter(object_key=str(genk.pk))
        .order_by("language")
        .values_list("language", "is_original")
    ) == [("de", False), ("en", False), ("fr", False), ("nl", True)]
    assert SearchDocument.objects.filter(doc_type="practice").count() == 34 + 15


def test_a_french_query_finds_the_workers_houses_of_genk_and_gelsenkirchen(demo_practices):

    response = search("isolation maisons ouvrières anciennes", types=["practice"], limit=10)

    found = [hit.external_id for hit in response.results]
    assert "demo:genk-miners-houses" in found
    assert "demo:gelsenkirchen-mining-estates" in found


def test_a_dutch_query_finds_charleroi(demo_practices):

    response = search("renovatie van arbeiderswoningen in Charleroi", types=["practice"], limit=10)

    assert "demo:charleroi-workers-houses" in [hit.external_id for hit in response.results][:3]
