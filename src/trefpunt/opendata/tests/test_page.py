from django.utils import translation

from trefpunt.opendata.datasets import DATASETS


def test_the_page_lists_every_dataset_of_the_catalogue(demo, client):
    response = client.get("/fr/open-data/")
    assert response.status_code == 200
    text = response.content.decode()
    with translation.override("fr"):
        for dataset in DATASETS:
            assert f'id="{dataset.key}"' in text
            assert str(dataset.title) in text
    assert 'href="/fr/practices/export.csv"' in text
    assert 'href="/api/v1/practices"' in text
    assert 'href="/catalog.ttl"' in text
    assert 'href="/catalog.jsonld"' in text
    assert 'href="/open-data/popolo.json"' in text
    assert 'href="/sitemap.xml"' in text
    assert 'href="/api/v1/docs"' in text
    assert "Bonnes pratiques" in text
    assert 'rel="license">CC BY 4.0</a>' in text
    assert "/assistance" not in text.split("<main", 1)[1]


def test_the_footer_links_to_the_page(db, client):
    response = client.get("/de/")
    assert '<a href="/de/open-data/">Offene Daten</a>' in response.content.decode()


def test_the_page_reads_the_data_in_a_fixed_number_of_queries(
    demo, client, django_assert_max_num_queries
):
    # The latest changes and the series calendars (2) plus what the base template reads.
    with django_assert_max_num_queries(4) as context:
        client.get("/en/open-data/")
    data_queries = [q for q in context.captured_queries if "session" not in q["sql"]]
    assert len(data_queries) == 2
