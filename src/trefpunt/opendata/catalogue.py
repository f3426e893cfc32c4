"""The DCAT-AP 3 catalogue of the platform's public datasets, built with rdflib.

Every dataset of ``datasets.DATASETS`` becomes a ``dcat:Dataset`` with its title and
description in the four languages, the publisher, its themes, the latest change of its records
and one ``dcat:Distribution`` per export, feed or API list. The serialised catalogue is cached
under a key made of the site address and the datasets' latest changes: any change to public
data makes a new key, and the short timeout bounds what else may go stale.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from trefpunt.lib.languages import CODES

from .datasets import DATASETS, EU, Dataset, distributions, extra_distributions, modified_dates

CACHE_SECONDS = 15 * 60
DCAT_AP = "http://data.europa.eu/r5r/"
LANGUAGE_URIS = {"nl": "NLD", "fr": "FRA", "de": "DEU", "en": "ENG"}
COUNTRIES = ("BEL", "NLD", "LUX", "DEU", "FRA")
ADMS = Namespace("http://www.w3.org/ns/adms#")
SERIALISATIONS = {"ttl": "turtle", "jsonld": "json-ld"}
CATALOG_TITLE = _("Trefpunt open data")
CATALOG_DESCRIPTION = _(
    "The public datasets of Trefpunt, the meeting point for cross-border cooperation in the "
    "Benelux and its neighbours."
)


def publisher() -> tuple[str, str]:
    """The organisation that operates the platform: its name and web address."""
    return settings.TREFPUNT_PUBLISHER_NAME, settings.TREFPUNT_PUBLISHER_URL


def _translated(graph: Graph, subject, predicate, text) -> None:
    for code in CODES:
        with override(code):
            graph.add((subject, predicate, Literal(str(text), lang=code)))


def dataset_uri(base: str, dataset: Dataset) -> URIRef:
    return URIRef(f"{base}/catalog.ttl#dataset-{dataset.key}")


def build_graph(base: str, modified=None, extra=None) -> Graph:
    """The catalogue as an RDF graph; ``base`` is the site address without a final slash."""
    modified = modified_dates() if modified is None else modified
    extra = extra_distributions() if extra is None else extra
    graph = Graph()
    graph.bind("dcat", DCAT)
    graph.bind("dct", DCTERMS)
    graph.bind("foaf", FOAF)
    graph.bind("adms", ADMS)

    name, homepage = publisher()
    agent = URIRef(f"{base}/catalog.ttl#publisher")
    graph.add((agent, RDF.type, FOAF.Agent))
    graph.add((agent, FOAF.name, Literal(name)))
    graph.add((agent, FOAF.homepage, URIRef(homepage)))

    catalog = URIRef(f"{base}/catalog.ttl#catalog")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    _translated(graph, catalog, DCTERMS.title, CATALOG_TITLE)
    _translated(graph, catalog, DCTERMS.description, CATALOG_DESCRIPTION)
    graph.add((catalog, DCTERMS.publisher, agent))
    graph.add((catalog, FOAF.homepage, URIRef(f"{base}/")))
    graph.add((catalog, DCTERMS.conformsTo, URIRef(DCAT_AP)))
    graph.add((catalog, DCAT.themeTaxonomy, URIRef(f"{EU}data-theme")))
    for code in LANGUAGE_URIS.values():
        graph.add((catalog, DCTERMS.language, URIRef(f"{EU}language/{code}")))
    latest = max((d for d in modified.values() if d is not None), default=None)
    if latest is not None:
        graph.add((catalog, DCTERMS.modified, Literal(latest, datatype=XSD.dateTime)))

    for dataset in DATASETS:
        node = dataset_uri(base, dataset)
        graph.add((catalog, DCAT.dataset, node))
        graph.add((node, RDF.type, DCAT.Dataset))
        graph.add((node, DCTERMS.identifier, Literal(dataset.key)))
        _translated(graph, node, DCTERMS.title, dataset.title)
        _translated(graph, node, DCTERMS.description, dataset.description)
        graph.add((node, DCTERMS.publisher, agent))
        graph.add((node, DCAT.landingPage, URIRef(base + dataset.page_path)))
        for theme in dataset.themes:
            graph.add((node, DCAT.theme, URIRef(f"{EU}data-theme/{theme}")))
        for code in LANGUAGE_URIS.values():
            graph.add((node, DCTERMS.language, URIRef(f"{EU}language/{code}")))
        for country in COUNTRIES:
            graph.add((node, DCTERMS.spatial, URIRef(f"{EU}country/{country}")))
        if modified.get(dataset.key) is not None:
            graph.add(
                (node, DCTERMS.modified, Literal(modified[dataset.key], datatype=XSD.dateTime))
            )
        rights = None
        if dataset.rights:
            rights = BNode()
            graph.add((rights, RDF.type, DCTERMS.RightsStatement))
            _translated(graph, rights, RDFS.label, dataset.rights)
        for number, distribution in enumerate(distributions(dataset, extra), start=1):
            item = URIRef(f"{base}/catalog.ttl#dataset-{dataset.key}-{number}")
            fmt = distribution.format_info
            url = URIRef(base + distribution.path)
            graph.add((node, DCAT.distribution, item))
            graph.add((item, RDF.type, DCAT.Distribution))
            graph.add((item, DCAT.accessURL, url))
            graph.add((item, DCAT.downloadURL, url))
            graph.add((item, DCAT.mediaType, URIRef(fmt.media_type_uri)))
            graph.add((item, DCTERMS.format, URIRef(fmt.file_type_uri)))
            graph.add((item, DCTERMS.license, URIRef(dataset.licence.uri)))
            if rights is not None:
                graph.add((item, DCTERMS.rights, rights))
            if distribution.conforms_to:
                graph.add((item, DCTERMS.conformsTo, URIRef(distribution.conforms_to)))
            _translated(graph, item, DCTERMS.title, distribution.label)
    return graph


def serialise(base: str, fmt: str) -> str:
    """The catalogue serialised as ``fmt`` (``ttl`` or ``jsonld``), cached until public
    data changes (the key holds every dataset's latest change) or ``CACHE_SECONDS`` pass."""
    modified = modified_dates()
    extra = extra_distributions()
    fingerprint = repr(
        (
            base,
            fmt,
            sorted((k, v.isoformat() if v else "") for k, v in modified.items()),
            sorted((k, [d.path for d in v]) for k, v in extra.items()),
        )
    )
    key = "opendata:catalog:" + hashlib.sha256(fingerprint.encode()).hexdigest()
    text = cache.get(key)
    if text is None:
        text = build_graph(base, modified, extra).serialize(format=SERIALISATIONS[fmt])
        cache.set(key, text, CACHE_SECONDS)
    return text
