import json

import pytest
from django.utils import timezone
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from trefpunt.meetings.models import Series
from trefpunt.opendata import catalogue
from trefpunt.opendata.datasets import DATASETS
from trefpunt.practices.models import Practice, Status

BASE = "http://testserver"


def _graph(client, path="/catalog.ttl", fmt="turtle") -> Graph:
    response = client.get(path)
    assert response.status_code == 200
    graph = Graph()
    graph.parse(data=response.content.decode(), format=fmt)
    return graph


@pytest.fixture
def graph(demo, client):
    return _graph(client)


def test_the_catalogue_is_turtle_with_one_dataset_per_public_list(demo, client):
    response = client.get("/catalog.ttl")
    assert response["Content-Type"] == "text/turtle; charset=utf-8"
    graph = Graph().parse(data=response.content.decode(), format="turtle")
    identifiers = {
        str(graph.value(node, DCTERMS.identifier))
        for node in graph.subjects(RDF.type, DCAT.Dataset)
    }
    assert identifiers == {
        "territories",
        "organisations",
        "people",
        "relations",
        "practices",
        "collections",
        "meetings",
        "news",
        "legal-acts",
        "obstacles",
        "programme",
    }
    catalog = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(list(graph.objects(catalog, DCAT.dataset))) == 11


def test_every_dataset_has_four_titles_a_publisher_and_a_distribution_that_answers(graph, client):
    for node in graph.subjects(RDF.type, DCAT.Dataset):
        titles = {t.language: str(t) for t in graph.objects(node, DCTERMS.title)}
        assert sorted(titles) == ["de", "en", "fr", "nl"], node
        descriptions = {d.language for d in graph.objects(node, DCTERMS.description)}
        assert descriptions == {"de", "en", "fr", "nl"}, node
        publisher = graph.value(node, DCTERMS.publisher)
        assert (publisher, RDF.type, FOAF.Agent) in graph
        assert str(graph.value(publisher, FOAF.name)) == "Trefpunt"
        assert list(graph.objects(node, DCAT.theme)), node
        distributions = list(graph.objects(node, DCAT.distribution))
        assert distributions, node
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) == URIRef(
                "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
            )
            assert graph.value(distribution, DCAT.mediaType) is not None
            assert graph.value(distribution, DCTERMS.format) is not None
            url = str(graph.value(distribution, DCAT.downloadURL))
            assert url == str(graph.value(distribution, DCAT.accessURL))
            assert url.startswith(BASE + "/"), url
            answer = client.get(url.removeprefix(BASE))
            assert answer.status_code == 200, url


def test_titles_are_translated(graph):
    node = URIRef(f"{BASE}/catalog.ttl#dataset-practices")
    titles = {t.language: str(t) for t in graph.objects(node, DCTERMS.title)}
    assert titles == {
        "nl": "Goede praktijken",
        "fr": "Bonnes pratiques",
        "de": "Gute Praxis",
        "en": "Good practices",
    }


def test_formats_of_the_obstacles_dataset(graph):
    node = URIRef(f"{BASE}/catalog.ttl#dataset-obstacles")
    formats = sorted(
        str(graph.value(d, DCTERMS.format)).rsplit("/", 1)[1]
        for d in graph.objects(node, DCAT.distribution)
    )
    assert formats == ["ATOM", "CSV", "JSON", "JSON"]


def test_the_meetings_dataset_has_a_calendar_per_series(graph):
    node = URIRef(f"{BASE}/catalog.ttl#dataset-meetings")
    media = [
        str(graph.value(d, DCAT.mediaType)).removeprefix(
            "https://www.iana.org/assignments/media-types/"
        )
        for d in graph.objects(node, DCAT.distribution)
    ]
    series = Series.objects.count()
    assert series > 0
    assert sorted(media) == ["application/json"] + ["text/calendar"] * series + ["text/csv"]
    calendars = {
        str(graph.value(d, DCAT.downloadURL))
        for d in graph.objects(node, DCAT.distribution)
        if str(graph.value(d, DCAT.mediaType)).endswith("/text/calendar")
    }
    assert calendars == {
        f"{BASE}/api/v1/meetings/series/{slug}.ics"
        for slug in Series.objects.values_list("slug", flat=True)
    }


def test_nothing_restricted_is_listed(graph):
    text = graph.serialize(format="turtle")
    assert "/assistance" not in text
    assert "crisis" not in {str(o) for o in graph.objects(None, DCTERMS.identifier)}


def test_modified_comes_from_public_records_only(demo, client):
    node = URIRef(f"{BASE}/catalog.ttl#dataset-practices")
    draft = Practice.objects.published().first()
    Practice.objects.filter(pk=draft.pk).update(
        status=Status.DRAFT, updated_at=timezone.now() + timezone.timedelta(days=3)
    )
    published = Practice.objects.published().order_by("-updated_at").first().updated_at
    graph = _graph(client)
    assert graph.value(node, DCTERMS.modified).toPython() == published


def test_the_catalogue_changes_when_public_data_changes(demo, client):
    node = URIRef(f"{BASE}/catalog.ttl#dataset-practices")
    before = _graph(client).value(node, DCTERMS.modified).toPython()
    later = timezone.now() + timezone.timedelta(days=1)
    Practice.objects.filter(pk=Practice.objects.published().first().pk).update(updated_at=later)
    after = _graph(client).value(node, DCTERMS.modified).toPython()
    assert before < after == later


def test_jsonld_parses_to_the_same_graph(demo, client):
    response = client.get("/catalog.jsonld")
    assert response["Content-Type"] == "application/ld+json"
    json.loads(response.content)
    jsonld = Graph().parse(data=response.content.decode(), format="json-ld")
    turtle = _graph(client)
    assert len(jsonld) == len(turtle)
    assert len(list(jsonld.subjects(RDF.type, DCAT.Dataset))) == len(DATASETS)


def test_the_catalogue_reads_the_data_in_two_queries_and_is_cached(
    demo, client, django_assert_num_queries
):
    # One query for every dataset's latest change, one for the series calendars.
    with django_assert_num_queries(2):
        first = client.get("/catalog.ttl")
    with django_assert_num_queries(2):
        second = client.get("/catalog.ttl")
    assert first.content == second.content


def test_building_the_graph_costs_no_query_per_dataset(demo, django_assert_num_queries):
    with django_assert_num_queries(2):
        graph = catalogue.build_graph(BASE)
    assert len(list(graph.subjects(RDF.type, DCAT.Distribution))) > len(DATASETS)
